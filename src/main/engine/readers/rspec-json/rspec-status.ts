// RSpec example statuses → ours. "pending" covers xit/skip and pending-that-failed-as-expected.
// A failed example is failed whatever it raised, as RSpec (and its JUnit formatter) counts it;
// only errors outside examples (a spec file that fails to load) are errored (see index.ts).
import type { TestStatus } from '../../../../shared/types.js';

export type RspecStatus = 'passed' | 'failed' | 'pending';

export const RSPEC_STATUS: Record<RspecStatus, TestStatus> = {
  passed: 'passed',
  failed: 'failed',
  pending: 'skipped',
};

export function isRspecStatus(value: unknown): value is RspecStatus {
  return typeof value === 'string' && Object.hasOwn(RSPEC_STATUS, value);
}
