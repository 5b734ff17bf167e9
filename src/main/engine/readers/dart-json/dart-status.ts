// testDone.result → ours. The Dart test runner itself tells failures (a TestFailure from
// expect()) from errors (any other exception, a timeout); "skipped": true overrides success.
import type { TestStatus } from '../../../../shared/types.js';

export type DartResult = 'success' | 'failure' | 'error';

export const DART_RESULT: Record<DartResult, TestStatus> = {
  success: 'passed',
  failure: 'failed',
  error: 'errored',
};

export function isDartResult(value: unknown): value is DartResult {
  return typeof value === 'string' && Object.hasOwn(DART_RESULT, value);
}
