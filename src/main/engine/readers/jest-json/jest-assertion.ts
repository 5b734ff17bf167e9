// One testResults[].assertionResults[] entry → one RawTestResult.
import type { RawTestResult } from '../../model/raw-result.js';
import { failureKind, firstLine, joinText, stripAnsi } from '../json/failure-text.js';
import { isObject, num, str, strings, type JsonObject } from '../json/json-value.js';
import { JEST_STATUS, type JestStatus } from './jest-status.js';

export function assertionResult(assertion: JsonObject, status: JestStatus, file: string | undefined): RawTestResult {
  const failures = strings(assertion.failureMessages).map(stripAnsi);
  const trace = joinText(failures, '\n\n');
  let mapped = JEST_STATUS[status];
  if (mapped === 'failed') mapped = failureKind({ text: failures[0], assertionData: hasMatcherResult(assertion) });
  const title = str(assertion.title) ?? str(assertion.fullName) ?? '';
  return {
    suite: strings(assertion.ancestorTitles).join(' > '),
    name: title,
    file,
    status: mapped,
    durationMs: num(assertion.duration),
    message: firstLine(trace),
    trace,
  };
}

/** Jest ≥ 27 adds failureDetails; an expect() failure carries its matcherResult there. */
function hasMatcherResult(assertion: JsonObject): boolean {
  return Array.isArray(assertion.failureDetails) && assertion.failureDetails.some((detail) => isObject(detail) && isObject(detail.matcherResult));
}
