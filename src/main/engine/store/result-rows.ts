// The rows of one run's tests: a test row the first time the project sees a test, a result row
// per test, attempt rows for its earlier tries. Shared by the whole-run writer and the streaming
// ingest, so both store a test the same way. Runs inside the caller's transaction.
import type { Database, Statement } from 'better-sqlite3';
import type { NormalisedTest } from '../model/normalised-report.js';
import { BatchInsert } from './batch-insert.js';

const TEST_COLUMNS = ['id', 'project_id', 'key', 'suite', 'name', 'file'];
const RESULT_COLUMNS = ['run_id', 'test_id', 'ordinal', 'status', 'duration_ms', 'started_at', 'message', 'trace', 'stdout', 'stderr', 'attempts'];

export class ResultStatements {
  readonly insertTest: Statement;
  readonly insertTests: Statement;
  readonly testIdsOfProject: Statement;
  readonly lastTestId: Statement;
  readonly insertResult: Statement;
  readonly insertResults: Statement;
  readonly updateResult: Statement;
  readonly insertAttempt: Statement;
  readonly deleteAttempts: Statement;

  constructor(db: Database) {
    const testRow = `(${TEST_COLUMNS.map(() => '?').join(', ')})`;
    this.insertTest = db.prepare(`INSERT INTO tests (${TEST_COLUMNS.join(', ')}) VALUES ${testRow}`);
    this.insertTests = db.prepare(`INSERT INTO tests (${TEST_COLUMNS.join(', ')}) VALUES ${Array(BatchInsert.ROWS).fill(testRow).join(', ')}`);
    this.testIdsOfProject = db.prepare(`SELECT key, id FROM tests WHERE project_id = ?`).raw();
    this.lastTestId = db.prepare(`SELECT coalesce(max(id), 0) FROM tests`).pluck();
    const resultRow = `(${RESULT_COLUMNS.map(() => '?').join(', ')})`;
    const insertInto = `INSERT INTO results (${RESULT_COLUMNS.join(', ')}) VALUES`;
    this.insertResult = db.prepare(`${insertInto} ${resultRow}`);
    this.insertResults = db.prepare(`${insertInto} ${Array(BatchInsert.ROWS).fill(resultRow).join(', ')}`);
    this.updateResult = db.prepare(
      `UPDATE results SET ordinal = ?, status = ?, duration_ms = ?, started_at = ?, message = ?, trace = ?,
                          stdout = ?, stderr = ?, attempts = ?
       WHERE run_id = ? AND test_id = ?`,
    );
    this.insertAttempt = db.prepare(
      `INSERT INTO result_attempts (run_id, test_id, attempt, status, duration_ms, message, trace, stdout, stderr)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.deleteAttempts = db.prepare(`DELETE FROM result_attempts WHERE run_id = ? AND test_id = ?`);
  }
}

export class ResultRows {
  private readonly known = new Map<string, number>();
  private readonly tests: BatchInsert;
  private readonly results: BatchInsert;
  private nextTestId: number;
  private ordinal = 0;

  constructor(
    private readonly statements: ResultStatements,
    private readonly runId: string,
    private readonly projectId: number,
  ) {
    // Ids of the project's known tests, loaded once per run: one lookup in memory per result.
    // The map is also what keeps a key unique in its project (the table has no index on keys:
    // migration 0060), so it must hold all of them; the run's transaction keeps other writers out.
    for (const [key, id] of statements.testIdsOfProject.all(projectId) as [string, number][]) this.known.set(key, id);
    // New tests get their ids here, as SQLite would (the largest one plus one), so that they can
    // be inserted many rows per statement like the results.
    this.nextTestId = (statements.lastTestId.get() as number) + 1;
    this.tests = new BatchInsert(statements.insertTest, statements.insertTests, TEST_COLUMNS.length);
    // Results reference their tests: where foreign keys are checked (a run replaced inside the
    // replacer's transaction), a test's row must be in before its result's.
    this.results = new BatchInsert(statements.insertResult, statements.insertResults, RESULT_COLUMNS.length, this.tests);
  }

  add(test: NormalisedTest): void {
    const testRowId = this.testRow(test);
    this.results.add(
      this.runId,
      testRowId,
      this.ordinal++,
      test.status,
      test.durationMs,
      test.startedAt,
      test.message,
      test.trace,
      test.stdout,
      test.stderr,
      test.attempts.length + 1,
    );
    this.addAttempts(testRowId, test);
  }

  /**
   * A retry of a test stored earlier in this run (a streamed report repeats a failed test): its
   * row takes the final outcome and the next position, its attempts are written anew.
   */
  replace(test: NormalisedTest): void {
    const testRowId = this.known.get(test.id);
    if (testRowId === undefined) throw new Error(`test ${test.id} was not stored in run ${this.runId}`);
    this.flush();
    const s = this.statements;
    s.updateResult.run(this.ordinal++, test.status, test.durationMs, test.startedAt, test.message, test.trace, test.stdout, test.stderr, test.attempts.length + 1, this.runId, testRowId);
    s.deleteAttempts.run(this.runId, testRowId);
    this.addAttempts(testRowId, test);
  }

  /** Writes what waits in the batches (the results' batch writes the tests' first). */
  flush(): void {
    this.results.flush();
  }

  /** The row id of a test of this project by its key (every test of the run is known once added). */
  rowIdOf(key: string): number | undefined {
    return this.known.get(key);
  }

  private testRow(test: NormalisedTest): number {
    let testRowId = this.known.get(test.id);
    if (testRowId === undefined) {
      testRowId = this.nextTestId++;
      this.tests.add(testRowId, this.projectId, test.id, test.suite, test.name, test.file);
      this.known.set(test.id, testRowId);
    }
    return testRowId;
  }

  private addAttempts(testRowId: number, test: NormalisedTest): void {
    if (test.attempts.length === 0) return;
    // Attempts reference the test's row, which may still wait in its batch.
    this.tests.flush();
    test.attempts.forEach((attempt, index) => {
      this.statements.insertAttempt.run(
        this.runId,
        testRowId,
        index + 1,
        attempt.status,
        attempt.durationMs ?? null,
        attempt.message ?? null,
        attempt.trace ?? null,
        attempt.stdout ?? null,
        attempt.stderr ?? null,
      );
    });
  }
}
