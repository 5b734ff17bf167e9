// Writes one assembled run in one transaction: a crash or kill mid-way leaves the store as it
// was before. Statements are prepared once per writer; no per-row transactions.
import type { Database, Statement } from 'better-sqlite3';
import type { AssembledRun } from '../model/assembled-run.js';
import type { NormalisedTest } from '../model/normalised-report.js';
import type { ResultCause } from '../analysis/result-cause.js';
import type { StoredAttachment } from '../ingest/assemble-runs.js';
import { CoverageWriter } from './coverage-writer.js';
import { ResultRows, ResultStatements } from './result-rows.js';
import { TestRowEncoder, type KnownTests } from './test-row-encoder.js';
import { withoutForeignKeys } from './foreign-keys.js';

/**
 * What the after-write hook reads of a run: its id, format and (at least) its failing tests, and
 * their content causes where they were classified already (by the parse worker).
 */
export type RunFailuresInput = Pick<AssembledRun, 'id' | 'format'> & {
  tests: readonly NormalisedTest[];
  causes?: readonly { testKey: string; cause: ResultCause }[];
  /** The stored row id of each of the run's tests, by key. */
  rowIdOf: (testKey: string) => number | undefined;
};

/** A run whose tests arrive while it is written (a streamed report): known before its first test. */
export type StreamedRunStart = Pick<AssembledRun, 'id' | 'project' | 'projectRoot' | 'folder' | 'format' | 'startedAtMs'>;

/** Known once the last test is in: everything else of the run, and its failing tests with their row ids. */
export type StreamedRunEnd = Omit<AssembledRun, 'tests' | 'coverage' | 'project' | 'projectRoot' | 'folder' | 'id'> & {
  failures: readonly NormalisedTest[];
  causes: readonly { testKey: string; cause: ResultCause }[];
  rowIdOf: (testKey: string) => number | undefined;
};

/** Where a streamed run's rows go: encoded elsewhere (test-row-encoder.ts) from `known`, stored by `rows`. */
export interface StreamedRows {
  known: KnownTests;
  rows: ResultRows;
}

/** Tests encoded per chunk of rows stored by the whole-run writer: bounds the rows held at once. */
const TESTS_PER_STORE = 500;

export class RunWriter {
  private readonly upsertProject: Statement;
  private readonly insertRun: Statement;
  private readonly insertSource: Statement;
  private readonly updateRun: Statement;
  private readonly results: ResultStatements;
  private readonly insertProperty: Statement;
  private readonly coverage: CoverageWriter;

  /**
   * `afterWrite` runs inside the run's transaction once its rows are in (root causes are stored
   * there): if it throws, nothing of the run is stored.
   */
  constructor(
    private readonly db: Database,
    private readonly afterWrite?: (run: RunFailuresInput) => void,
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
    this.updateRun = db.prepare(
      `UPDATE runs SET started_at = @startedAt, duration_ms = @durationMs, format = @format, hostname = @hostname,
                       tests = @tests, passed = @passed, failed = @failed, errored = @errored, skipped = @skipped
       WHERE id = @id`,
    );
    this.results = new ResultStatements(db);
    this.insertProperty = db.prepare(`INSERT INTO run_properties (run_id, key, value) VALUES (?, ?, ?)`);
    this.coverage = new CoverageWriter(db);
  }

  /** Whether runs get their failures' root causes stored (else nobody needs them classified). */
  get storesCauses(): boolean {
    return this.afterWrite !== undefined;
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
    this.inTransaction(() => this.writeUnsafe(run));
  }

  /**
   * Stores a run whose tests arrive while it is written, in one transaction: `fill` adds them
   * (synchronously) and returns the rest of the run. If anything throws, nothing is stored.
   */
  writeStreamed(start: StreamedRunStart, fill: (stream: StreamedRows) => StreamedRunEnd): void {
    this.inTransaction(() => {
      const projectId = (this.upsertProject.get(start.project, start.projectRoot) as { id: number }).id;
      const empty = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
      this.insertRun.run({
        id: start.id,
        projectId,
        startedAt: Math.round(start.startedAtMs),
        durationMs: null,
        format: start.format,
        folder: start.folder,
        hostname: null,
        ...empty,
        ingestedAt: Date.now(),
      });
      const end = fill({ known: this.results.knownTests(projectId), rows: new ResultRows(this.results, start.id, projectId) });
      this.updateRun.run({ id: start.id, startedAt: Math.round(end.startedAtMs), durationMs: end.durationMs, format: end.format, hostname: end.hostname, ...end.totals });
      this.insertSourcesAndProperties(start.id, end);
      this.afterWrite?.({ id: start.id, format: end.format, tests: end.failures, causes: end.causes, rowIdOf: end.rowIdOf });
    });
  }

  private inTransaction(body: () => void): void {
    // Every reference a run's rows make is to a row this transaction just wrote or read, so the
    // per-row foreign-key checks (a third of the insert time for 100,000 results) are skipped
    // while it runs.
    withoutForeignKeys(this.db, this.db.transaction(body));
  }

  private insertSourcesAndProperties(runId: string, run: Pick<AssembledRun, 'sources' | 'properties'>): void {
    for (const source of run.sources) {
      this.insertSource.run(runId, source.path, source.size, Math.round(source.mtimeMs), source.sha256, source.format, source.kind);
    }
    for (const [key, value] of Object.entries(run.properties)) this.insertProperty.run(runId, key, value);
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
    this.insertSourcesAndProperties(run.id, run);
    const rows = new ResultRows(this.results, run.id, projectId);
    const encoder = new TestRowEncoder(this.results.knownTests(projectId));
    for (const test of run.tests) {
      encoder.add(test);
      if (encoder.size === TESTS_PER_STORE) rows.store(encoder.take());
    }
    rows.store(encoder.take());
    if (run.coverage) this.coverage.write(run.id, projectId, run.coverage);
    this.afterWrite?.({ ...run, rowIdOf: (key) => encoder.rowIdOf(key) });
  }
}
