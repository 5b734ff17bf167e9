// TRX outcomes (Microsoft.VisualStudio.TestTools TestOutcome) → our four statuses.
import type { TestStatus } from '../../../../shared/types.js';
import { ReportError } from '../report-error.js';

type TrxOutcome =
  | 'Passed'
  | 'Failed'
  | 'Error'
  | 'Timeout'
  | 'Aborted'
  | 'NotExecuted'
  | 'Inconclusive'
  | 'Pending'
  | 'Warning'
  | 'Completed'
  | 'InProgress'
  | 'Disconnected'
  | 'PassedButRunAborted'
  | 'NotRunnable';

// Failed = an assertion (TRX does not separate assertions from other exceptions there).
// Error, Timeout, Aborted, InProgress (the run ended while it ran) and Disconnected (the test
// agent went away) are failures outside assertions: errored. NotRunnable (a malformed test
// method) and NotExecuted never ran: skipped, as vstest's own counters put them beside
// "not executed", not "failed". Warning, Completed and PassedButRunAborted finished without
// failing: passed.
const TRX_STATUS: Record<TrxOutcome, TestStatus> = {
  Passed: 'passed',
  Failed: 'failed',
  Error: 'errored',
  Timeout: 'errored',
  Aborted: 'errored',
  NotExecuted: 'skipped',
  Inconclusive: 'skipped',
  Pending: 'skipped',
  Warning: 'passed',
  Completed: 'passed',
  InProgress: 'errored',
  Disconnected: 'errored',
  PassedButRunAborted: 'passed',
  NotRunnable: 'skipped',
};

// xUnit's adapters report a failing fixture/collection/assembly cleanup as a pseudo-test named
// "[Test Class Cleanup Failure (Ns.Class.Test)]" with outcome Failed: an error outside any
// assertion, so errored.
const CLEANUP_FAILURE = /^\[Test \w+ Cleanup Failure\b/;

export function trxStatus(outcome: string | undefined, testName: string): TestStatus {
  // A result without an outcome did not finish normally (the vstest writer always sets it).
  if (outcome === undefined || outcome.trim() === '') return 'errored';
  const value = outcome.trim();
  if (!Object.hasOwn(TRX_STATUS, value)) throw new ReportError(`unknown TRX outcome "${value}" for test "${testName}"`);
  const status = TRX_STATUS[value as TrxOutcome];
  return status === 'failed' && CLEANUP_FAILURE.test(testName) ? 'errored' : status;
}
