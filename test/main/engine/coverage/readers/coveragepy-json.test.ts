// coverage.py's `coverage json`: no upstream fixture (SOURCES.md, Gaps), so the real output of
// coverage.py 6.5 (test/fixtures/coverage/calc) is checked against coverage.py's own report, and
// coverage.py 7's per-function data is read from a sample of its documented shape.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coveragepyJsonReader } from '../../../../../src/main/engine/coverage/readers/coveragepy-json/index.js';
import { ReportError } from '../../../../../src/main/engine/readers/report-error.js';
import { OWN_COVERAGE, readWith } from '../../../../support/coverage-fixtures.js';
import { fixturePath } from '../../../../support/fixtures.js';
import { tempDir } from '../../../../support/temp.js';

const REPORT = join(OWN_COVERAGE, 'calc', 'reports', 'coverage.json');

describe('coveragepy-json', () => {
  it("gives `coverage report`'s totals: 32 statements, 7 missed, 14 branches, 8 taken", async () => {
    const { parsed, totals } = await readWith(REPORT, coveragepyJsonReader);
    expect(totals).toMatchObject({ files: 3, lines: { covered: 25, valid: 32 }, branches: { covered: 8, valid: 14 }, functions: null });
    expect(parsed.header).toEqual({ lines: { covered: 25, valid: 32 }, branches: { covered: 8, valid: 14 } });
    expect(parsed.info.tool).toBe('coverage.py 6.5.0');
    // coverage.py writes local time without a zone: not a time we can place.
    expect(parsed.info.startedAt).toBeUndefined();
    expect(parsed.warnings).toEqual([]);
  });

  it('per file: the summary counts, and hits from executed and missing lines', async () => {
    const { parsed } = await readWith(REPORT, coveragepyJsonReader);
    const stats = parsed.files.find((file) => file.path === 'calc/stats.py');
    expect(stats?.lines).toEqual({ covered: 12, valid: 17 });
    expect([...(stats?.lineHits ?? [])].filter(([, hits]) => hits === 0).map(([line]) => line)).toEqual([11, 15, 19, 20, 21]);
    // The docstring of __init__.py is "executed" but is no statement: the summary's 0/0 counts.
    expect(parsed.files.find((file) => file.path === 'calc/__init__.py')?.lines).toEqual({ covered: 0, valid: 0 });
  });

  it("coverage.py 7's functions: \"\" is the module's own code, not a function", async () => {
    const path = join(tempDir(), 'coverage.json');
    const summary = (covered: number, statements: number) => ({ covered_lines: covered, num_statements: statements, percent_covered: 0, missing_lines: statements - covered, excluded_lines: 0 });
    writeFileSync(
      path,
      JSON.stringify({
        meta: { format: 3, version: '7.6.1', timestamp: '2025-01-01T10:00:00.000000+00:00', branch_coverage: false, show_contexts: false },
        files: {
          'app/a.py': {
            executed_lines: [1, 2, 5],
            summary: summary(3, 4),
            missing_lines: [6],
            excluded_lines: [],
            functions: { f: { executed_lines: [2], summary: summary(1, 1), missing_lines: [] }, g: { executed_lines: [], summary: summary(0, 1), missing_lines: [6] }, '': { executed_lines: [1, 5], summary: summary(2, 2), missing_lines: [] } },
          },
        },
        totals: summary(3, 4),
      }),
    );
    const { parsed } = await readWith(path, coveragepyJsonReader);
    expect(parsed.files[0]).toMatchObject({ lines: { covered: 3, valid: 4 }, functions: { covered: 1, valid: 2 }, branches: null });
    expect(parsed.info.startedAt).toBe('2025-01-01T10:00:00.000Z');
  });

  it('detection: coverage.py JSON only', () => {
    expect(coveragepyJsonReader.matches(readFileSync(REPORT, 'utf8'))).toBe(true);
    expect(coveragepyJsonReader.matches(readFileSync(fixturePath('pytest-json/pytest-json-report/sample_report.json'), 'utf8'))).toBe(false);
    expect(coveragepyJsonReader.matches(readFileSync(fixturePath('istanbul-json/vitest-coverage-report-action/coverage-summary.json'), 'utf8'))).toBe(false);
  });

  it('bad input: truncated, wrong shapes', async () => {
    const good = readFileSync(REPORT, 'utf8');
    for (const [content, error] of [
      [good.slice(0, 600), /truncated JSON/],
      ['{"meta": {"version": "7"}, "files": []}', /files is not an object/],
      ['{"meta": {"version": "7"}, "files": {"a.py": {"summary": {"covered_lines": 1}}}}', /summary needs covered_lines and num_statements/],
      ['{"meta": {"version": "7"}, "files": {"a.py": {"executed_lines": ["x"], "summary": {"covered_lines": 1, "num_statements": 1}}}}', /not a line number/],
    ] as const) {
      const path = join(tempDir(), 'coverage.json');
      writeFileSync(path, content);
      await expect(readWith(path, coveragepyJsonReader)).rejects.toBeInstanceOf(ReportError);
      await expect(readWith(path, coveragepyJsonReader)).rejects.toThrow(error);
    }
  });
});
