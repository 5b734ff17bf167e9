// One results.tests[] entry → one RawTestResult, with its retry attempts.
import type { RawAttempt, RawTestResult, ResultSink } from '../../model/raw-result.js';
import type { TestStatus } from '../../../../shared/types.js';
import { firstLine, joinText, stripAnsi } from '../json/failure-text.js';
import { isObject, isoFromEpoch, num, str, strings, type JsonObject } from '../json/json-value.js';
import { CTRF_STATUS, isCtrfStatus } from './ctrf-status.js';

export function ctrfTest(test: JsonObject, index: number, sink: ResultSink): RawTestResult {
  const name = str(test.name) ?? `tests[${index}]`;
  const status = mapStatus(test.status, name, sink);
  const message = text(test.message);
  return {
    // CTRF ≤ 0.0.x wrote suite as one string ("a > b"); the current schema as an array.
    suite: Array.isArray(test.suite) ? strings(test.suite).join(' > ') : (str(test.suite) ?? ''),
    name,
    file: str(test.filePath),
    status,
    durationMs: num(test.duration),
    message: firstLine(message) ?? (status === 'failed' || status === 'errored' ? firstLine(text(test.trace)) : undefined),
    trace: joinText([message !== undefined && message.includes('\n') ? message : undefined, text(test.trace)], '\n\n'),
    stdout: joinText(strings(test.stdout)),
    stderr: joinText(strings(test.stderr)),
    startedAt: isoFromEpoch(num(test.start)),
    attempts: attempts(test, name, sink),
  };
}

function mapStatus(value: unknown, name: string, sink: ResultSink): TestStatus {
  if (isCtrfStatus(value)) return CTRF_STATUS[value];
  sink.warn(`unknown status ${JSON.stringify(value)} for "${name}"; counted as errored`);
  return 'errored';
}

function text(value: unknown): string | undefined {
  const raw = str(value);
  return raw === undefined || raw === '' ? undefined : stripAnsi(raw);
}

/**
 * Earlier attempts: `retryAttempts` (current schema) or `attempts` (older reporters). When the
 * list also holds the final attempt (one more entry than `retries`), that one is the test itself.
 */
function attempts(test: JsonObject, name: string, sink: ResultSink): RawAttempt[] | undefined {
  const list = Array.isArray(test.retryAttempts) ? test.retryAttempts : Array.isArray(test.attempts) ? test.attempts : [];
  const entries = list.filter(isObject);
  if (entries.length === 0) return undefined;
  entries.sort((a, b) => (num(a.attempt) ?? 0) - (num(b.attempt) ?? 0));
  const retries = num(test.retries);
  const earlier = retries !== undefined && entries.length === retries + 1 ? entries.slice(0, -1) : entries;
  const result = earlier.map((attempt) => ({
    status: mapStatus(attempt.status, name, sink),
    durationMs: num(attempt.duration),
    message: firstLine(text(attempt.message)),
    trace: text(attempt.trace),
    stdout: joinText(strings(attempt.stdout)),
    stderr: joinText(strings(attempt.stderr)),
  }));
  return result.length > 0 ? result : undefined;
}
