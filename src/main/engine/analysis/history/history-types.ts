// What the history signals read: a test's outcomes in the runs of its project, in time order,
// and the order each run ran its tests in. Built by the store; the signals are pure.
import type { TestStatus } from '../../../../shared/types.js';

export interface HistoryRun {
  id: string;
  startedAtMs: number;
  properties: Record<string, string>;
  totals: { tests: number; failed: number; errored: number };
}

export interface TestOutcome {
  runId: string;
  status: TestStatus;
  /** Position in that run's report: the order the tests ran in. */
  ordinal: number;
  /** Earlier attempts inside that run (retries), oldest first. */
  attemptStatuses: TestStatus[];
}

export interface TestHistory {
  testId: string;
  /** Oldest first; only runs that include the test. */
  outcomes: TestOutcome[];
}

export const isFailing = (status: TestStatus): boolean => status === 'failed' || status === 'errored';

/** The signal a history check adds to one failure. */
export interface HistorySignal {
  kind: 'flaky' | 'order_dependence' | 'leak_across_runs' | 'environment_change';
  /** The category the signal points to; null: evidence only. */
  category: 'flaky' | 'isolation_leak' | 'config_mismatch' | null;
  confidence: number;
  evidence: string[];
}
