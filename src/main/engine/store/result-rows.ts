// Stores the rows TestRowEncoder makes of a run's tests (test-row-encoder.ts): each chunk is bound
// as it comes to one multi-row INSERT, so storing does no work per test. Shared by the whole-run
// writer and the streaming ingest (whose rows are encoded on the parse worker), so both store a
// test the same way. Runs inside the caller's transaction.
import type { Database, Statement } from 'better-sqlite3';
import {
  ATTEMPT_VALUES,
  RESULT_VALUES,
  ROWS_PER_INSERT,
  TEST_VALUES,
  type EncodedRows,
  type KnownTests,
  type ResultReplacement,
} from './test-row-encoder.js';

// The run and the project are the same in every row: bound once by name, not sent per row.
const TEST_ROW = `(?, @project, ?, ?, ?, ?)`;
const RESULT_ROW = `(@run, ${Array(RESULT_VALUES).fill('?').join(', ')})`;
// OR FAIL: a conflict stops the statement without undoing its earlier rows, which the run's
// transaction rolls back anyway. Under the default (ABORT) SQLite keeps a statement journal for
// every multi-row INSERT, and once the page cache is full each page it spills mid-statement is
// first copied there: 436 MB of temporary-file writes for a 100,000-test run.
const INSERT_TESTS = `INSERT OR FAIL INTO tests (id, project_id, key, suite, name, file) VALUES`;
const INSERT_RESULTS = `INSERT OR FAIL INTO results (run_id, test_id, ordinal, status, duration_ms, started_at, message, trace, stdout, stderr, attempts) VALUES`;

export class ResultStatements {
  readonly insertTest: Statement;
  readonly insertTests: Statement;
  readonly insertResult: Statement;
  readonly insertResults: Statement;
  readonly updateResult: Statement;
  readonly insertAttempt: Statement;
  readonly attemptFromResult: Statement;
  private readonly testIdsOfProject: Statement;
  private readonly lastTestId: Statement;

  constructor(db: Database) {
    this.insertTest = db.prepare(`${INSERT_TESTS} ${TEST_ROW}`);
    this.insertTests = db.prepare(`${INSERT_TESTS} ${Array(ROWS_PER_INSERT).fill(TEST_ROW).join(', ')}`);
    this.insertResult = db.prepare(`${INSERT_RESULTS} ${RESULT_ROW}`);
    this.insertResults = db.prepare(`${INSERT_RESULTS} ${Array(ROWS_PER_INSERT).fill(RESULT_ROW).join(', ')}`);
    this.updateResult = db.prepare(
      `UPDATE results SET ordinal = ?, status = ?, duration_ms = ?, started_at = ?, message = ?, trace = ?,
                          stdout = ?, stderr = ?, attempts = ?
       WHERE run_id = @run AND test_id = @test`,
    );
    this.insertAttempt = db.prepare(
      `INSERT INTO result_attempts (run_id, test_id, attempt, status, duration_ms, message, trace, stdout, stderr)
       VALUES (@run, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.attemptFromResult = db.prepare(
      `INSERT INTO result_attempts (run_id, test_id, attempt, status, duration_ms, message, trace, stdout, stderr)
       SELECT run_id, test_id, @attempt, status, duration_ms, message, trace, stdout, stderr FROM results WHERE run_id = @run AND test_id = @test`,
    );
    this.testIdsOfProject = db.prepare(`SELECT key, id FROM tests WHERE project_id = ?`).raw();
    this.lastTestId = db.prepare(`SELECT coalesce(max(id), 0) FROM tests`).pluck();
  }

  /**
   * The project's stored tests, read once per run (one lookup in memory per result after), and
   * the id a new test gets: the largest plus one, as SQLite would give it, known ahead so that
   * new tests go many rows per statement like the results.
   */
  knownTests(projectId: number): KnownTests {
    const keys: string[] = [];
    const ids: number[] = [];
    for (const [key, id] of this.testIdsOfProject.all(projectId) as [string, number][]) {
      keys.push(key);
      ids.push(id);
    }
    return { keys, ids, nextId: (this.lastTestId.get() as number) + 1 };
  }
}

export class ResultRows {
  private readonly run: { run: string };
  private readonly project: { project: number };

  constructor(
    private readonly statements: ResultStatements,
    runId: string,
    projectId: number,
  ) {
    this.run = { run: runId };
    this.project = { project: projectId };
  }

  /** Tests first: results and attempts refer to them, and foreign keys may be checked. */
  store(rows: EncodedRows): void {
    const s = this.statements;
    for (const chunk of rows.tests) this.insertChunk(chunk, TEST_VALUES, s.insertTests, s.insertTest, this.project);
    for (const chunk of rows.results) this.insertChunk(chunk, RESULT_VALUES, s.insertResults, s.insertResult, this.run);
    this.insertAttempts(rows.attempts);
  }

  replace(replacement: ResultReplacement): void {
    const s = this.statements;
    const copied = s.attemptFromResult.run({ ...this.run, test: replacement.testRowId, attempt: replacement.retriedAttempt });
    if (copied.changes !== 1) throw new Error(`retry of test row ${replacement.testRowId}: its earlier result is not stored`);
    this.insertAttempts(replacement.attempts);
    s.updateResult.run({ ...this.run, test: replacement.testRowId }, replacement.values);
  }

  private insertChunk(chunk: unknown[], values: number, many: Statement, one: Statement, named: object): void {
    if (chunk.length === values * ROWS_PER_INSERT) {
      many.run(named, chunk);
      return;
    }
    // A short chunk is the end of what was sent: row by row.
    for (let start = 0; start < chunk.length; start += values) one.run(named, chunk.slice(start, start + values));
  }

  private insertAttempts(flat: unknown[]): void {
    for (let start = 0; start < flat.length; start += ATTEMPT_VALUES) this.statements.insertAttempt.run(this.run, flat.slice(start, start + ATTEMPT_VALUES));
  }
}
