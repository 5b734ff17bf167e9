// xUnit.net result values → our four statuses. xUnit (and Fixie's xUnit-style report) does not
// tell an assertion failure from an unexpected exception: both are result="Fail".
import type { TestStatus } from '../../../../shared/types.js';
import { ReportError } from '../report-error.js';

type XunitResult = 'Pass' | 'Fail' | 'Skip' | 'NotRun';

const XUNIT_STATUS: Record<XunitResult, TestStatus> = {
  Pass: 'passed',
  Fail: 'failed',
  Skip: 'skipped',
  // xUnit v3: an explicit test that was not asked for.
  NotRun: 'skipped',
};

export function xunitStatus(result: string | undefined, where: string): TestStatus {
  const value = result?.trim() ?? '';
  if (Object.hasOwn(XUNIT_STATUS, value)) return XUNIT_STATUS[value as XunitResult];
  if (value === '') throw new ReportError(`xUnit <test> without a result attribute: ${where}`);
  throw new ReportError(`unknown xUnit result "${value}" for test ${where}`);
}
