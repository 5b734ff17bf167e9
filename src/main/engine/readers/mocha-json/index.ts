// mocha `--reporter json`: stats, then tests[] (every test, in run order), pending[],
// failures[] and passes[]. A test entry has no state of its own: it failed when it carries an
// err, was pending when it is listed in pending[], else it passed. A failing hook ("before all"
// hook) appears only in failures[]: its tests never ran, and it becomes one errored entry.
import type { RawTestResult, ResultSink } from '../../model/raw-result.js';
import type { ReportInput, ReportReader } from '../report-reader.js';
import { DistinctNames } from '../distinct-names.js';
import { readJsonDocument } from '../json/json-document.js';
import { hasKeys, scanJsonHead } from '../json/json-head.js';
import { isObject, isoFromText, num, optionalArray, requireArray, requireObject, str, type JsonObject } from '../json/json-value.js';
import { errorText, hasError } from './mocha-error.js';

const FORMAT = 'mocha JSON';

export const mochaJsonReader: ReportReader = {
  format: 'mocha-json',

  matches(head: string): boolean {
    const scanned = scanJsonHead(head);
    // mochawesome also has stats.passes but keeps its tests under "results" and counts
    // stats.testsRegistered: that is a different format.
    return (
      scanned.opener === '{' &&
      hasKeys(scanned, 'stats', 'stats.passes', 'stats.failures') &&
      !scanned.keys.has('results') &&
      !scanned.keys.has('stats.testsRegistered')
    );
  },

  async read(input: ReportInput, sink: ResultSink): Promise<void> {
    const report = requireObject(await readJsonDocument(input), 'the document', FORMAT);
    const stats = isObject(report.stats) ? report.stats : {};
    const tests = requireArray(report.tests, 'tests', FORMAT).map((value, index) => requireObject(value, `tests[${index}]`, FORMAT));
    const pending = new Set(entries(report.pending, 'pending').map(key));
    const failures = entries(report.failures, 'failures');
    const failureErr = new Map(failures.map((failure) => [key(failure), failure.err]));
    const seen = new Set<string>();
    const names = new DistinctNames();
    const emit = (result: RawTestResult): void => {
      sink.test({ ...result, name: names.name(result.suite, result.name, result.file) });
    };
    for (const test of tests) {
      const id = key(test);
      seen.add(id);
      emit(testResult(test, hasError(test.err) ? test.err : failureErr.get(id), pending.has(id)));
    }
    let hookFailures = 0;
    for (const failure of failures) {
      if (seen.has(key(failure))) continue;
      hookFailures += 1;
      emit({ ...testResult(failure, failure.err, false), status: 'errored' });
    }
    const start = isoFromText(str(stats.start));
    sink.runInfo({ startedAt: start, durationMs: num(stats.duration) });
    checkStats(stats, tests.length, pending.size, failures.length - hookFailures, hookFailures, sink);
    const renamed = names.warning();
    if (renamed !== null) sink.warn(renamed);
  },
};

function entries(value: unknown, what: string): JsonObject[] {
  return optionalArray(value, what, FORMAT).map((item, index) => requireObject(item, `${what}[${index}]`, FORMAT));
}

/** Tests are identified by full title and file; mocha has no ids. */
function key(test: JsonObject): string {
  return `${str(test.fullTitle) ?? str(test.title) ?? ''}\u0000${str(test.file) ?? ''}`;
}

function testResult(test: JsonObject, err: unknown, isPending: boolean): RawTestResult {
  const title = str(test.title) ?? '';
  const fullTitle = str(test.fullTitle) ?? title;
  // fullTitle is the describe titles and the test title joined by spaces; mocha does not keep
  // the describe titles apart, so the suite is the part before the title.
  const suite = fullTitle.endsWith(title) ? fullTitle.slice(0, fullTitle.length - title.length).trim() : '';
  const base = { suite, name: title, file: str(test.file), durationMs: num(test.duration) };
  if (hasError(err)) return { ...base, status: 'failed', ...errorText(err) };
  return { ...base, status: isPending ? 'skipped' : 'passed' };
}

function checkStats(stats: JsonObject, tests: number, pending: number, failed: number, hookFailures: number, sink: ResultSink): void {
  const differences: string[] = [];
  const compare = (name: string, body: number): void => {
    const header = num(stats[name]);
    if (header !== undefined && header !== body) differences.push(`stats.${name} ${header} but ${body} listed`);
  };
  compare('tests', tests);
  compare('pending', pending);
  // mocha counts a failing hook in stats.failures.
  compare('failures', failed + hookFailures);
  if (differences.length > 0) sink.warn(`the report's stats disagree with its lists (${differences.join(', ')}); counted the lists`);
}
