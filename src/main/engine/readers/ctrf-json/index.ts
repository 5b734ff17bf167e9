// CTRF, the Common Test Report Format (https://ctrf.io): {"reportFormat": "CTRF",
// "specVersion", "results": {"tool", "summary", "tests": [...], "environment"}}. Older
// reporters write only {"results": {"tool": ..., ...}}.
import type { ResultSink } from '../../model/raw-result.js';
import type { ReportInput, ReportReader } from '../report-reader.js';
import { readJsonDocument } from '../json/json-document.js';
import { scanJsonHead } from '../json/json-head.js';
import { flattenProperties, isObject, isoFromEpoch, isoFromText, num, requireArray, requireObject, str, type JsonObject } from '../json/json-value.js';
import { ctrfTest } from './ctrf-test.js';

const FORMAT = 'CTRF';

export const ctrfJsonReader: ReportReader = {
  format: 'ctrf-json',

  matches(head: string): boolean {
    const scanned = scanJsonHead(head);
    if (scanned.opener !== '{') return false;
    if (scanned.keys.has('reportFormat') && /"reportFormat"\s*:\s*"CTRF"/.test(head)) return true;
    return scanned.keys.has('results.tool') || (scanned.keys.has('results.summary') && scanned.keys.has('results.tests'));
  },

  async read(input: ReportInput, sink: ResultSink): Promise<void> {
    const report = requireObject(await readJsonDocument(input), 'the document', FORMAT);
    const results = requireObject(report.results, 'results', FORMAT);
    const tests = requireArray(results.tests, 'results.tests', FORMAT);
    const statuses = new Map<string, number>();
    tests.forEach((value, index) => {
      const test = requireObject(value, `results.tests[${index}]`, FORMAT);
      const status = typeof test.status === 'string' ? test.status : '?';
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      sink.test(ctrfTest(test, index, sink));
    });
    const summary = isObject(results.summary) ? results.summary : {};
    sink.runInfo(runInfo(report, results, summary));
    checkSummary(summary, statuses, tests.length, sink);
  },
};

function runInfo(report: JsonObject, results: JsonObject, summary: JsonObject): Parameters<ResultSink['runInfo']>[0] {
  const start = num(summary.start);
  const stop = num(summary.stop);
  const properties = flattenProperties(results.environment);
  if (isObject(results.tool)) {
    const name = str(results.tool.name);
    const version = str(results.tool.version);
    if (name !== undefined) properties['tool.name'] = name;
    if (version !== undefined) properties['tool.version'] = version;
  }
  return {
    startedAt: isoFromEpoch(start) ?? isoFromText(str(report.timestamp)),
    durationMs: num(summary.duration) ?? (start !== undefined && stop !== undefined && stop >= start ? stop - start : undefined),
    properties,
  };
}

function checkSummary(summary: JsonObject, statuses: Map<string, number>, total: number, sink: ResultSink): void {
  const differences: string[] = [];
  const compare = (name: string, body: number): void => {
    const header = num(summary[name]);
    if (header !== undefined && header !== body) differences.push(`${name} ${header} but ${body} in tests`);
  };
  compare('tests', total);
  for (const status of ['passed', 'failed', 'skipped', 'pending', 'other']) compare(status, statuses.get(status) ?? 0);
  if (differences.length > 0) sink.warn(`the report's summary disagrees with its tests (${differences.join(', ')}); counted the tests`);
}
