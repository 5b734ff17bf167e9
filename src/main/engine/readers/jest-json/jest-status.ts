// Jest/Vitest assertion statuses → ours. Jest's Status type lists all seven; Vitest writes the
// same names. 'focused' marks a test.only that ran and did not fail, so it counts as passed.
// A failed test is failed whatever it threw (an expect() or a TypeError), as in the JUnit XML
// that Jest and Vitest write for the same run; only a test file that failed outside its tests
// (see index.ts) is errored.
import type { TestStatus } from '../../../../shared/types.js';

export type JestStatus = 'passed' | 'failed' | 'pending' | 'todo' | 'skipped' | 'disabled' | 'focused';

export const JEST_STATUS: Record<JestStatus, TestStatus> = {
  passed: 'passed',
  failed: 'failed',
  pending: 'skipped',
  todo: 'skipped',
  skipped: 'skipped',
  disabled: 'skipped',
  focused: 'passed',
};

export function isJestStatus(value: unknown): value is JestStatus {
  return typeof value === 'string' && Object.hasOwn(JEST_STATUS, value);
}
