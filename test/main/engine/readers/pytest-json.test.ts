import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { pytestJsonReader } from '../../../../src/main/engine/readers/pytest-json/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [pytestJsonReader]);
const SAMPLE = 'pytest-json/pytest-json-report/sample_report.json';

function writeReport(content: unknown): string {
  const path = join(tempDir(), 'report.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function minimalReport(extra: Record<string, unknown>): Record<string, unknown> {
  return { created: 1700000000.5, duration: 2, exitcode: 1, root: '/repo', environment: {}, summary: {}, collectors: [], tests: [], ...extra };
}

describe('pytest-json reader: conformance', () => {
  const entries = entriesWithCounts('pytest-json');

  it('has the fixture it should', () => {
    expect(entries.length).toBe(1);
  });

  for (const [relative, entry] of entries) {
    it(`${relative} (${entry.source})`, async () => {
      const report = await read(fixturePath(relative));
      expect(report.format).toBe('pytest-json');
      const expected = entry.expected!;
      // pytest keeps xfailed and xpassed apart; we have four states. An xfailed test (a known
      // failure, expected to fail) counts as skipped and a (non-strict) xpassed one as passed,
      // as pytest's own JUnit XML writes them. Everything else maps one to one.
      const equivalent = {
        tests: expected.tests,
        passed: expected.passed! + (expected.xpassed ?? 0),
        failed: expected.failed,
        errored: expected.errored,
        skipped: expected.skipped! + (expected.xfailed ?? 0),
      };
      expect(report.totals).toEqual(equivalent);
      expect(report.totals.tests).toBe(10);
      expect(report.warnings).toEqual([]);
    });
  }
});

describe('pytest-json reader: details', () => {
  it('maps node ids, stages, messages and output (sample_report.json)', async () => {
    const report = await read(fixturePath(SAMPLE));
    const byName = new Map(report.tests.map((test) => [test.name, test]));
    const withFixture = byName.get('test_fail_with_fixture')!;
    expect(withFixture).toMatchObject({ suite: '', file: 'test_create_report.py', status: 'failed', message: 'assert False' });
    expect(withFixture.trace).toContain('test_create_report.py:32: AssertionError');
    expect(withFixture.stdout).toBe('setup\ncall\nteardown\n');
    expect(withFixture.stderr).toBe('setuperr\ncallerr\nteardownerr\n');
    expect(byName.get('test_fail_nested')!.message).toBe("TypeError: unsupported operand type(s) for -: 'int' and 'NoneType'");
    expect(byName.get('test_fail_nested')!.status).toBe('failed'); // an exception in the test body is a failure to pytest
    expect(byName.get('test_fail_during_setup')).toMatchObject({ status: 'errored', message: 'error in setup: assert False' });
    expect(byName.get('test_fail_during_teardown')).toMatchObject({ status: 'errored', message: 'error in teardown: assert False' });
    expect(byName.get('test_skip')).toMatchObject({ status: 'skipped', message: 'Skipped: testing skip' });
    expect(byName.get('test_xfail')).toMatchObject({ status: 'skipped', message: 'xfail: assert False' });
    expect(byName.get('test_xfail_but_passing')!.status).toBe('passed');
    expect(byName.get('test_parametrized[1]')!.status).toBe('passed');
    expect(byName.get('test_parametrized[2]')!.status).toBe('failed');
    // setup + call + teardown seconds, in ms
    expect(byName.get('test_pass')!.durationMs).toBeCloseTo((0.00013637542724609375 + 0.00010704994201660156 + 0.0004982948303222656) * 1000, 6);
  });

  it('takes run facts from created, duration and environment', async () => {
    const report = await read(fixturePath(SAMPLE));
    // created is written when the session ends: the run started `duration` seconds before.
    expect(report.info.startedAt).toBe(new Date((1548185151.2609472 - 0.04589128494262695) * 1000).toISOString());
    expect(report.info.durationMs).toBeCloseTo(45.89, 1);
    expect(report.info.properties).toMatchObject({
      Python: '3.7.1',
      'Packages.pytest': '4.1.1',
      'Plugins.json-report': '0.8.0',
      root: '/tmp/pytest-of-user/pytest-40/test_create_report0',
      exitcode: '1',
    });
  });

  it('splits classes and parameters out of node ids', async () => {
    const path = writeReport(minimalReport({
      summary: { passed: 2, total: 2 },
      tests: [
        { nodeid: 'tests/test_api.py::TestUsers::TestCreate::test_ok[a::b]', outcome: 'passed', setup: { duration: 0.001, outcome: 'passed' } },
        { nodeid: 'tests/test_api.py::test_plain', outcome: 'passed' },
      ],
    }));
    const report = await read(path);
    expect(report.tests.map((test) => [test.file, test.suite, test.name])).toEqual([
      ['tests/test_api.py', 'TestUsers::TestCreate', 'test_ok[a::b]'],
      ['tests/test_api.py', '', 'test_plain'],
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('records a module that failed to collect as an errored entry', async () => {
    const path = writeReport(minimalReport({
      summary: { passed: 1, error: 1, total: 1 },
      collectors: [
        { nodeid: '', outcome: 'passed', result: [{ nodeid: 'tests/test_broken.py', type: 'Module' }] },
        {
          nodeid: 'tests/test_broken.py', outcome: 'failed', result: [],
          longrepr: "ImportError while importing test module '/repo/tests/test_broken.py'.\nHint: make sure your test modules/packages have valid Python names.\nTraceback:\ntests/test_broken.py:1: in <module>\n    import missing_module\nE   ModuleNotFoundError: No module named 'missing_module'",
        },
      ],
      tests: [{ nodeid: 'tests/test_ok.py::test_ok', outcome: 'passed' }],
    }));
    const report = await read(path);
    expect(report.totals).toEqual({ tests: 2, passed: 1, failed: 0, errored: 1, skipped: 0 });
    const broken = report.tests.find((test) => test.status === 'errored')!;
    expect(broken).toMatchObject({ file: 'tests/test_broken.py', name: 'collection error', message: "collection failed: ModuleNotFoundError: No module named 'missing_module'" });
    expect(report.warnings).toEqual([]); // pytest counts the collection error in summary.error
  });

  it('warns when the summary disagrees with the tests, and counts the tests', async () => {
    const path = writeReport(minimalReport({ summary: { passed: 5, total: 5 }, tests: [{ nodeid: 't.py::a', outcome: 'passed' }] }));
    const report = await read(path);
    expect(report.totals.tests).toBe(1);
    expect(report.warnings.join('\n')).toMatch(/passed 5 but 1 in tests, total 5 but 1 tests/);
  });

  it('counts an unknown outcome as errored and says so', async () => {
    const path = writeReport(minimalReport({ tests: [{ nodeid: 't.py::a', outcome: 'rerun' }] }));
    const report = await read(path);
    expect(report.totals.errored).toBe(1);
    expect(report.warnings.join('\n')).toMatch(/unknown outcome "rerun" for t.py::a/);
  });
});

describe('pytest-json reader: detection', () => {
  const head = (relative: string): string => readFileSync(fixturePath(relative), 'utf8').slice(0, 64 * 1024).trimStart();

  it('claims pytest-json-report output, even cut short', () => {
    expect(pytestJsonReader.matches(head(SAMPLE))).toBe(true);
    expect(pytestJsonReader.matches(head(SAMPLE).slice(0, 400))).toBe(true);
  });

  it('does not claim other formats', () => {
    for (const relative of [
      'jest-json/jest-coverage-report-action/jsonReport.json',
      'mocha-json/dorny/mocha-json.json',
      'rspec-json/dorny/rspec-json.json',
      'dart-json/dorny/dart-json.json',
      'go-test-json/dorny/golang-json.json',
      'istanbul-json/vitest-coverage-report-action/coverage-final.json',
      'junit-xml/dorny/python-xunit-pytest.xml',
    ]) {
      expect({ relative, claimed: pytestJsonReader.matches(head(relative)) }).toEqual({ relative, claimed: false });
    }
  });
});

describe('pytest-json reader: bad input', () => {
  it('rejects tests that is not an array', async () => {
    await expect(read(writeReport(minimalReport({ tests: 'many' })))).rejects.toThrow(
      new ReportError('not a pytest-json-report report: tests is not an array'),
    );
  });

  it('rejects a summary-only report (--json-report-summary) with a clear reason', async () => {
    const path = writeReport({ created: 1, duration: 1, exitcode: 0, root: '/r', summary: { passed: 3, total: 3 } });
    await expect(read(path)).rejects.toThrow(/--json-report-summary has no per-test results/);
  });

  it('rejects a test without a node id', async () => {
    await expect(read(writeReport(minimalReport({ tests: [{ outcome: 'passed' }] })))).rejects.toThrow(/tests\[0\]\.nodeid is not a string/);
  });

  it('rejects a truncated report', async () => {
    const text = readFileSync(fixturePath(SAMPLE), 'utf8');
    await expect(read(writeReport(text.slice(0, 4000)))).rejects.toThrow(/^truncated JSON/);
  });
});
