// The rows of one run's tests: a test row the first time the project sees a test, a result row
// per test, attempt rows for its earlier tries. Shared by the whole-run writer and the streaming
// ingest, so both store a test the same way. Runs inside the caller's transaction.
import type { Database, Statement } from 'better-sqlite3';
import type { NormalisedTest } from '../model/normalised-report.js';
import { BatchInsert } from './batch-insert.js';

const RESULT_COLUMNS = ['run_id', 'test_id', 'ordinal', 'status', 'duration_ms', 'started_at', 'message', 'trace', 'stdout', 'stderr', 'attempts'];

export class ResultStatements {
  readonly insertTest: Statement;
  readonly testIdsOfProject: Statement;
  readonly insertResult: Statement;
  readonly insertResults: Statement;
  readonly updateResult: Statement;
  readonly insertAttempt: Statement;
  readonly deleteAttempts: Statement;

  constructor(db: Database) {
    this.insertTest = db.prepare(`INSERT INTO tests (project_id, key, suite, name, file) VALUES (?, ?, ?, ?, ?)`);
    this.testIdsOfProject = db.prepare(`SELECT key, id FROM tests WHERE project_id = ?`).raw();
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
  private readonly results: BatchInsert;
  private ordinal = 0;

  constructor(
    private readonly statements: ResultStatements,
    private readonly runId: string,
    private readonly projectId: number,
  ) {
    // Ids of the project's known tests, loaded once per run: one lookup in memory per result.
    for (const [key, id] of statements.testIdsOfProject.all(projectId) as [string, number][]) this.known.set(key, id);
    this.results = new BatchInsert(statements.insertResult, statements.insertResults, RESULT_COLUMNS.length);
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
    this.results.flush();
    const s = this.statements;
    s.updateResult.run(this.ordinal++, test.status, test.durationMs, test.startedAt, test.message, test.trace, test.stdout, test.stderr, test.attempts.length + 1, this.runId, testRowId);
    s.deleteAttempts.run(this.runId, testRowId);
    this.addAttempts(testRowId, test);
  }

  flush(): void {
    this.results.flush();
  }

  private testRow(test: NormalisedTest): number {
    let testRowId = this.known.get(test.id);
    if (testRowId === undefined) {
      testRowId = Number(this.statements.insertTest.run(this.projectId, test.id, test.suite, test.name, test.file).lastInsertRowid);
      this.known.set(test.id, testRowId);
    }
    return testRowId;
  }

  private addAttempts(testRowId: number, test: NormalisedTest): void {
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
