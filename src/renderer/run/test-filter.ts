import type { TestResultRow, TestStatus } from '../../shared/types.js';

export interface TestFilter {
  statuses: ReadonlySet<TestStatus>;
  text: string;
}

/** Tests of the chosen statuses whose name, suite, file or message contains the text. */
export function filterTests(tests: readonly TestResultRow[], filter: TestFilter): TestResultRow[] {
  const needle = filter.text.trim().toLowerCase();
  return tests.filter((test) => {
    if (!filter.statuses.has(test.status)) return false;
    if (needle === '') return true;
    return (
      test.name.toLowerCase().includes(needle) ||
      test.suite.toLowerCase().includes(needle) ||
      (test.file ?? '').toLowerCase().includes(needle) ||
      (test.message ?? '').toLowerCase().includes(needle)
    );
  });
}

export function countByStatus(tests: readonly TestResultRow[]): Record<TestStatus, number> {
  const counts: Record<TestStatus, number> = { passed: 0, failed: 0, errored: 0, skipped: 0 };
  for (const test of tests) counts[test.status]++;
  return counts;
}
