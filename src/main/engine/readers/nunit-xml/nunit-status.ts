// NUnit result values → our four statuses. NUnit 2 writes result="Success|Failure|Error|..."
// (2.5+) or only executed=/success= (2.2-2.4); NUnit 3 writes result="Passed|Failed|..." and
// refines Failed with label= (why) and site= (where).
import type { TestStatus } from '../../../../shared/types.js';
import { ReportError } from '../report-error.js';

type NUnit2Result = 'Success' | 'Failure' | 'Error' | 'Ignored' | 'NotRunnable' | 'Inconclusive' | 'Skipped' | 'Cancelled';
type NUnit3Result = 'Passed' | 'Failed' | 'Skipped' | 'Inconclusive' | 'Warning';

// NUnit 2 counts NotRunnable (a malformed test method) among "not run", like Ignored, and so do
// we (EnricoMi's expectations agree). Cancelled means the run was stopped while the test ran:
// not an assertion, so errored.
const NUNIT2_STATUS: Record<NUnit2Result, TestStatus> = {
  Success: 'passed',
  Failure: 'failed',
  Error: 'errored',
  Ignored: 'skipped',
  NotRunnable: 'skipped',
  Inconclusive: 'skipped',
  Skipped: 'skipped',
  Cancelled: 'errored',
};

// Warning = passed with warnings. Failed is refined by failedStatus().
const NUNIT3_STATUS: Record<NUnit3Result, TestStatus> = {
  Passed: 'passed',
  Failed: 'failed',
  Skipped: 'skipped',
  Inconclusive: 'skipped',
  Warning: 'passed',
};

// Where a failure happened; only a failure in the test body itself is an assertion failure.
const NON_TEST_SITES = new Set(['SetUp', 'TearDown', 'Parent']);

export interface NUnitCaseFacts {
  result?: string;
  label?: string;
  site?: string;
  executed?: string;
  success?: string;
  /** A <failure> child was present. */
  hasFailure: boolean;
}

export function nunitStatus(facts: NUnitCaseFacts, where: string): TestStatus {
  // NUnit 3's test-run result reads "Failed(Child)"; a test-case's never should, but tolerate it.
  const result = facts.result?.trim().replace(/\(.*\)$/, '');
  if (result !== undefined && result !== '') {
    if (Object.hasOwn(NUNIT3_STATUS, result)) {
      const status = NUNIT3_STATUS[result as NUnit3Result];
      return status === 'failed' ? failedStatus(facts) : status;
    }
    if (Object.hasOwn(NUNIT2_STATUS, result)) return NUNIT2_STATUS[result as NUnit2Result];
    throw new ReportError(`unknown NUnit result "${result}" for test ${where}`);
  }
  // NUnit 2.2-2.4: no result attribute. Not executed = ignored; a <failure> or success="False"
  // = failed; anything else (including typos like success="Turue") = passed.
  if (facts.executed?.trim().toLowerCase() === 'false') return 'skipped';
  if (facts.hasFailure || facts.success?.trim().toLowerCase() === 'false') return 'failed';
  return 'passed';
}

/**
 * NUnit 3 gives an assertion failure no label. label="Error" (unexpected exception), "Invalid"
 * (malformed test), "Cancelled", or a timeout text, or a site outside the test body (SetUp,
 * TearDown, a parent's OneTimeSetUp), are errors outside assertions.
 */
function failedStatus(facts: NUnitCaseFacts): TestStatus {
  const label = facts.label?.trim() ?? '';
  const site = facts.site?.trim() ?? '';
  return label !== '' || NON_TEST_SITES.has(site) ? 'errored' : 'failed';
}
