// The num* header Jest writes is a summary of the body; when a file was edited or merged they
// can disagree (jsonReport3.json: header says 90 passed, 4 assertions say failed). We count the
// body and say so.
import type { ResultSink } from '../../model/raw-result.js';
import { num, type JsonObject } from '../json/json-value.js';
import type { JestStatus } from './jest-status.js';

export function checkHeader(report: JsonObject, body: Map<JestStatus, number>, total: number, sink: ResultSink): void {
  const count = (...statuses: JestStatus[]): number => statuses.reduce((sum, status) => sum + (body.get(status) ?? 0), 0);
  const pairs: [string, number | undefined, number][] = [
    ['numTotalTests', num(report.numTotalTests), total],
    ['numPassedTests', num(report.numPassedTests), count('passed', 'focused')],
    ['numFailedTests', num(report.numFailedTests), count('failed')],
    ['numPendingTests', num(report.numPendingTests), count('pending', 'skipped', 'disabled')],
    ['numTodoTests', num(report.numTodoTests), count('todo')],
  ];
  const differences = pairs
    .filter(([, header, counted]) => header !== undefined && header !== counted)
    .map(([name, header, counted]) => `${name} ${header} but ${counted} in testResults`);
  if (differences.length > 0) {
    sink.warn(`the report's header disagrees with its test results (${differences.join(', ')}); counted the test results`);
  }
}
