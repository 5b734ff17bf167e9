import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { STREAM_ENTRY_NAME, parseTap, tapReader } from '../../../../src/main/engine/readers/tap/index.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [tapReader]);

interface TapParserFinalResults {
  ok: boolean;
  count: number;
  pass: number;
  fail: number;
  skip: number;
  todo: number;
  bailout: string | boolean;
  plan: { start: number | null; end: number | null; skipAll: boolean };
}

const entries = entriesWithCounts('tap');

function finalResultsOf(relative: string): TapParserFinalResults {
  return entryFor(relative).tap_parser_final_results as TapParserFinalResults;
}

function entryFor(relative: string) {
  const entry = entries.find(([path]) => path === relative);
  if (!entry) throw new Error(`no expected.json entry for ${relative}`);
  return entry[1];
}

/**
 * From the tap-parser snapshot next to each fixture (the "complete" FinalResults of the
 * bail=false run): how many entries its `failures` list has (F) and how many of those are
 * protocol errors, i.e. carry a tapError (E). F - E is then the number of "not ok" points
 * without a TODO/SKIP directive.
 */
function snapshotFailures(relative: string): { failures: number; tapErrors: number } {
  const text = readFileSync(`${fixturePath(relative)}.parser-snapshot.txt`, 'utf8');
  const run = /bail=false 1`\] = `([\s\S]*?)\n`/.exec(text)?.[1];
  if (run === undefined) throw new Error(`no bail=false run in the snapshot of ${relative}`);
  const complete = run.slice(run.lastIndexOf('"complete",'));
  const list = /\n {6}"failures": Array \[\n([\s\S]*?)\n {6}\],/.exec(complete)?.[1] ?? '';
  return {
    failures: (list.match(/^ {8}\S.*\{$/gm) ?? []).length,
    tapErrors: (list.match(/^ {10}"tapError": "/gm) ?? []).length,
  };
}

/**
 * Files no reader can claim, so readReport rejects them, while tap-parser (which is told the
 * input is TAP) reports an empty skip-all stream: two empty files and two lines of plain text.
 */
const UNREADABLE: Record<string, RegExp> = {
  'tap/tap-parser/die.tap': /file is empty/,
  'tap/tap-parser/empty.tap': /file is empty/,
  'tap/tap-parser/out_err_mix.tap': /not a recognised test report/,
};

describe('tap reader: the parser agrees with tap-parser', () => {
  it('has the fixtures it should', () => {
    expect(entries).toHaveLength(156);
  });

  for (const [relative] of entries) {
    it(relative, async () => {
      const path = fixturePath(relative);
      const text = readFileSync(path, 'utf8');
      const { results } = await parseTap({ path, text: async function* () { yield text; } });
      const expected = finalResultsOf(relative);
      // expected.json copied the bailout reason from the snapshot's template literal without
      // undoing its backslash escaping (bail-escaped.tap): "\\\\" there is one backslash.
      const bailout = typeof expected.bailout === 'string' ? expected.bailout.replace(/\\\\/g, '\\') : expected.bailout;
      expect({
        ok: results.ok,
        count: results.count,
        pass: results.pass,
        fail: results.fail,
        skip: results.skip,
        todo: results.todo,
        bailout: results.bailout,
        plan: { start: results.plan.start, end: results.plan.end, skipAll: results.plan.skipAll },
      }).toEqual({ ...expected, bailout });
    });
  }
});

/**
 * Our counts against tap-parser's FinalResults. tap-parser counts differently, so we compare
 * the equivalent:
 * - tests: tap-parser's count is the top-level test points (a subtest counts once, as its
 *   closing point); ours is the same plus one errored STREAM_ENTRY_NAME entry when the stream
 *   has protocol errors or bailed out (so a crashed producer is never a green run).
 * - skipped: points with # SKIP or # TODO, ok or not (tap-parser's skip + todo; a point has at
 *   most one directive). Under a "1..0" plan tap-parser counts every point as skipped, as do we.
 * - failed: "not ok" points without a directive. tap-parser's fail also counts "not ok # TODO/
 *   SKIP" points and protocol errors; its failures list (in the snapshot) has exactly the
 *   directive-less "not ok" points plus the protocol errors, so failed = F - E.
 * - errored: 1 when tap-parser found protocol errors (E > 0) or a bail out, else 0.
 * - passed: the rest (tap-parser's pass minus the ok points that carry a directive).
 */
describe('tap reader: conformance', () => {
  for (const [relative] of entries) {
    it(relative, async () => {
      const unreadable = UNREADABLE[relative];
      if (unreadable) {
        await expect(read(fixturePath(relative))).rejects.toThrow(unreadable);
        return;
      }
      const report = await read(fixturePath(relative));
      expect(report.format).toBe('tap');
      const final = finalResultsOf(relative);
      const { failures, tapErrors } = snapshotFailures(relative);
      const streamEntries = report.tests.filter((test) => test.name === STREAM_ENTRY_NAME).length;
      const expectedErrored = tapErrors > 0 || final.bailout !== false ? 1 : 0;
      const expectedSkipped = final.plan.skipAll ? final.count : final.skip + final.todo;
      const expectedFailed = failures - tapErrors;
      expect(report.totals).toEqual({
        tests: final.count + expectedErrored,
        passed: final.count - expectedSkipped - expectedFailed,
        failed: expectedFailed,
        errored: expectedErrored,
        skipped: expectedSkipped,
      });
      expect(streamEntries).toBe(expectedErrored);
      // expected.json's own fields restate the FinalResults.
      const expected = entryFor(relative).expected!;
      expect(report.totals.tests - streamEntries).toBe(expected.tests);
    });
  }
});

describe('tap reader: details', () => {
  it('takes message and trace from YAML diagnostics', async () => {
    const report = await read(fixturePath('tap/tap-parser/yamlish.tap'));
    const test = report.tests[0]!;
    expect(test).toMatchObject({ suite: '', name: 'Resolve address', status: 'failed' });
    expect(test.message).toBe("Failed with error 'hostname peebles.example.com not found'");
    expect(test.trace).toContain("address: '85.193.201.85'");
  });

  it('maps SKIP and TODO to skipped with their reasons', async () => {
    const report = await read(fixturePath('tap/tap-parser/todo_inline.tap'));
    const byName = new Map(report.tests.map((test) => [test.name, test]));
    expect(byName.get('Foo')).toMatchObject({ status: 'skipped', message: 'TODO: Just testing the todo interface.' });
    expect(report.tests.filter((test) => test.status === 'skipped')).toHaveLength(3);
  });

  it('makes repeated or empty descriptions unique by position', async () => {
    const report = await read(fixturePath('tap/tap-parser/basic.tap'));
    expect(report.tests.map((test) => test.name)).toEqual(['#1', '#2', '#3', '#4', '#5']);
    expect(report.warnings).toEqual(['plan 1..6 but 5 test point(s)']);
  });

  it('reports a bail out as an errored stream entry', async () => {
    const report = await read(fixturePath('tap/tap-parser/giving-up.tap'));
    const stream = report.tests.find((test) => test.name === STREAM_ENTRY_NAME)!;
    expect(stream).toMatchObject({ status: 'errored', message: "Bail out! Couldn't connect to database. (1 of 573 planned test points ran)" });
  });

  it('counts a subtest once, as its closing point, with its text as the trace', async () => {
    const report = await read(fixturePath('tap/tap-parser/line-break.tap'));
    expect(report.totals.tests).toBe(1);
    const test = report.tests[0]!;
    expect(test.status).toBe('failed');
    expect(test.trace).toContain('not ok 1 - should be equivalent');
  });

  it('reads node-tap durations and version', async () => {
    const report = await read(fixturePath('tap/tap-parser/subtest-buffer-diags-time.tap'));
    expect(report.tests[0]!.durationMs).toBe(12.34);
    const tapTests = await read(fixturePath('tap/tap-parser/tap-tests.tap'));
    expect(tapTests.info.properties).toMatchObject({ 'tap.version': '13', 'tap.plan': '1..311' });
  });
});

describe('tap reader: detection', () => {
  const head = (relative: string): string => readFileSync(fixturePath(relative), 'utf8').slice(0, 64 * 1024).trimStart();

  it('claims every non-empty TAP fixture that has TAP in it', () => {
    for (const [relative] of entries) {
      if (UNREADABLE[relative]) continue;
      expect({ relative, claimed: tapReader.matches(head(relative)) }).toEqual({ relative, claimed: true });
    }
    expect(tapReader.matches(head('tap/tap-parser/out_err_mix.tap'))).toBe(false);
  });

  it('does not claim other formats or plain text', () => {
    for (const other of [
      'go-test-json/dorny/golang-json.json',
      'go-test-json/gotestsum/testjson/testdata/input/go-test-json.err',
      'junit-xml/dorny/jest-junit.xml',
      'mocha-json/dorny/mocha-json.json',
      'dart-json/dorny/dart-json.json',
      'go-test-json/gotestsum/testjson/testdata/summary/root-test-has-subtest-failures',
    ]) {
      expect({ other, claimed: tapReader.matches(head(other)) }).toEqual({ other, claimed: false });
    }
    expect(tapReader.matches('# Title\n\nSome prose here.\nMore prose.\nok so this is not TAP\nAnd more.\n')).toBe(false);
    expect(tapReader.matches('hello\nworld\n')).toBe(false);
    expect(tapReader.matches('#!/bin/sh\n# setup\nok=1\nexit 0\n')).toBe(false);
  });
});

describe('tap reader: bad input', () => {
  const write = (name: string, content: string | Buffer): string => {
    const path = join(tempDir(), name);
    writeFileSync(path, content);
    return path;
  };

  it('refuses subtests nested absurdly deep', async () => {
    const path = write('deep.tap', `TAP version 13\n${'    '.repeat(5000)}ok 1\n`);
    await expect(read(path)).rejects.toThrow(ReportError);
    await expect(read(path)).rejects.toThrow(/nested deeper than 256 levels/);
  });

  it('rejects invalid UTF-8', async () => {
    const path = write('bad.tap', Buffer.concat([Buffer.from('TAP version 13\n1..1\nok 1 - '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    await expect(read(path)).rejects.toThrow(/invalid UTF-8/);
  });

  it('turns a stream cut off mid-run into an errored stream entry, not a green run', async () => {
    const path = write('cut.tap', 'TAP version 13\n1..3\nok 1 - one\nok 2 - tw');
    const report = await read(path);
    expect(report.totals).toEqual({ tests: 3, passed: 2, failed: 0, errored: 1, skipped: 0 });
    expect(report.tests.find((test) => test.name === STREAM_ENTRY_NAME)?.message).toBe('incorrect number of tests: plan 1..3, 2 test point(s)');
  });
});
