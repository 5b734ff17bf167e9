// Read side for compare, report and goals: a run's results in the smallest shape those need
// (no trace, no output, no attempts), and the runs around a run. Kept apart from run-queries.ts
// so the comparison's hot path reads only the columns it uses.
import type { Database, Statement } from 'better-sqlite3';
import type { TestStatus } from '../../../shared/types.js';

export interface ResultFacts {
  id: string;
  suite: string;
  name: string;
  file: string | null;
  status: TestStatus;
  message: string | null;
  durationMs: number | null;
}

/** Columns of the results query, read as arrays: 10,000 rows a comparison, objects cost twice. */
type ResultFactsRow = [key: string, suite: string, name: string, file: string | null, status: TestStatus, message: string | null, durationMs: number | null];

/** A run as selectors and period counts need it: light enough to read 2,000 of at once. */
export interface RunStamp {
  id: string;
  project: string;
  /** ISO, as RunSummary.startedAt. */
  startedAt: string;
  totals: { tests: number; failed: number; errored: number };
}

interface StampRow {
  id: string;
  project: string;
  started_at: number;
  tests: number;
  failed: number;
  errored: number;
}

export class CompareQueries {
  private readonly resultsOfRun: Statement;
  private readonly rootOfProject: Statement;
  private readonly stampsOfProject: Statement;
  private readonly stampsAll: Statement;
  private readonly propertiesOfRun: Statement;

  constructor(db: Database) {
    this.resultsOfRun = db
      .prepare(
        `SELECT t.key, t.suite, t.name, t.file, res.status, res.message, res.duration_ms
         FROM results res JOIN tests t ON t.id = res.test_id WHERE res.run_id = ? ORDER BY res.ordinal`,
      )
      .raw();
    this.rootOfProject = db.prepare(`SELECT root FROM projects WHERE name = ?`).pluck();
    const stamps = `SELECT r.id, p.name AS project, r.started_at, r.tests, r.failed, r.errored FROM runs r JOIN projects p ON p.id = r.project_id`;
    this.stampsOfProject = db.prepare(`${stamps} WHERE p.name = ? ORDER BY r.started_at, r.id`);
    this.stampsAll = db.prepare(`${stamps} ORDER BY r.started_at, r.id`);
    this.propertiesOfRun = db.prepare(`SELECT key, value FROM run_properties WHERE run_id = ?`);
  }

  properties(runId: string): Record<string, string> {
    const rows = this.propertiesOfRun.all(runId) as { key: string; value: string }[];
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  results(runId: string): ResultFacts[] {
    return (this.resultsOfRun.all(runId) as ResultFactsRow[]).map(([id, suite, name, file, status, message, durationMs]) => ({
      id,
      suite,
      name,
      file,
      status,
      message,
      durationMs,
    }));
  }

  /** The folder holding the project's marker, when ingest found one. */
  projectRoot(project: string): string | null {
    return (this.rootOfProject.get(project) as string | null | undefined) ?? null;
  }

  /** Every run of the project (or of the store), oldest first, in the order run selectors use. */
  runStamps(project?: string): RunStamp[] {
    const rows = (project === undefined ? this.stampsAll.all() : this.stampsOfProject.all(project)) as StampRow[];
    return rows.map((row) => ({
      id: row.id,
      project: row.project,
      startedAt: new Date(row.started_at).toISOString(),
      totals: { tests: row.tests, failed: row.failed, errored: row.errored },
    }));
  }
}
