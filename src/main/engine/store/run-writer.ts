// Writes one assembled run in one transaction: a crash or kill mid-way leaves the store as it
// was before. Statements are prepared once per writer; no per-row transactions.
import type { Database, Statement } from 'better-sqlite3';
import type { AssembledRun } from '../model/assembled-run.js';
import type { StoredAttachment } from '../ingest/assemble-runs.js';
import { CoverageWriter } from './coverage-writer.js';
import { BatchInsert } from './batch-insert.js';

const RESULT_COLUMNS = ['run_id', 'test_id', 'ordinal', 'status', 'duration_ms', 'started_at', 'message', 'trace', 'stdout', 'stderr', 'attempts'];

export class RunWriter {
  private readonly upsertProject: Statement;
  private readonly insertRun: Statement;
  private readonly insertSource: Statement;
  private readonly insertTest: Statement;
  private readonly testIdsOfProject: Statement;
  private readonly insertResult: Statement;
  private readonly insertResults: Statement;
  private readonly insertAttempt: Statement;
  private readonly insertProperty: Statement;
  private readonly coverage: CoverageWriter;

  /**
   * `afterWrite` runs inside the run's transaction once its rows are in (root causes are stored
   * there): if it throws, nothing of the run is stored.
   */
  constructor(
    private readonly db: Database,
    private readonly afterWrite?: (run: AssembledRun, projectId: number) => void,
  ) {
    this.upsertProject = db.prepare(
      `INSERT INTO projects (name, root) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET root = COALESCE(projects.root, excluded.root)
       RETURNING id`,
    );
    this.insertRun = db.prepare(
      `INSERT INTO runs (id, project_id, started_at, duration_ms, format, folder, hostname,
                         tests, passed, failed, errored, skipped, ingested_at)
       VALUES (@id, @projectId, @startedAt, @durationMs, @format, @folder, @hostname,
               @tests, @passed, @failed, @errored, @skipped, @ingestedAt)`,
    );
    this.insertSource = db.prepare(
      `INSERT INTO source_files (run_id, path, size, mtime_ms, sha256, format, kind)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertTest = db.prepare(`INSERT INTO tests (project_id, key, suite, name, file) VALUES (?, ?, ?, ?, ?)`);
    this.testIdsOfProject = db.prepare(`SELECT key, id FROM tests WHERE project_id = ?`).raw();
    const resultRow = `(${RESULT_COLUMNS.map(() => '?').join(', ')})`;
    const insertInto = `INSERT INTO results (${RESULT_COLUMNS.join(', ')}) VALUES`;
    this.insertResult = db.prepare(`${insertInto} ${resultRow}`);
    this.insertResults = db.prepare(`${insertInto} ${Array(BatchInsert.ROWS).fill(resultRow).join(', ')}`);
    this.insertAttempt = db.prepare(
      `INSERT INTO result_attempts (run_id, test_id, attempt, status, duration_ms, message, trace, stdout, stderr)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertProperty = db.prepare(`INSERT INTO run_properties (run_id, key, value) VALUES (?, ?, ?)`);
    this.coverage = new CoverageWriter(db);
  }

  /**
   * Adds coverage to a run stored earlier, in one transaction: its coverage files become sources
   * of the run, which keeps its id.
   */
  attachCoverage(attachment: StoredAttachment): void {
    this.db.transaction(() => {
      const projectId = this.db.prepare(`SELECT project_id FROM runs WHERE id = ?`).pluck().get(attachment.runId) as number | undefined;
      if (projectId === undefined) throw new Error(`run ${attachment.runId} is not stored`);
      for (const source of attachment.sources) {
        this.insertSource.run(attachment.runId, source.path, source.size, Math.round(source.mtimeMs), source.sha256, source.format, source.kind);
      }
      this.coverage.write(attachment.runId, projectId, attachment.coverage);
    })();
  }

  write(run: AssembledRun): void {
    // Every reference a run's rows make is to a row this transaction just wrote or read, so the
    // per-row foreign-key checks (a third of the insert time for 100,000 results) are skipped
    // while it runs. The pragma cannot change inside a transaction, hence outside it.
    this.db.pragma('foreign_keys = OFF');
    try {
      this.db.transaction(() => this.writeUnsafe(run))();
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }

  /** Ids of the project's known tests, loaded once per run: one lookup in memory per result. */
  private knownTests(projectId: number): Map<string, number> {
    const known = new Map<string, number>();
    for (const [key, id] of this.testIdsOfProject.all(projectId) as [string, number][]) known.set(key, id);
    return known;
  }

  private writeUnsafe(run: AssembledRun): void {
    const projectId = (this.upsertProject.get(run.project, run.projectRoot) as { id: number }).id;
    this.insertRun.run({
      id: run.id,
      projectId,
      startedAt: Math.round(run.startedAtMs),
      durationMs: run.durationMs,
      format: run.format,
      folder: run.folder,
      hostname: run.hostname,
      ...run.totals,
      ingestedAt: Date.now(),
    });
    for (const source of run.sources) {
      this.insertSource.run(run.id, source.path, source.size, Math.round(source.mtimeMs), source.sha256, source.format, source.kind);
    }
    for (const [key, value] of Object.entries(run.properties)) this.insertProperty.run(run.id, key, value);
    const known = this.knownTests(projectId);
    const results = new BatchInsert(this.insertResult, this.insertResults, RESULT_COLUMNS.length);
    let ordinal = 0;
    for (const test of run.tests) {
      let testRowId = known.get(test.id);
      if (testRowId === undefined) {
        testRowId = Number(this.insertTest.run(projectId, test.id, test.suite, test.name, test.file).lastInsertRowid);
        known.set(test.id, testRowId);
      }
      results.add(
        run.id,
        testRowId,
        ordinal++,
        test.status,
        test.durationMs,
        test.startedAt,
        test.message,
        test.trace,
        test.stdout,
        test.stderr,
        test.attempts.length + 1,
      );
      test.attempts.forEach((attempt, index) => {
        this.insertAttempt.run(
          run.id,
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
    results.flush();
    if (run.coverage) this.coverage.write(run.id, projectId, run.coverage);
    this.afterWrite?.(run, projectId);
  }
}
