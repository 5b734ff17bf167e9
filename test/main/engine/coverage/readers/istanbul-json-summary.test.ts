// Istanbul's coverage-summary.json: "total" is the stated header, the file entries its body.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { istanbulJsonSummaryReader } from '../../../../../src/main/engine/coverage/readers/istanbul-json-summary/index.js';
import { ReportError } from '../../../../../src/main/engine/readers/report-error.js';
import { OWN_COVERAGE, coverageEntries, readFixture, readWith } from '../../../../support/coverage-fixtures.js';
import { fixturePath } from '../../../../support/fixtures.js';
import { tempDir } from '../../../../support/temp.js';

type Metric = { total: number; covered: number };

describe('istanbul-json-summary: conformance with the stated totals', () => {
  const entries = coverageEntries('istanbul-json-summary');
  it('covers both summaries', () => {
    expect(entries.map(([relative]) => relative).sort()).toEqual([
      'istanbul-json/vitest-coverage-report-action/coverage-summary-compare.json',
      'istanbul-json/vitest-coverage-report-action/coverage-summary.json',
    ]);
  });

  for (const [relative, entry] of entries) {
    it(relative, async () => {
      const { parsed, totals } = await readFixture(relative, istanbulJsonSummaryReader);
      const stated = entry.report_header as Record<'lines' | 'statements' | 'functions' | 'branches', Metric>;
      for (const metric of ['lines', 'statements', 'functions', 'branches'] as const) {
        expect(parsed.header?.[metric], metric).toEqual({ covered: stated[metric].covered, valid: stated[metric].total });
        // The files add up to the header (fractions of the hand-edited file to within 1e-9).
        expect(totals[metric]?.valid).toBe(stated[metric].total);
        expect(totals[metric]?.covered).toBeCloseTo(stated[metric].covered, 9);
      }
      expect(totals.files).toBe(5);
      expect(parsed.files.every((file) => file.lineHits === null)).toBe(true);
    });
  }

  it('says the hand-edited summary has fractional counts, and nothing else', async () => {
    const { parsed } = await readFixture('istanbul-json/vitest-coverage-report-action/coverage-summary-compare.json', istanbulJsonSummaryReader);
    expect(parsed.warnings).toEqual([expect.stringMatching(/fractional counts \(total\.statements covered 74\.4 of 150\)/)]);
    const real = await readFixture('istanbul-json/vitest-coverage-report-action/coverage-summary.json', istanbulJsonSummaryReader);
    expect(real.parsed.warnings).toEqual([]);
  });

  it("c8's summary agrees with c8's text report", async () => {
    const { totals } = await readWith(join(OWN_COVERAGE, 'cart', 'coverage', 'coverage-summary.json'), istanbulJsonSummaryReader);
    expect(totals).toMatchObject({ lines: { covered: 26, valid: 34 }, branches: { covered: 8, valid: 11 }, functions: { covered: 4, valid: 6 } });
  });

  it('detection: summaries only', () => {
    expect(istanbulJsonSummaryReader.matches(readFileSync(fixturePath('istanbul-json/vitest-coverage-report-action/coverage-final.json'), 'utf8'))).toBe(false);
    expect(istanbulJsonSummaryReader.matches('{"total": {"lines": {"total": 1, "covered": 1}, "statements": {"total": 1, "covered": 1}}}')).toBe(true);
  });

  it('refuses bad counts, and a file entry without lines', async () => {
    for (const [name, content, error] of [
      ['no-lines.json', '{"total": {"lines": {"total": 1, "covered": 1}, "statements": {"total": 1, "covered": 1}}, "/a.js": {"statements": {"total": 1, "covered": 1}}}', /\/a\.js\.lines is missing/],
      ['bad-count.json', '{"total": {"lines": {"total": "x", "covered": 1}, "statements": {"total": 1, "covered": 1}}}', /total\.lines: total and covered must be counts/],
    ] as const) {
      const path = join(tempDir(), name);
      writeFileSync(path, content);
      await expect(readWith(path, istanbulJsonSummaryReader)).rejects.toBeInstanceOf(ReportError);
      await expect(readWith(path, istanbulJsonSummaryReader)).rejects.toThrow(error);
    }
  });
});
