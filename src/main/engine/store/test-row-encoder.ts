// A run's tests as the values the store binds, flat and in INSERT-sized chunks: a test row the
// first time the project sees a test (with the id the store will give it), a result row per
// test, attempt rows for its earlier tries. It needs no database, so the parse worker runs it and
// the storing thread only binds the chunks it is sent: no work per test is left on that thread.
// The whole-run writer uses it too, so both paths store a test the same way (result-rows.ts).
import type { NormalisedTest } from '../model/normalised-report.js';

/** Rows per multi-row INSERT (of every batched table: BatchInsert too): binding and stepping a statement per row costs a third more. */
export const ROWS_PER_INSERT = 50;
/** Values of a test row: id, key, suite, name, file (the project is bound once per statement). */
export const TEST_VALUES = 5;
/** Values of a result row: test_id, ordinal, status, duration_ms, started_at, message, trace, stdout, stderr, attempts (the run is bound once). */
export const RESULT_VALUES = 10;
/** Where a result row holds each of its values (the order add() pushes them in). */
export const RESULT_AT = { testRowId: 0, ordinal: 1, status: 2, durationMs: 3, startedAt: 4, message: 5, trace: 6, stdout: 7, stderr: 8, attempts: 9 } as const;
/** Values of an attempt row: test_id, attempt, status, duration_ms, message, trace, stdout, stderr. */
export const ATTEMPT_VALUES = 8;

/** The project's tests already stored, and the id the next new test gets (the largest plus one). */
export interface KnownTests {
  keys: string[];
  ids: number[];
  nextId: number;
}

/** Rows in the order they must be stored: tests before the results and attempts that refer to them. */
export interface EncodedRows {
  /** Chunks of ROWS_PER_INSERT test rows; only the last may be shorter. */
  tests: unknown[][];
  /** Chunks of ROWS_PER_INSERT result rows; only the last may be shorter. */
  results: unknown[][];
  /** Attempt rows, flat. */
  attempts: unknown[];
}

/**
 * A retry of a test stored earlier in the run. Its attempts so far are stored already; the outcome
 * it retries, stored as its result row, becomes attempt `retriedAttempt` (copied there by the
 * store, so the parse worker need not keep failing tests' texts for their retries); `attempts`
 * are the rows of the attempts the retry itself reports; then its result row takes `values`.
 */
export interface ResultReplacement {
  testRowId: number;
  retriedAttempt: number;
  /** ordinal, status, duration_ms, started_at, message, trace, stdout, stderr, attempts. */
  values: unknown[];
  attempts: unknown[];
}

export class TestRowEncoder {
  private readonly known = new Map<string, number>();
  private nextId: number;
  private ordinal = 0;
  private tests: unknown[][] = [];
  private results: unknown[][] = [];
  private attempts: unknown[] = [];
  // Filled by push: a preallocated array is "holey" to V8, which the structured clone writes
  // sparsely and reads back as a slow dictionary array.
  private testChunk: unknown[] = [];
  private resultChunk: unknown[] = [];
  private pending = 0;

  constructor(known: KnownTests) {
    // The map is also what keeps a key unique in its project (the table has no index on keys:
    // migration 0060), so it holds all of them; the run's transaction keeps other writers out.
    known.keys.forEach((key, index) => this.known.set(key, known.ids[index] as number));
    this.nextId = known.nextId;
  }

  /** Tests encoded since the last take(). */
  get size(): number {
    return this.pending;
  }

  add(test: NormalisedTest): void {
    const testRowId = this.testRowId(test);
    const chunk = this.resultChunk;
    chunk.push(testRowId, this.ordinal++, test.status, test.durationMs, test.startedAt, test.message, test.trace, test.stdout, test.stderr, test.attempts.length + 1);
    if (chunk.length === RESULT_VALUES * ROWS_PER_INSERT) {
      this.results.push(chunk);
      this.resultChunk = [];
    }
    attemptRows(testRowId, test, this.attempts);
    this.pending += 1;
  }

  /**
   * The replacement of a test added before (take() what is pending first: its row must be stored),
   * whose first `storedAttempts` attempts were stored with it and whose next attempt is the outcome
   * stored then (TestSettler: a retry's attempts are the earlier ones, the retried outcome, its own).
   */
  replace(test: NormalisedTest, storedAttempts: number): ResultReplacement {
    const testRowId = this.known.get(test.id);
    if (testRowId === undefined) throw new Error(`test ${test.id} was not added before its retry`);
    if (storedAttempts >= test.attempts.length) throw new Error(`test ${test.id}: a retry has the outcome it retries among its attempts`);
    return {
      testRowId,
      retriedAttempt: storedAttempts + 1,
      values: [this.ordinal++, test.status, test.durationMs, test.startedAt, test.message, test.trace, test.stdout, test.stderr, test.attempts.length + 1],
      attempts: attemptRows(testRowId, test, [], storedAttempts + 1),
    };
  }

  /** Everything encoded since the last take(), short chunks included. */
  take(): EncodedRows {
    if (this.testChunk.length > 0) this.tests.push(this.testChunk);
    if (this.resultChunk.length > 0) this.results.push(this.resultChunk);
    const rows = { tests: this.tests, results: this.results, attempts: this.attempts };
    this.tests = [];
    this.results = [];
    this.attempts = [];
    this.testChunk = [];
    this.resultChunk = [];
    this.pending = 0;
    return rows;
  }

  /** The row id of a test of this project by its key (every test of the run is known once added). */
  rowIdOf(key: string): number | undefined {
    return this.known.get(key);
  }

  private testRowId(test: NormalisedTest): number {
    let testRowId = this.known.get(test.id);
    if (testRowId === undefined) {
      testRowId = this.nextId++;
      this.known.set(test.id, testRowId);
      const chunk = this.testChunk;
      chunk.push(testRowId, test.id, test.suite, test.name, test.file);
      if (chunk.length === TEST_VALUES * ROWS_PER_INSERT) {
        this.tests.push(chunk);
        this.testChunk = [];
      }
    }
    return testRowId;
  }
}

/** A test's earlier attempts as attempt rows (from the `from`th, 0-based), appended to `into`. */
function attemptRows(testRowId: number, test: NormalisedTest, into: unknown[], from = 0): unknown[] {
  for (let index = from; index < test.attempts.length; index += 1) {
    const attempt = test.attempts[index] as NormalisedTest['attempts'][number];
    into.push(testRowId, index + 1, attempt.status, attempt.durationMs ?? null, attempt.message ?? null, attempt.trace ?? null, attempt.stdout ?? null, attempt.stderr ?? null);
  }
  return into;
}
