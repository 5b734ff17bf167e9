// JUnit outcomes in the report's own terms and how they map to ours (CLI.md "Counting").
import type { TestStatus } from '../../../../shared/types.js';

/** What one <testcase> says about itself: its result children, or a not-run status attribute. */
export type JunitOutcome = 'success' | 'failure' | 'error' | 'skipped' | 'disabled';

export const OUTCOME_STATUS: Record<JunitOutcome, TestStatus> = {
  success: 'passed',
  failure: 'failed',
  error: 'errored',
  skipped: 'skipped',
  disabled: 'skipped',
};

/** The result children of <testcase>. */
export type ResultElement = 'failure' | 'error' | 'skipped';

/**
 * When a testcase has several result children (pytest writes <failure> and <error> when the test
 * fails and its teardown errors), the most severe one decides, as EnricoMi's parser does.
 */
export const RESULT_SEVERITY: Record<ResultElement, number> = { skipped: 1, failure: 2, error: 3 };

/**
 * Earlier runs that Maven Surefire and cargo-nextest record inside a testcase: flaky* = it failed,
 * then passed on a rerun; rerun* = it failed again on a rerun.
 */
export type RerunElement = 'flakyFailure' | 'flakyError' | 'rerunFailure' | 'rerunError';

export const RERUN_STATUS: Record<RerunElement, TestStatus> = {
  flakyFailure: 'failed',
  flakyError: 'errored',
  rerunFailure: 'failed',
  rerunError: 'errored',
};

export function isRerunElement(name: string): name is RerunElement {
  return name === 'flakyFailure' || name === 'flakyError' || name === 'rerunFailure' || name === 'rerunError';
}

/**
 * `status` attribute values meaning the test never ran: "disabled" (tst, Catch2-like writers, as
 * counted by EnricoMi and action-junit-report even when a <failure> child is present) and
 * GoogleTest's "notrun" (disabled tests). Other values ("run", "passed", "failed") say nothing
 * the result children do not.
 */
export function isNotRunStatus(status: string | undefined): boolean {
  return status === 'disabled' || status === 'notrun';
}
