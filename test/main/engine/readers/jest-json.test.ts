import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { jestJsonReader } from '../../../../src/main/engine/readers/jest-json/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { REPO_ROOT, entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [jestJsonReader]);

function writeReport(content: unknown, name = 'report.json'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/**
 * jsonReport3.json is the one file whose header (what expected.json records, "origin:
 * report-header") disagrees with its own body: the action's authors hand-edited 4
 * assertionResults to "failed" and left the header at 90 passed. We count the body (and warn),
 * so for it we assert our numbers: expected.json's computed_from_assertionResults.
 */
const BODY_NOT_HEADER: Record<string, { tests: number; passed: number; failed: number; errored: number; skipped: number }> = {
  'jest-json/jest-coverage-report-action/jsonReport3.json': { tests: 90, passed: 86, failed: 4, errored: 0, skipped: 0 },
};

describe('jest-json reader: conformance', () => {
  const entries = entriesWithCounts('jest-json');

  it('has the fixtures it should', () => {
    expect(entries.length).toBe(3);
  });

  for (const [relative, entry] of entries) {
    it(`${relative} (${entry.source})`, async () => {
      const report = await read(fixturePath(relative));
      expect(report.format).toBe('jest-json');
      const ours = BODY_NOT_HEADER[relative];
      if (ours) {
        expect(report.totals).toEqual(ours);
        return;
      }
      const expected = entry.expected!;
      // Jest's numPendingTests and numTodoTests are both our skipped; errored is null there
      // (Jest has no such header field) and 0 here.
      const equivalent = {
        tests: expected.tests,
        passed: expected.passed,
        failed: expected.failed,
        skipped: expected.skipped === null ? null : expected.skipped + (expected.todo ?? 0),
      };
      for (const key of ['tests', 'passed', 'failed', 'skipped'] as const) {
        if (equivalent[key] !== null) expect({ [key]: report.totals[key] }).toEqual({ [key]: equivalent[key] });
      }
      expect(report.totals.errored).toBe(0);
    });
  }

  it('warns when the header disagrees with the body (jsonReport3.json)', async () => {
    const report = await read(fixturePath('jest-json/jest-coverage-report-action/jsonReport3.json'));
    expect(report.warnings.join('\n')).toMatch(/numPassedTests 90 but 86 in testResults, numFailedTests 0 but 4/);
  });

  it('keeps apart two tests with the same name in one describe (jsonReport2.json)', async () => {
    const report = await read(fixturePath('jest-json/jest-coverage-report-action/jsonReport2.json'));
    const names = report.tests.filter((test) => test.suite === 'getCoverage').map((test) => test.name);
    expect(names).toContain('should run all steps, ignoring skip-step option');
    expect(names).toContain('should run all steps, ignoring skip-step option #2');
    expect(report.warnings.join('\n')).toMatch(/2 test\(s\) have the same suite, name and file/);
  });
});

describe('jest-json reader: details', () => {
  it('maps suites, names, files and the run start (jsonReport.json)', async () => {
    const report = await read(fixturePath('jest-json/jest-coverage-report-action/jsonReport.json'));
    const sum = report.tests.find((test) => test.name === 'returns result from sum')!;
    expect(sum.suite).toBe('calc - mocks');
    expect(sum.file).toBe('/jest/examples/typescript/__tests__/calc.test.ts');
    expect(sum.status).toBe('passed');
    expect(report.info.startedAt).toBe('2021-07-24T05:49:28.580Z');
    expect(report.info.durationMs).toBeGreaterThan(0);
    expect(report.warnings).toEqual([]);
  });

  it('reads real Vitest --reporter=json output the way Vitest\'s JUnit of the same run counts it', async () => {
    const first = await read(join(REPO_ROOT, 'test/fixtures/vitest/one-run-two-reporters/results.json'));
    expect(first.totals).toEqual({ tests: 6, passed: 2, failed: 2, errored: 0, skipped: 2 });
    const unique = first.tests.find((test) => test.name === 'inserts a user')!;
    expect(unique).toMatchObject({ suite: 'db', status: 'failed', message: 'Error: UNIQUE constraint failed: users.email' });
    expect(unique.trace).toContain('calc.test.js:11:38');
    const money = first.tests.find((test) => test.name === 'rounds money')!;
    expect(money.message).toBe('AssertionError: expected 0.30000000000000004 to be 0.3 // Object.is equality');
    expect(first.tests.find((test) => test.name === 'multiplies')!.status).toBe('skipped'); // todo
    expect(first.info.startedAt).toBe(new Date(1795250659049).toISOString());
    const second = await read(join(REPO_ROOT, 'test/fixtures/vitest/second-run/results.json'));
    expect(second.totals).toEqual({ tests: 6, passed: 3, failed: 1, errored: 0, skipped: 2 });
    expect(second.info.startedAt! > first.info.startedAt!).toBe(true);
  });

  it('maps every status, joins describe titles and strips colour codes', async () => {
    const path = writeReport({
      numTotalTestSuites: 1, numTotalTests: 7, numPassedTests: 2, numFailedTests: 1, numPendingTests: 3, numTodoTests: 1,
      startTime: 1700000000000,
      testResults: [{
        name: '/repo/src/a.test.ts', status: 'failed', message: '', startTime: 1700000000100, endTime: 1700000000300,
        assertionResults: [
          { ancestorTitles: ['outer', 'inner'], title: 'passes', status: 'passed', duration: 3, failureMessages: [] },
          { ancestorTitles: ['outer'], title: 'fails', status: 'failed', duration: 4,
            failureMessages: ['\u001b[31mError: expect(received).toBe(expected)\u001b[39m\n\nExpected: 2\nReceived: 1\n    at a.test.ts:9:5'] },
          { ancestorTitles: [], title: 'pending', status: 'pending', failureMessages: [] },
          { ancestorTitles: [], title: 'skipped', status: 'skipped', failureMessages: [] },
          { ancestorTitles: [], title: 'disabled', status: 'disabled', failureMessages: [] },
          { ancestorTitles: [], title: 'todo', status: 'todo', failureMessages: [] },
          { ancestorTitles: [], title: 'focused', status: 'focused', failureMessages: [] },
        ],
      }],
    });
    const report = await read(path);
    expect(report.totals).toEqual({ tests: 7, passed: 2, failed: 1, errored: 0, skipped: 4 });
    expect(report.warnings).toEqual([]);
    const passes = report.tests.find((test) => test.name === 'passes')!;
    expect(passes.suite).toBe('outer > inner');
    expect(passes.durationMs).toBe(3);
    const fails = report.tests.find((test) => test.name === 'fails')!;
    expect(fails.message).toBe('Error: expect(received).toBe(expected)');
    expect(fails.trace).not.toContain('\u001b');
    expect(report.info.durationMs).toBe(300);
  });

  it('records a test file that failed outside its tests as one errored entry', async () => {
    const path = writeReport({
      numTotalTestSuites: 2, numTotalTests: 1, numPassedTests: 1, numFailedTests: 0,
      numRuntimeErrorTestSuites: 1, startTime: 1700000000000,
      testResults: [
        {
          name: '/repo/src/broken.test.ts', status: 'failed', assertionResults: [],
          message: '  \u001b[1m● \u001b[22mTest suite failed to run\n\n    SyntaxError: Unexpected token (3:7)\n\n      at Parser.raise (node_modules/parser.js:1:1)',
        },
        {
          name: '/repo/src/hook.test.ts', status: 'failed', message: 'afterAll hook failed: Error: connection refused',
          assertionResults: [{ ancestorTitles: [], title: 'ok', status: 'passed', failureMessages: [] }],
        },
      ],
    });
    const report = await read(path);
    expect(report.totals).toEqual({ tests: 3, passed: 1, failed: 0, errored: 2, skipped: 0 });
    const broken = report.tests.find((test) => test.file === '/repo/src/broken.test.ts')!;
    expect(broken).toMatchObject({ name: 'Test suite failed to run', status: 'errored', message: 'SyntaxError: Unexpected token (3:7)' });
    expect(report.tests.find((test) => test.file === '/repo/src/hook.test.ts' && test.status === 'errored')!.message)
      .toBe('afterAll hook failed: Error: connection refused');
  });

  it('counts an unknown status as errored and says so', async () => {
    const path = writeReport({
      numTotalTestSuites: 1, numTotalTests: 1,
      testResults: [{ name: 'a.test.js', status: 'passed', assertionResults: [{ title: 'x', status: 'exploded', failureMessages: [] }] }],
    });
    const report = await read(path);
    expect(report.totals.errored).toBe(1);
    expect(report.warnings.join('\n')).toMatch(/unknown test status "exploded"/);
  });
});

describe('jest-json reader: detection', () => {
  const head = (relative: string): string => readFileSync(fixturePath(relative), 'utf8').slice(0, 64 * 1024).trimStart();

  it('claims Jest and Vitest reports', () => {
    for (const [relative] of entriesWithCounts('jest-json')) expect(jestJsonReader.matches(head(relative))).toBe(true);
    const vitest = readFileSync(join(REPO_ROOT, 'test/fixtures/vitest/one-run-two-reporters/results.json'), 'utf8');
    expect(jestJsonReader.matches(vitest)).toBe(true);
  });

  it('claims a report whose head is cut inside the test results', () => {
    const cut = readFileSync(fixturePath('jest-json/jest-coverage-report-action/jsonReport2.json'), 'utf8').slice(0, 5000);
    expect(jestJsonReader.matches(cut)).toBe(true);
  });

  it('does not claim other formats', () => {
    for (const relative of [
      'pytest-json/pytest-json-report/sample_report.json',
      'mocha-json/dorny/mocha-json.json',
      'rspec-json/dorny/rspec-json.json',
      'dart-json/dorny/dart-json.json',
      'go-test-json/dorny/golang-json.json',
      'istanbul-json/vitest-coverage-report-action/coverage-summary.json',
      'junit-xml/dorny/jest-junit.xml',
    ]) {
      expect({ relative, claimed: jestJsonReader.matches(head(relative)) }).toEqual({ relative, claimed: false });
    }
  });

  it('does not claim JSON that only mentions Jest keys inside strings or deeper down', () => {
    expect(jestJsonReader.matches('{"message": "\\"numTotalTests\\": 1, \\"testResults\\": []"}')).toBe(false);
    expect(jestJsonReader.matches('{"data": {"numTotalTests": 1, "testResults": []}}')).toBe(false);
  });
});

describe('jest-json reader: bad input', () => {
  it('rejects testResults that is not an array', async () => {
    const path = writeReport({ numTotalTestSuites: 0, numTotalTests: 0, testResults: { a: 1 } });
    await expect(read(path)).rejects.toThrow(new ReportError('not a Jest/Vitest JSON report: testResults is not an array'));
  });

  it('rejects a missing testResults', async () => {
    const path = writeReport({ numTotalTestSuites: 0, numTotalTests: 0 });
    await expect(read(path)).rejects.toThrow(/testResults is missing/);
  });

  it('rejects a truncated report', async () => {
    const text = readFileSync(fixturePath('jest-json/jest-coverage-report-action/jsonReport.json'), 'utf8');
    const path = writeReport(text.slice(0, text.length / 2));
    await expect(read(path)).rejects.toThrow(/^truncated JSON: the document ends inside /);
    await expect(read(path)).rejects.toBeInstanceOf(ReportError);
  });

  it('names line and column of a syntax error', async () => {
    const path = writeReport('{\n  "numTotalTestSuites": 1,\n  "numTotalTests": 1,\n  "testResults": [ oops ]\n}\n');
    await expect(read(path)).rejects.toThrow(/^malformed JSON at line 4, column 20: unexpected "o", expected a value$/);
  });

  it('rejects an assertion that is not an object', async () => {
    const path = writeReport({ numTotalTestSuites: 1, numTotalTests: 1, testResults: [{ name: 'a', assertionResults: [42] }] });
    await expect(read(path)).rejects.toThrow('not a Jest/Vitest JSON report: testResults[0].assertionResults[0] is not an object');
  });
});
