// CTRF test statuses → ours. CTRF has no "error" state; "other" is what a tool could not map
// to the four (Playwright's "interrupted", a crash), so it is an error outside assertions.
import type { TestStatus } from '../../../../shared/types.js';

export type CtrfStatus = 'passed' | 'failed' | 'skipped' | 'pending' | 'other';

export const CTRF_STATUS: Record<CtrfStatus, TestStatus> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  pending: 'skipped',
  other: 'errored',
};

export function isCtrfStatus(value: unknown): value is CtrfStatus {
  return typeof value === 'string' && Object.hasOwn(CTRF_STATUS, value);
}
