// pytest-json-report (`pytest --json-report`): created/duration/exitcode/root, environment,
// summary, collectors[] and tests[] whose setup/call/teardown stages carry the failure.
import type { ResultSink } from '../../model/raw-result.js';
import type { ReportInput, ReportReader } from '../report-reader.js';
import { ReportError } from '../report-error.js';
import { readJsonDocument } from '../json/json-document.js';
import { hasKeys, scanJsonHead } from '../json/json-head.js';
import { flattenProperties, isObject, isoFromEpoch, num, optionalArray, requireObject, scalarText, str, type JsonObject } from '../json/json-value.js';
import { collectorError } from './pytest-collector.js';
import { isPytestOutcome, type PytestOutcome } from './pytest-outcome.js';
import { pytestTest } from './pytest-test.js';

const FORMAT = 'pytest-json-report';

export const pytestJsonReader: ReportReader = {
  format: 'pytest-json',

  matches(head: string): boolean {
    const scanned = scanJsonHead(head);
    return scanned.opener === '{' && hasKeys(scanned, 'created', 'exitcode', 'root');
  },

  async read(input: ReportInput, sink: ResultSink): Promise<void> {
    const report = requireObject(await readJsonDocument(input), 'the document', FORMAT);
    if (report.tests === undefined && report.summary !== undefined) {
      throw new ReportError('pytest-json-report written with --json-report-summary has no per-test results (tests is missing)');
    }
    const tests = optionalArray(report.tests, 'tests', FORMAT);
    const counted = new Map<PytestOutcome, number>();
    tests.forEach((value, index) => {
      const test = requireObject(value, `tests[${index}]`, FORMAT);
      const nodeid = str(test.nodeid);
      if (nodeid === undefined) throw new ReportError(`not a ${FORMAT} report: tests[${index}].nodeid is not a string`);
      const outcome = test.outcome;
      if (!isPytestOutcome(outcome)) {
        sink.warn(`unknown outcome ${JSON.stringify(outcome)} for ${nodeid}; counted as errored`);
        sink.test({ ...pytestTest(test, nodeid, 'error'), status: 'errored' });
        return;
      }
      counted.set(outcome, (counted.get(outcome) ?? 0) + 1);
      sink.test(pytestTest(test, nodeid, outcome));
    });
    let collectionErrors = 0;
    optionalArray(report.collectors, 'collectors', FORMAT).forEach((value, index) => {
      const collector = requireObject(value, `collectors[${index}]`, FORMAT);
      if (collector.outcome !== 'failed') return;
      collectionErrors += 1;
      sink.test(collectorError(collector));
    });
    sink.runInfo(runInfo(report));
    checkSummary(report, counted, tests.length, collectionErrors, sink);
  },
};

function runInfo(report: JsonObject): Parameters<ResultSink['runInfo']>[0] {
  // `created` is written when the session finishes, so the run started `duration` seconds earlier.
  const created = num(report.created);
  const duration = num(report.duration);
  const properties = flattenProperties(report.environment);
  const root = str(report.root);
  if (root !== undefined) properties.root = root;
  const exitcode = scalarText(report.exitcode);
  if (exitcode !== undefined) properties.exitcode = exitcode;
  return {
    startedAt: isoFromEpoch(created === undefined ? undefined : created - (duration ?? 0), true),
    durationMs: duration === undefined ? undefined : duration * 1000,
    properties,
  };
}

function checkSummary(report: JsonObject, counted: Map<PytestOutcome, number>, total: number, collectionErrors: number, sink: ResultSink): void {
  const summary = report.summary;
  if (!isObject(summary)) return;
  const differences: string[] = [];
  for (const outcome of ['passed', 'failed', 'skipped', 'error', 'xfailed', 'xpassed'] as const) {
    const header = num(summary[outcome]) ?? 0;
    const body = counted.get(outcome) ?? 0;
    // pytest counts collection errors under "error" too.
    if (header !== body && !(outcome === 'error' && header === body + collectionErrors)) {
      differences.push(`${outcome} ${header} but ${body} in tests`);
    }
  }
  const headerTotal = num(summary.total);
  if (headerTotal !== undefined && headerTotal !== total && headerTotal !== total + collectionErrors) {
    differences.push(`total ${headerTotal} but ${total} tests`);
  }
  if (differences.length > 0) sink.warn(`the report's summary disagrees with its tests (${differences.join(', ')}); counted the tests`);
}
