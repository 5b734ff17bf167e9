import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import { PACKAGE_ENTRY_NAME, goTestJsonReader } from '../../../../src/main/engine/readers/go-test-json/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [goTestJsonReader]);

/**
 * The fixtures' numbers are gotestsum's `DONE N tests, F failures, E errors` line (and dorny's
 * summary, which counts the same way with no error state). Their counting differs from ours in
 * two ways, so we compare the equivalent:
 * - A package that fails on its own (build/setup failure, TestMain exiting non-zero, the test
 *   timeout panic) is one of gotestsum's "failures" but not one of its "tests". We record it as
 *   an errored entry named PACKAGE_ENTRY_NAME so it is visible, hence
 *   tests = ours.tests - P, failures = ours.failed + ours.errored (tests that never finished are
 *   failures there, errored here), passed (= tests - skipped - failures) = ours.passed - P.
 * - gotestsum's "errors" are build-output lines other than the "# pkg" headers; we keep those as
 *   the package entry's stderr, so errors = those lines counted.
 */
function gotestsumEquivalent(report: ParsedReport) {
  const packageEntries = report.tests.filter((test) => test.name === PACKAGE_ENTRY_NAME);
  const buildErrorLines = packageEntries
    .flatMap((test) => (test.stderr ?? '').split('\n'))
    .filter((line) => line.trim() !== '' && !line.startsWith('# ')).length;
  const { tests, passed, failed, errored, skipped } = report.totals;
  return {
    tests: tests - packageEntries.length,
    passed: passed - packageEntries.length,
    failed: failed + errored,
    errored: buildErrorLines,
    skipped,
  };
}

describe('go-test-json reader: conformance', () => {
  const entries = entriesWithCounts('go-test-json');

  it('has the fixtures it should', () => {
    expect(entries.length).toBeGreaterThanOrEqual(11);
  });

  for (const [relative, entry] of entries) {
    it(`${relative} (${entry.source})`, async () => {
      const report = await read(fixturePath(relative));
      expect(report.format).toBe('go-test-json');
      const ours = gotestsumEquivalent(report);
      const expected = entry.expected!;
      for (const key of ['tests', 'passed', 'failed', 'errored', 'skipped'] as const) {
        if (expected[key] !== null) expect({ [key]: ours[key] }).toEqual({ [key]: expected[key] });
      }
    });
  }
});

describe('go-test-json reader: details', () => {
  it('maps tests, subtests, messages and run info (dorny golang-json)', async () => {
    const report = await read(fixturePath('go-test-json/dorny/golang-json.json'));
    const byName = new Map(report.tests.map((test) => [test.name, test]));
    expect(report.totals).toEqual({ tests: 12, passed: 5, failed: 6, errored: 0, skipped: 1 });
    const failing = byName.get('TestFailing')!;
    expect(failing.suite).toBe('_/home/james_t/git/test-reporter/reports/go');
    expect(failing.status).toBe('failed');
    expect(failing.message).toBe('calculator_test.go:19: expected 1+1 = 3, got 2');
    expect(failing.durationMs).toBe(890);
    expect(failing.stdout).toContain('--- FAIL: TestFailing');
    expect(byName.get('TestSkipped')!.message).toBe('calculator_test.go:45: skipping test');
    expect(byName.get('TestCases/2_+_3_=_4')!.status).toBe('failed');
    expect(byName.get('TestCases')).toMatchObject({ status: 'failed', message: 'subtest failed: TestCases/2_+_3_=_4' });
    expect(report.info.startedAt).toBe('2025-04-22T13:59:55.364Z');
    expect(report.info.durationMs).toBe(4141);
  });

  it('records a build failure as an errored package entry with the compiler output', async () => {
    const report = await read(fixturePath('go-test-json/gotestsum/cmd/testdata/input/go-test-build-failed.out'));
    expect(report.tests).toHaveLength(1);
    const entry = report.tests[0]!;
    expect(entry).toMatchObject({ suite: 'example.com/internal/cacher', name: PACKAGE_ENTRY_NAME, status: 'errored' });
    expect(entry.message).toBe('build failed: ./directory_test.go:321:10: undefined: assert.foo');
    expect(entry.stderr).toContain('undefined: assert.foo');
  });

  it('marks a test the timeout panic killed as errored, with the panic as its trace', async () => {
    const report = await read(fixturePath('go-test-json/gotestsum/cmd/testdata/input/go-test-json-panic-race-2.out'));
    const test = report.tests.find((t) => t.name === 'TestSleepsTooLong')!;
    expect(test.status).toBe('errored');
    expect(test.message).toBe('did not finish: panic: test timed out after 2s');
    expect(test.trace).toContain('testing.(*M).startAlarm');
    const pkg = report.tests.find((t) => t.name === PACKAGE_ENTRY_NAME)!;
    expect(pkg.message).toContain('panic: test timed out after 2s');
  });

  it('folds gotestsum --rerun-fails repeats into attempts', async () => {
    const report = await read(fixturePath('go-test-json/gotestsum/cmd/testdata/go-test-json-flaky-rerun.out'));
    const often = report.tests.find((t) => t.name === 'TestFailsOften')!;
    expect(often.status).toBe('passed');
    expect(often.attempts.map((a) => a.status)).toEqual(['failed', 'failed', 'failed']);
    expect(report.tests.filter((t) => t.name === PACKAGE_ENTRY_NAME)).toHaveLength(0);
    expect(report.totals).toEqual({ tests: 6, passed: 6, failed: 0, errored: 0, skipped: 0 });
  });

  it('keeps non-JSON lines as package output and warns about them', async () => {
    const report = await read(fixturePath('go-test-json/gotestsum/testjson/testdata/go-test-json-with-nonjson-stdout.out'));
    expect(report.totals.tests).toBe(1);
    expect(report.warnings.join(' ')).toMatch(/1 line\(s\) are not go test -json events/);
  });

  it('reads every go-test-json fixture stream without error', async () => {
    const streams = [
      'gotestsum/cmd/testdata/go-test-missing-run-events.out',
      'gotestsum/testjson/testdata/go-test-json-missing-test-events.out',
      'gotestsum/testjson/testdata/input/go-test-json-with-cover.out',
      'gotestsum/testjson/testdata/input/go-test-json-with-cover-go1.20.out',
      'gotestsum/testjson/testdata/input/go-test-json-with-shuffle.out',
    ];
    for (const stream of streams) {
      const report = await read(fixturePath(`go-test-json/${stream}`));
      expect(report.totals.tests).toBeGreaterThan(0);
    }
  });
});

describe('go-test-json reader: detection', () => {
  const head = (relative: string): string => readFileSync(fixturePath(relative), 'utf8').slice(0, 64 * 1024).trimStart();

  it('claims every go-test-json fixture stream', () => {
    for (const [relative] of entriesWithCounts('go-test-json')) expect(goTestJsonReader.matches(head(relative))).toBe(true);
    expect(goTestJsonReader.matches(head('go-test-json/gotestsum/testjson/testdata/go-test-json-with-nonjson-stdout.out'))).toBe(true);
  });

  it('tolerates a few leading lines of build noise', () => {
    expect(goTestJsonReader.matches('# example.com/p\nvet: something\n{"Time":"2024-01-01T00:00:00Z","Action":"start","Package":"p"}\n')).toBe(true);
  });

  it('does not claim other formats', () => {
    for (const other of [
      'dart-json/dorny/dart-json.json',
      'jest-json/jest-coverage-report-action/jsonReport.json',
      'mocha-json/dorny/mocha-json.json',
      'tap/tap-parser/basic.tap',
      'junit-xml/dorny/jest-junit.xml',
    ]) {
      expect(goTestJsonReader.matches(head(other))).toBe(false);
    }
    expect(goTestJsonReader.matches('{"stats": {"suites": 1}}')).toBe(false);
    expect(goTestJsonReader.matches('just some text\n')).toBe(false);
  });
});

describe('go-test-json reader: bad input', () => {
  const write = (name: string, text: string): string => {
    const path = join(tempDir(), name);
    writeFileSync(path, text);
    return path;
  };
  const event = '{"Time":"2024-01-01T00:00:00Z","Action":"run","Package":"p","Test":"TestA"}';

  it('rejects a stream whose last line is cut inside an event', async () => {
    const path = write('cut.json', `${event}\n{"Time":"2024-01-01T00:00:01Z","Action":"pa`);
    await expect(read(path)).rejects.toThrow(ReportError);
    await expect(read(path)).rejects.toThrow(/truncated go test -json stream: line 2/);
  });

  it('rejects a file with no event at all', async () => {
    const path = write('garbage.json', '{"Action": 1}\n{"foo": "bar"}\nnot json\n');
    await expect(goTestJsonReader.read({ path, text: async function* () { yield readFileSync(path, 'utf8'); } }, {
      runInfo() {},
      test() {},
      warn() {},
    })).rejects.toThrow(/no go test -json events found/);
  });

  it('treats a broken line in the middle as output, not as truncation', async () => {
    const path = write('mid.json', `${event}\n{"broken": \n{"Time":"2024-01-01T00:00:01Z","Action":"pass","Package":"p","Test":"TestA","Elapsed":0.5}\n`);
    const report = await read(path);
    expect(report.totals).toEqual({ tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0 });
  });
});
