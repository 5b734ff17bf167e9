import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { mochaJsonReader } from '../../../../src/main/engine/readers/mocha-json/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [mochaJsonReader]);

function writeReport(content: unknown): string {
  const path = join(tempDir(), 'report.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/**
 * EnricoMi's tests.json expectation splits the 2 failing tests into 1 failure + 1 error by its
 * own rule: an `err` carrying `errorMode` (a property only unexpected.js sets) is an "error".
 * mocha itself, its JUnit reporters and our counting (a test that threw is failed whatever it
 * threw; errored is for failures outside tests, such as a failing hook) make both failed, so
 * this file matches on tests/passed/skipped and on failed + errored (2), not on the split.
 */
const OUR_SPLIT: Record<string, { tests: number; passed: number; failed: number; errored: number; skipped: number }> = {
  'mocha-json/enricomi/tests.json': { tests: 5, passed: 2, failed: 2, errored: 0, skipped: 1 },
};

describe('mocha-json reader: conformance', () => {
  const entries = entriesWithCounts('mocha-json');

  it('has the fixtures it should', () => {
    expect(entries.length).toBe(4);
  });

  for (const [relative, entry] of entries) {
    it(`${relative} (${entry.source})`, async () => {
      const report = await read(fixturePath(relative));
      expect(report.format).toBe('mocha-json');
      const expected = entry.expected!;
      const ours = OUR_SPLIT[relative];
      if (ours) {
        expect(report.totals).toEqual(ours);
        expect(ours.failed + ours.errored).toBe(expected.failed! + expected.errored!);
        return;
      }
      // dorny has no error state (errored is null there): its "failed" is our failed + errored.
      const failed = expected.errored === null ? report.totals.failed + report.totals.errored : report.totals.failed;
      const actual = { ...report.totals, failed };
      for (const key of ['tests', 'passed', 'failed', 'errored', 'skipped'] as const) {
        if (expected[key] !== null) expect({ [key]: actual[key] }).toEqual({ [key]: expected[key] });
      }
    });
  }

  it('keeps apart two tests with the same full title in one file (mocha-test-results.json)', async () => {
    const report = await read(fixturePath('mocha-json/dorny/external/mocha/mocha-test-results.json'));
    expect(report.totals.tests).toBe(839);
    expect(report.tests.filter((test) => test.name.startsWith('should emit "fail"')).map((test) => test.name)).toContain('should emit "fail" #2');
  });
});

describe('mocha-json reader: details', () => {
  it('maps titles, files, errors and run facts (dorny mocha-json.json)', async () => {
    const report = await read(fixturePath('mocha-json/dorny/mocha-json.json'));
    const byName = new Map(report.tests.map((test) => [test.name, test]));
    const failing = byName.get('Failing test')!;
    expect(failing).toMatchObject({ suite: 'Test 1 Test 1.1', status: 'failed', durationMs: 1, message: 'Expected values to be strictly equal:' });
    expect(failing.file).toMatch(/main\.test\.js$/);
    expect(failing.trace).toMatch(/^AssertionError \[ERR_ASSERTION\]: Expected values to be strictly equal:/);
    // A thrown Error and a timeout fail the test as mocha counts it.
    expect(byName.get('Exception in test')).toMatchObject({ suite: 'Test 2', status: 'failed', message: 'Some error' });
    expect(byName.get('Timeout test')!.status).toBe('failed');
    expect(byName.get('Skipped test')).toMatchObject({ suite: '', status: 'skipped' });
    expect(byName.get('Passing test')).toMatchObject({ suite: 'Test 1', status: 'passed', durationMs: 0 });
    expect(report.info).toMatchObject({ startedAt: '2021-02-24T20:26:09.297Z', durationMs: 12 });
    expect(report.warnings).toEqual([]);
  });

  it('strips colour codes from messages (enricomi tests.json)', async () => {
    const report = await read(fixturePath('mocha-json/enricomi/tests.json'));
    const clone = report.tests.find((test) => test.name === 'should copy the title')!;
    expect(clone.message).toBe("expected 'To be cloned' to be 'Not to be cloned'");
    expect(clone.trace).not.toContain('\u001b');
  });

  it('records a failing hook, which is only in failures[], as an errored entry', async () => {
    const hookError = { message: 'connect ECONNREFUSED 127.0.0.1:5432', stack: 'Error: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect' };
    const path = writeReport({
      stats: { suites: 2, tests: 1, passes: 1, pending: 0, failures: 1, start: '2024-05-01T10:00:00.000Z', end: '2024-05-01T10:00:01.000Z', duration: 1000 },
      tests: [{ title: 'works', fullTitle: 'api works', file: '/repo/test/api.spec.js', duration: 5, currentRetry: 0, err: {} }],
      pending: [],
      failures: [{ title: '"before all" hook for "saves"', fullTitle: 'db "before all" hook for "saves"', file: '/repo/test/db.spec.js', currentRetry: 0, err: hookError }],
      passes: [{ title: 'works', fullTitle: 'api works', file: '/repo/test/api.spec.js', duration: 5, currentRetry: 0, err: {} }],
    });
    const report = await read(path);
    expect(report.totals).toEqual({ tests: 2, passed: 1, failed: 0, errored: 1, skipped: 0 });
    const hook = report.tests.find((test) => test.status === 'errored')!;
    expect(hook).toMatchObject({ suite: 'db', name: '"before all" hook for "saves"', file: '/repo/test/db.spec.js', message: 'connect ECONNREFUSED 127.0.0.1:5432' });
    expect(report.warnings).toEqual([]);
  });

  it('warns when stats disagree with the lists', async () => {
    const path = writeReport({ stats: { suites: 1, tests: 3, passes: 3, pending: 0, failures: 0 }, tests: [{ title: 'a', fullTitle: 'a', err: {} }], pending: [], failures: [], passes: [] });
    const report = await read(path);
    expect(report.warnings.join('\n')).toMatch(/stats.tests 3 but 1 listed/);
  });
});

describe('mocha-json reader: detection', () => {
  const head = (relative: string): string => readFileSync(fixturePath(relative), 'utf8').slice(0, 64 * 1024).trimStart();

  it('claims mocha JSON reports', () => {
    for (const [relative] of entriesWithCounts('mocha-json')) expect(mochaJsonReader.matches(head(relative))).toBe(true);
  });

  it('does not claim other formats, nor mochawesome', () => {
    for (const relative of [
      'jest-json/jest-coverage-report-action/jsonReport.json',
      'pytest-json/pytest-json-report/sample_report.json',
      'rspec-json/dorny/rspec-json.json',
      'dart-json/dorny/dart-json.json',
      'go-test-json/dorny/golang-json.json',
      'istanbul-json/vitest-coverage-report-action/coverage-summary.json',
    ]) {
      expect({ relative, claimed: mochaJsonReader.matches(head(relative)) }).toEqual({ relative, claimed: false });
    }
    const mochawesome = '{"stats": {"suites": 1, "tests": 1, "passes": 1, "pending": 0, "failures": 0, "testsRegistered": 1}, "results": []}';
    expect(mochaJsonReader.matches(mochawesome)).toBe(false);
  });
});

describe('mocha-json reader: bad input', () => {
  it('rejects tests that is not an array', async () => {
    const path = writeReport({ stats: { passes: 0, failures: 0 }, tests: {} });
    await expect(read(path)).rejects.toThrow(new ReportError('not a mocha JSON report: tests is not an array'));
  });

  it('rejects a truncated report', async () => {
    const text = readFileSync(fixturePath('mocha-json/dorny/mocha-json.json'), 'utf8');
    await expect(read(writeReport(text.slice(0, 3000)))).rejects.toThrow(/^truncated JSON/);
  });
});
