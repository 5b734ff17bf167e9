// pytest-json-report outcomes → ours. pytest itself keeps xfailed/xpassed apart from
// passed/failed; we have four states, so:
// - xfailed (a known bug, marked @pytest.mark.xfail, failed as expected) → skipped: it is not a
//   new failure and its assertion did not pass; pytest's own JUnit XML writes it as <skipped>.
// - xpassed (marked xfail but passed; non-strict, else pytest reports it as failed) → passed,
//   as pytest's JUnit XML does.
// - error (setup or teardown raised) → errored; a failure in the test body is failed whatever
//   the exception, which is pytest's own rule (its summary counts a TypeError in a test as failed).
import type { TestStatus } from '../../../../shared/types.js';

export type PytestOutcome = 'passed' | 'failed' | 'skipped' | 'error' | 'xfailed' | 'xpassed';

export const PYTEST_OUTCOME: Record<PytestOutcome, TestStatus> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  error: 'errored',
  xfailed: 'skipped',
  xpassed: 'passed',
};

export function isPytestOutcome(value: unknown): value is PytestOutcome {
  return typeof value === 'string' && Object.hasOwn(PYTEST_OUTCOME, value);
}
