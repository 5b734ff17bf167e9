import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { dartJsonReader } from '../../../../src/main/engine/readers/dart-json/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [dartJsonReader]);

function writeLines(lines: (string | Record<string, unknown>)[], end = '\n'): string {
  const path = join(tempDir(), 'results.json');
  writeFileSync(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + end);
  return path;
}

const START = { protocolVersion: '0.1.1', runnerVersion: '1.25.3', pid: 1, type: 'start', time: 0 };
const SUITE = { suite: { id: 0, platform: 'vm', path: 'test/a_test.dart' }, type: 'suite', time: 1 };
const LOADING = { test: { id: 1, name: 'loading test/a_test.dart', suiteID: 0, groupIDs: [], metadata: { skip: false }, line: null, column: null, url: null }, type: 'testStart', time: 2 };
const ROOT_GROUP = { group: { id: 2, suiteID: 0, parentID: null, name: '', testCount: 2 }, type: 'group', time: 3 };
const GROUP = { group: { id: 3, suiteID: 0, parentID: 2, name: 'math', testCount: 2 }, type: 'group', time: 3 };
const testStart = (id: number, name: string, line: number, time: number, groupIDs = [2, 3]): Record<string, unknown> => ({
  test: { id, name, suiteID: 0, groupIDs, metadata: { skip: false, skipReason: null }, line, column: 5, url: 'file:///repo/test/a_test.dart' },
  type: 'testStart',
  time,
});
const testDone = (id: number, result: string, time: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  testID: id, result, skipped: false, hidden: false, type: 'testDone', time, ...extra,
});

describe('dart-json reader: conformance', () => {
  const entries = entriesWithCounts('dart-json');

  it('has the fixtures it should', () => {
    expect(entries.length).toBe(4);
  });

  for (const [relative, entry] of entries) {
    it(`${relative} (${entry.source})`, async () => {
      const report = await read(fixturePath(relative));
      expect(report.format).toBe('dart-json');
      const expected = entry.expected!;
      // dorny has no error state (errored is null there): its "failed" is our failed + errored.
      // Dart itself tells a failure (expect) from an error (any other exception, a timeout).
      const failed = expected.errored === null ? report.totals.failed + report.totals.errored : report.totals.failed;
      const actual = { ...report.totals, failed };
      for (const key of ['tests', 'passed', 'failed', 'errored', 'skipped'] as const) {
        if (expected[key] !== null) expect({ [key]: actual[key] }).toEqual({ [key]: expected[key] });
      }
    });
  }

  it('keeps apart namesakes defined at different places (provider-test-results.json)', async () => {
    const report = await read(fixturePath('dart-json/dorny/external/flutter/provider-test-results.json'));
    expect(report.tests.filter((test) => test.name.startsWith('unevaluated create')).map((test) => test.name)).toEqual([
      'unevaluated create',
      'unevaluated create #2',
    ]);
    // This stream was cut before its "done" event.
    expect(report.warnings.join('\n')).toMatch(/no "done" event/);
  });
});

describe('dart-json reader: details', () => {
  it('maps groups, names, files, errors and skips (dorny dart-json.json)', async () => {
    const report = await read(fixturePath('dart-json/dorny/dart-json.json'));
    const byName = new Map(report.tests.map((test) => [test.name, test]));
    expect(report.totals).toEqual({ tests: 6, passed: 1, failed: 1, errored: 3, skipped: 1 });
    expect(byName.get('Failing test')).toMatchObject({
      suite: 'Test 1 > Test 1.1', file: 'test\\main_test.dart', status: 'failed', message: 'Expected: <2>', durationMs: 20,
    });
    expect(byName.get('Failing test')!.trace).toContain('main_test.dart 13:9');
    expect(byName.get('Exception in target unit')).toMatchObject({ status: 'errored', message: 'Exception: Some error' });
    expect(byName.get('Timeout test')).toMatchObject({ suite: '', status: 'errored' });
    expect(byName.get('Skipped test')).toMatchObject({ status: 'skipped', message: 'skipped test' });
    expect(byName.get('Passing test')!.suite).toBe('Test 1');
    expect(report.info).toMatchObject({ durationMs: 3760, properties: { runnerVersion: '1.15.4', protocolVersion: '0.1.1' } });
    expect(report.warnings).toEqual([]);
  });

  it('does not count hidden entries (loading, setUpAll) that pass, and counts one that fails as errored', async () => {
    const path = writeLines([
      START, SUITE, LOADING,
      { testID: 1, error: 'Failed to load "test/a_test.dart": Error: unexpected token', stackTrace: '', isFailure: false, type: 'error', time: 5 },
      testDone(1, 'error', 6, { hidden: true }),
      { suite: { id: 4, platform: 'vm', path: 'test/b_test.dart' }, type: 'suite', time: 7 },
      { test: { id: 5, name: 'loading test/b_test.dart', suiteID: 4, groupIDs: [] }, type: 'testStart', time: 7 },
      testDone(5, 'success', 8, { hidden: true }),
      { test: { id: 6, name: '(setUpAll)', suiteID: 4, groupIDs: [] }, type: 'testStart', time: 9 },
      testDone(6, 'success', 10, { hidden: true }),
      { success: false, type: 'done', time: 11 },
    ]);
    const report = await read(path);
    expect(report.totals).toEqual({ tests: 1, passed: 0, failed: 0, errored: 1, skipped: 0 });
    expect(report.tests[0]).toMatchObject({ name: 'loading test/a_test.dart', file: 'test/a_test.dart', message: 'Failed to load "test/a_test.dart": Error: unexpected token' });
  });

  it('fails a test that errors after it completed, and errors one that never finished', async () => {
    const path = writeLines([
      START, SUITE, ROOT_GROUP, GROUP,
      testStart(10, 'math adds', 3, 10),
      { testID: 10, messageType: 'print', message: 'computing', type: 'print', time: 11 },
      testDone(10, 'success', 12),
      { testID: 10, error: 'Expected: <1> Actual: <2>', stackTrace: 'a_test.dart 4:5', isFailure: true, type: 'error', time: 13 },
      testStart(11, 'math hangs', 8, 14),
      { success: false, type: 'done', time: 20 },
    ]);
    const report = await read(path);
    const byName = new Map(report.tests.map((test) => [test.name, test]));
    expect(byName.get('adds')).toMatchObject({ suite: 'math', status: 'failed', stdout: 'computing\n', message: 'Expected: <1> Actual: <2>' });
    expect(byName.get('hangs')).toMatchObject({ status: 'errored', message: 'the test did not finish (no testDone event)' });
    expect(report.warnings.join('\n')).toMatch(/1 test\(s\) started but never finished/);
  });

  it('folds a retried test (same place, run again) into one test with its earlier attempt', async () => {
    const path = writeLines([
      START, SUITE, ROOT_GROUP, GROUP,
      testStart(10, 'math flaky', 3, 10),
      { testID: 10, error: 'Expected: true', stackTrace: '', isFailure: true, type: 'error', time: 11 },
      testDone(10, 'failure', 12),
      testStart(11, 'math flaky', 3, 13),
      testDone(11, 'success', 14),
      { success: true, type: 'done', time: 15 },
    ]);
    const report = await read(path);
    expect(report.totals).toEqual({ tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0 });
    expect(report.tests[0]!.attempts.map((attempt) => attempt.status)).toEqual(['failed']);
  });

  it('ignores plain-text lines among the events and says so', async () => {
    const path = writeLines([START, 'Resolving dependencies...', SUITE, ROOT_GROUP, GROUP, testStart(10, 'math adds', 3, 10), testDone(10, 'success', 11), { success: true, type: 'done', time: 12 }]);
    const report = await read(path);
    expect(report.totals.passed).toBe(1);
    expect(report.warnings).toEqual(['1 line(s) that are not JSON events were ignored']);
  });
});

describe('dart-json reader: detection', () => {
  const head = (relative: string): string => readFileSync(fixturePath(relative), 'utf8').slice(0, 64 * 1024).trimStart();

  it('claims Dart and Flutter event streams', () => {
    for (const [relative] of entriesWithCounts('dart-json')) expect(dartJsonReader.matches(head(relative))).toBe(true);
  });

  it('does not claim other formats, go test -json included', () => {
    for (const relative of [
      'jest-json/jest-coverage-report-action/jsonReport.json',
      'pytest-json/pytest-json-report/sample_report.json',
      'mocha-json/dorny/mocha-json.json',
      'rspec-json/dorny/rspec-json.json',
      'go-test-json/dorny/golang-json.json',
      'go-test-json/gotestsum/testjson/testdata/input/go-test-json.out',
      'tap/tap-parser/bailout.tap',
    ]) {
      expect({ relative, claimed: dartJsonReader.matches(head(relative)) }).toEqual({ relative, claimed: false });
    }
    expect(dartJsonReader.matches('{"Time":"2024-01-01T00:00:00Z","Action":"start","Package":"x","type":"start","time":0}')).toBe(false);
  });
});

describe('dart-json reader: bad input', () => {
  it('rejects a stream whose last line is cut short', async () => {
    const text = readFileSync(fixturePath('dart-json/dorny/dart-json.json'), 'utf8');
    const path = join(tempDir(), 'cut.json');
    writeFileSync(path, text.slice(0, text.indexOf('"type":"testDone"', 2000)));
    await expect(read(path)).rejects.toThrow(/^truncated Dart JSON event stream: the last line \(\d+\) is cut short$/);
  });

  it('rejects a malformed event in the middle, naming its line', async () => {
    const path = writeLines([START, SUITE, '{"testID": 1, "type": "print",, }', { success: true, type: 'done', time: 3 }]);
    await expect(read(path)).rejects.toThrow(/^malformed JSON event at line 3: /);
    await expect(read(path)).rejects.toBeInstanceOf(ReportError);
  });
});
