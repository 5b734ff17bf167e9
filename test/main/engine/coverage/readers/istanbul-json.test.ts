// Istanbul's coverage-final.json against istanbul-reports' own specs (the metrics its html-spa
// reporter must show for each coverage map), and Jest's coverageMap (the same objects).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseReportFiles } from '../../../../../src/main/engine/coverage/combine-coverage.js';
import { readJestCoverage } from '../../../../../src/main/engine/coverage/jest-coverage.js';
import { CoveragePaths } from '../../../../../src/main/engine/coverage/paths/coverage-paths.js';
import { coberturaXmlReader } from '../../../../../src/main/engine/coverage/readers/cobertura-xml/index.js';
import { istanbulJsonReader } from '../../../../../src/main/engine/coverage/readers/istanbul-json/index.js';
import { totalsOf } from '../../../../../src/main/engine/coverage/coverage-totals.js';
import { readReport } from '../../../../../src/main/engine/ingest/read-report.js';
import type { CoverageCounts } from '../../../../../src/main/engine/model/raw-coverage.js';
import { ReportError } from '../../../../../src/main/engine/readers/report-error.js';
import { OWN_COVERAGE, coverageEntries, readFixture, readWith } from '../../../../support/coverage-fixtures.js';
import { fixturePath } from '../../../../support/fixtures.js';
import { tempDir } from '../../../../support/temp.js';

type Metric = { total: number; covered: number };
const pairOf = (metric: Metric): CoverageCounts => ({ covered: metric.covered, valid: metric.total });

describe('istanbul-json: conformance with istanbul-reports', () => {
  const entries = coverageEntries('istanbul-json');
  it('covers every coverage-final.json with stated metrics', () => {
    expect(entries.length).toBe(9);
  });

  for (const [relative, entry] of entries) {
    it(relative, async () => {
      const { totals, parsed } = await readFixture(relative, istanbulJsonReader);
      const expected = entry.expected_coverage as Record<'lines' | 'statements' | 'functions' | 'branches', Metric>;
      // Compared as counts: for total 0 the reporters disagree about pct (SOURCES.md).
      expect(totals.lines).toEqual(pairOf(expected.lines));
      expect(totals.statements).toEqual(pairOf(expected.statements));
      expect(totals.functions).toEqual(pairOf(expected.functions));
      expect(totals.branches).toEqual(pairOf(expected.branches));
      expect(parsed.header).toBeNull();
    });
  }

  it("agrees file by file with the Cobertura istanbul-reports writes for the same map", async () => {
    for (const spec of ['100-line-100-branch', '100-line-missing-branch', 'coalescence', 'maxcols', 'missing-line-missing-branch']) {
      const context = { paths: new CoveragePaths({ root: '/nowhere' }), goModule: null };
      const json = normaliseReportFiles((await readFixture(`istanbul-json/istanbuljs/${spec}.coverage-final.json`, istanbulJsonReader)).parsed, context);
      const xml = normaliseReportFiles((await readFixture(`istanbul-json/istanbuljs/${spec}.expected-cobertura.xml`, coberturaXmlReader)).parsed, context);
      const linesOf = (files: typeof json) => [...files.values()].map((file) => file.lines);
      expect(linesOf(xml), spec).toEqual(linesOf(json));
    }
  });

  it("c8's coverage-final.json gives c8's text report totals", async () => {
    const { totals } = await readWith(join(OWN_COVERAGE, 'cart', 'coverage', 'coverage-final.json'), istanbulJsonReader);
    expect(totals).toMatchObject({ files: 2, lines: { covered: 26, valid: 34 }, branches: { covered: 8, valid: 11 }, functions: { covered: 4, valid: 6 } });
  });

  it('reads the coverage map inside a `jest --json --coverage` report', async () => {
    const report = await readReport(fixturePath('jest-json/jest-coverage-report-action/jsonReport.json'));
    const coverage = await readJestCoverage(report);
    expect(coverage?.format).toBe('jest-coverage-map');
    expect(coverage?.sha256).toBe(report.sha256);
    expect(coverage?.files.every((file) => file.path.startsWith('/jest/examples/typescript/'))).toBe(true);
    expect(coverage?.files).toHaveLength(6);
    const totals = totalsOf(coverage?.files ?? []);
    expect(totals.lines.valid).toBeGreaterThan(0);
    const twin = await readJestCoverage(await readReport(fixturePath('jest-json/jest-coverage-report-action/jsonReport2.json')));
    expect(twin?.files).toHaveLength(53);
  });
});

describe('istanbul-json: detection and bad input', () => {
  it('claims coverage-final.json, not the summary, a Jest report or an istanbul-reports spec', () => {
    const text = (relative: string) => readFileSync(fixturePath(relative), 'utf8');
    expect(istanbulJsonReader.matches(text('istanbul-json/vitest-coverage-report-action/coverage-final.json'))).toBe(true);
    expect(istanbulJsonReader.matches(text('istanbul-json/istanbuljs/empty-file.coverage-final.json'))).toBe(true);
    expect(istanbulJsonReader.matches(text('istanbul-json/vitest-coverage-report-action/coverage-summary.json'))).toBe(false);
    expect(istanbulJsonReader.matches(text('jest-json/jest-coverage-report-action/jsonReport.json'))).toBe(false);
    expect(istanbulJsonReader.matches(text('istanbul-json/istanbuljs/specs/coalescence.json'))).toBe(false);
  });

  const cases: { name: string; content: string; error: RegExp }[] = [
    { name: 'truncated.json', content: readFileSync(fixturePath('istanbul-json/istanbuljs/maxcols.coverage-final.json'), 'utf8').slice(0, 1500), error: /truncated JSON/ },
    { name: 'deep.json', content: `{"/a.js": {"statementMap": {}, "s": ${'['.repeat(100_000)}`, error: /nested deeper than/ },
    { name: 'bad-hits.json', content: '{"/a.js": {"path": "/a.js", "statementMap": {"0": {"start": {"line": 1}}}, "s": {"0": "often"}, "fnMap": {}}}', error: /"often" is not a count/ },
    { name: 'no-s.json', content: '{"/a.js": {"path": "/a.js", "statementMap": {}, "fnMap": {}}}', error: /s is missing/ },
  ];
  for (const bad of cases) {
    it(bad.name, async () => {
      const path = join(tempDir(), bad.name);
      writeFileSync(path, bad.content);
      await expect(readWith(path, istanbulJsonReader)).rejects.toBeInstanceOf(ReportError);
      await expect(readWith(path, istanbulJsonReader)).rejects.toThrow(bad.error);
    });
  }
});
