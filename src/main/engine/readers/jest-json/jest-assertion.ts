// One testResults[].assertionResults[] entry → one RawTestResult.
import type { RawTestResult } from '../../model/raw-result.js';
import { firstLine, joinText, stripAnsi } from '../json/failure-text.js';
import { num, str, strings, type JsonObject } from '../json/json-value.js';
import { JEST_STATUS, type JestStatus } from './jest-status.js';

export function assertionResult(assertion: JsonObject, status: JestStatus, file: string | undefined): RawTestResult {
  const failures = strings(assertion.failureMessages).map(stripAnsi);
  const trace = joinText(failures, '\n\n');
  const title = str(assertion.title) ?? str(assertion.fullName) ?? '';
  return {
    suite: strings(assertion.ancestorTitles).join(' > '),
    name: title,
    file,
    status: JEST_STATUS[status],
    durationMs: num(assertion.duration),
    message: firstLine(trace),
    trace,
  };
}
