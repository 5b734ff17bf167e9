// The failing tests of a batch of rows, for the root-cause step on the storing thread. Their
// outcome and texts (message, trace, output) are in the batch's result rows already, so a failure
// is sent as where its row is plus what the row lacks: its key, suite, name and file (a test
// stored by an earlier run has no test row in the batch) and its earlier attempts. Sending the
// whole tests again doubled the bytes cloned for a failing test and was 30% of all the bytes a
// 100,000-test report sends (32 of 106 MB).
// One flat array per batch, not objects: the structured clone writes every object's keys again.
import type { NormalisedTest } from '../../model/normalised-report.js';
import { RESULT_AT, RESULT_VALUES, ROWS_PER_INSERT } from '../../store/test-row-encoder.js';

/** Values per failure: its result row's index in the batch, id, suite, name, file, attempts. */
const FIELDS = 6;

/** A failing test added to a batch, and the index of its result row there. */
export interface BatchFailure {
  index: number;
  test: NormalisedTest;
}

export function encodeFailures(failures: readonly BatchFailure[]): unknown[] {
  // Filled by push, not preallocated: a preallocated array is "holey" to V8, and the structured
  // clone writes a holey array sparsely (an index with every value) and reads it back as a slow
  // dictionary array; packed, the same batch posts and reads ~2-3x faster.
  const flat: unknown[] = [];
  for (const { index, test } of failures) {
    flat.push(index, test.id, test.suite, test.name, test.file, test.attempts.length === 0 ? null : test.attempts);
  }
  return flat;
}

/** The failing tests of a batch, rebuilt from `flat` and the batch's result rows, with their test row ids. */
export function decodeFailures(flat: readonly unknown[], results: readonly (readonly unknown[])[]): { test: NormalisedTest; testRowId: number }[] {
  const failures: { test: NormalisedTest; testRowId: number }[] = [];
  for (let at = 0; at < flat.length; at += FIELDS) {
    const index = flat[at] as number;
    const row = results[Math.floor(index / ROWS_PER_INSERT)];
    const start = (index % ROWS_PER_INSERT) * RESULT_VALUES;
    if (!row || start + RESULT_VALUES > row.length) throw new Error(`failure ${flat[at + 1] as string}: no result row ${index} in its batch`);
    failures.push({
      testRowId: row[start + RESULT_AT.testRowId] as number,
      test: {
        id: flat[at + 1] as string,
        suite: flat[at + 2] as string,
        name: flat[at + 3] as string,
        file: flat[at + 4] as string | null,
        status: row[start + RESULT_AT.status] as NormalisedTest['status'],
        durationMs: row[start + RESULT_AT.durationMs] as number | null,
        message: row[start + RESULT_AT.message] as string | null,
        trace: row[start + RESULT_AT.trace] as string | null,
        stdout: row[start + RESULT_AT.stdout] as string | null,
        stderr: row[start + RESULT_AT.stderr] as string | null,
        startedAt: row[start + RESULT_AT.startedAt] as string | null,
        attempts: (flat[at + 5] as NormalisedTest['attempts'] | null) ?? [],
      },
    });
  }
  return failures;
}
