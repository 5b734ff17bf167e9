// lcov tracefiles against lcov-parse's asserted values and the lcov files real tools wrote.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lcovReader } from '../../../../../src/main/engine/coverage/readers/lcov/index.js';
import { ReportError } from '../../../../../src/main/engine/readers/report-error.js';
import { OWN_COVERAGE, coverageEntries, readFixture, readForced, readWith } from '../../../../support/coverage-fixtures.js';
import { fixturePath } from '../../../../support/fixtures.js';
import { tempDir } from '../../../../support/temp.js';

interface ExpectedRecord {
  index: number;
  file: string;
  lines_found?: number;
  lines_hit?: number;
  functions_found?: number;
  functions_hit?: number;
  branches_found?: number;
  branches_hit?: number;
  line_details: number;
}

/**
 * Where lcov-parse's asserted value (it reads the record's own BRH summary line) differs from
 * the record's data lines, which we count. We assert OUR number.
 */
const DEVIATIONS: Record<string, { ours: number; why: string }> = {
  '1.branches_hit': {
    ours: 21,
    why: 'the record says BRH:22, but of its 23 BRDA lines one is "-" (never evaluated) and one is 0 (evaluated, never taken): 21 were taken. lcov counts a branch hit when taken > 0.',
  },
};

describe('lcov: conformance with lcov-parse', () => {
  const entries = coverageEntries('lcov');
  it('covers both lcov fixtures', () => {
    expect(entries.map(([relative]) => relative).sort()).toEqual(['go-coverprofile/gcov2lcov/coverage_expected.lcov', 'lcov/lcov-parse/parts.info']);
  });

  it('go-coverprofile/gcov2lcov/coverage_expected.lcov: its LF/LH header and its DA lines', async () => {
    const { parsed, totals } = await readFixture('go-coverprofile/gcov2lcov/coverage_expected.lcov', lcovReader);
    expect(parsed.header?.lines).toEqual({ covered: 6, valid: 7 });
    expect(totals.lines).toEqual({ covered: 6, valid: 7 });
  });

  for (const [relative, entry] of entries) {
    if (!Array.isArray(entry.expected_records)) continue;
    const records = entry.expected_records as ExpectedRecord[];
    for (const record of records) {
      it(`${relative} record ${record.index} (${record.file})`, async () => {
        const { parsed } = await readFixture(relative, lcovReader);
        const file = parsed.files[record.index];
        expect(file?.path).toBe(record.file);
        expect(file?.lineHits?.size).toBe(record.line_details);
        const check = (key: keyof ExpectedRecord, value: number | undefined): void => {
          const expected = record[key];
          if (expected === undefined) return;
          const deviation = DEVIATIONS[`${record.index}.${key}`];
          expect(value, deviation?.why ?? key).toBe(deviation ? deviation.ours : expected);
        };
        check('lines_found', file?.lines.valid);
        check('lines_hit', file?.lines.covered);
        check('functions_found', file?.functions?.valid);
        check('functions_hit', file?.functions?.covered);
        check('branches_found', file?.branches?.valid ?? 0);
        check('branches_hit', file?.branches?.covered ?? 0);
      });
    }
  }

  it('says where a record contradicts its own summary lines', async () => {
    const { parsed } = await readFixture('lcov/lcov-parse/parts.info', lcovReader);
    expect(parsed.warnings).toEqual([expect.stringMatching(/anim-easing\/anim-easing-coverage\.js: BRF 23 BRH 22, but 21\/23 BRDA branches taken/)]);
  });
});

describe('lcov: real writers', () => {
  it("c8's lcov.info: c8's totals", async () => {
    const { totals, parsed } = await readWith(join(OWN_COVERAGE, 'cart', 'coverage', 'lcov.info'), lcovReader);
    expect(totals).toMatchObject({ lines: { covered: 26, valid: 34 }, branches: { covered: 8, valid: 11 }, functions: { covered: 4, valid: 6 } });
    expect(parsed.header).toEqual({ lines: { covered: 26, valid: 34 }, branches: { covered: 8, valid: 11 }, functions: { covered: 4, valid: 6 } });
    expect(parsed.warnings).toEqual([]);
  });

  it("coverage.py 6.5's lcov.info: its DA line for a docstring disagrees with its own LF:0", async () => {
    const { totals, parsed } = await readWith(join(OWN_COVERAGE, 'calc', 'reports', 'lcov.info'), lcovReader);
    expect(totals.lines).toEqual({ covered: 26, valid: 33 });
    expect(totals.branches).toEqual({ covered: 8, valid: 14 });
    expect(parsed.header?.lines).toEqual({ covered: 26, valid: 32 });
    expect(parsed.warnings).toEqual([expect.stringMatching(/lines: 26\/32 in the header, 26\/33 \(78\.8%\) in the files/)]);
  });

  it("gcov2lcov's expected output", async () => {
    const { totals } = await readFixture('go-coverprofile/gcov2lcov/coverage_expected.lcov', lcovReader);
    expect(totals.lines).toEqual({ covered: 6, valid: 7 });
  });

  it('lcov 2 function lines (FNL/FNA) and repeated records of one file', async () => {
    const path = join(tempDir(), 'lcov2.info');
    writeFileSync(path, 'TN:\nSF:src/a.c\nFNL:0,3,9\nFNA:0,2,main\nFNL:1,12\nFNA:1,0,helper\nDA:3,2\nDA:12,0\nend_of_record\nTN:other\nSF:src/a.c\nDA:12,4\nend_of_record\n');
    const { parsed } = await readWith(path, lcovReader);
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0]).toMatchObject({ lines: { covered: 2, valid: 2 } });
  });

  it('detection: tracefiles only', () => {
    expect(lcovReader.matches(readFileSync(fixturePath('lcov/lcov-parse/parts.info'), 'utf8'))).toBe(true);
    expect(lcovReader.matches('SF:/abs/x.js\nDA:1,1\nend_of_record\n')).toBe(true);
    expect(lcovReader.matches('TAP version 13\nok 1 - SF:x\n')).toBe(false);
    expect(lcovReader.matches('mode: set\n')).toBe(false);
  });
});

describe('lcov: bad input', () => {
  const cases: { name: string; text: string; error: RegExp }[] = [
    { name: 'cut after a record', text: 'TN:\nSF:a.js\nDA:1,1\nend_of_record\nSF:b.js\nDA:1,', error: /line 6 \(b\.js\) DA/ },
    { name: 'cut inside a record', text: 'TN:\nSF:a.js\nDA:1,1\nDA:2,0\n', error: /truncated lcov: the record of a\.js has no end_of_record/ },
    { name: 'two files in one record', text: 'SF:a.js\nDA:1,1\nSF:b.js\nend_of_record\n', error: /SF:b\.js starts a record before a\.js ended/ },
    { name: 'a count that is not one', text: 'SF:a.js\nDA:1,lots\nend_of_record\n', error: /DA:1,lots: "lots" is not a count/ },
    { name: 'data outside a record', text: 'SF:a.js\nend_of_record\nDA:1,1\n', error: /DA: outside a record/ },
    { name: 'not lcov at all', text: 'SF:a.js\n<html>\nend_of_record\n', error: /not an lcov line/ },
  ];
  for (const bad of cases) {
    it(bad.name, async () => {
      const path = join(tempDir(), 'lcov.info');
      writeFileSync(path, bad.text);
      await expect(readForced(path, lcovReader)).rejects.toBeInstanceOf(ReportError);
      await expect(readForced(path, lcovReader)).rejects.toThrow(bad.error);
    });
  }
});
