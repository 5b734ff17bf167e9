// The stored runs of one folder that a report seen later may belong to, with the files each was
// assembled from (source_files). The watcher re-reads those files to assemble the run again with
// the reports that joined it (ingest/join-candidates.ts); nothing here reads a report.
import type { Database, Statement } from 'better-sqlite3';
import type { SourceRecord } from '../model/assembled-run.js';

export interface StoredRunRef {
  id: string;
  startedAtMs: number;
  /** 0 when the run has no duration. */
  durationMs: number;
  sources: SourceRecord[];
}

interface RunRow {
  id: string;
  started_at: number;
  duration_ms: number | null;
}

interface SourceRow {
  path: string;
  size: number;
  mtime_ms: number;
  sha256: string;
  format: string;
  kind: 'tests' | 'coverage';
}

export class StoredRunSources {
  private readonly runsNear: Statement;
  private readonly runsWithSourceAt: Statement;
  private readonly runsInFolder: Statement;
  private readonly sourcesOfRun: Statement;

  constructor(db: Database) {
    // A run's reports lie within [started_at - duration, started_at + duration] (started_at is the
    // earliest report start: its own timestamp, or a file time, which is the end of that report).
    // Only runs with test results: coverage alone is attached by the coverage rules, not joined.
    const withTests = `EXISTS (SELECT 1 FROM source_files s WHERE s.run_id = r.id AND s.kind = 'tests')`;
    this.runsNear = db.prepare(
      `SELECT r.id, r.started_at, r.duration_ms FROM runs r
       WHERE r.folder = @folder
         AND r.started_at - COALESCE(r.duration_ms, 0) - @gap <= @to
         AND r.started_at + COALESCE(r.duration_ms, 0) + @gap >= @from
         AND ${withTests}
       ORDER BY r.started_at, r.id`,
    );
    // The latest one only: a stream that grows replaces its run each time, so an earlier run with
    // a report at that path holds an earlier rewrite of it, never a prefix of what is there now.
    this.runsWithSourceAt = db.prepare(
      `SELECT r.id, r.started_at, r.duration_ms FROM runs r JOIN source_files s ON s.run_id = r.id
       WHERE r.folder = ? AND s.path = ? AND s.kind = 'tests' ORDER BY r.ingested_at DESC, r.started_at DESC, r.id LIMIT 1`,
    );
    this.runsInFolder = db.prepare(
      `SELECT r.id, s.path, s.size FROM runs r JOIN source_files s ON s.run_id = r.id WHERE r.folder = ? AND ${withTests} ORDER BY r.id`,
    );
    this.sourcesOfRun = db.prepare(`SELECT path, size, mtime_ms, sha256, format, kind FROM source_files WHERE run_id = ? ORDER BY kind DESC, path`);
  }

  /** Runs of the folder whose span comes within `gapMs` of [fromMs, toMs]. */
  near(folder: string, fromMs: number, toMs: number, gapMs: number): StoredRunRef[] {
    return this.withSources(this.runsNear.all({ folder, from: fromMs, to: toMs, gap: gapMs }) as RunRow[]);
  }

  /** The latest run of the folder with a test report at this path (a stream that may have grown since). */
  latestWithSourceAt(folder: string, path: string): StoredRunRef | null {
    return this.withSources(this.runsWithSourceAt.all(folder, path) as RunRow[])[0] ?? null;
  }

  /** The files (path and size) of every run of the folder that has test results, by run id. */
  filesInFolder(folder: string): Map<string, { path: string; size: number }[]> {
    const byRun = new Map<string, { path: string; size: number }[]>();
    for (const row of this.runsInFolder.iterate(folder) as Iterable<{ id: string; path: string; size: number }>) {
      byRun.set(row.id, [...(byRun.get(row.id) ?? []), { path: row.path, size: row.size }]);
    }
    return byRun;
  }

  private withSources(rows: RunRow[]): StoredRunRef[] {
    return rows.map((row) => ({
      id: row.id,
      startedAtMs: row.started_at,
      durationMs: row.duration_ms ?? 0,
      sources: (this.sourcesOfRun.all(row.id) as SourceRow[]).map((source) => ({
        path: source.path,
        size: source.size,
        mtimeMs: source.mtime_ms,
        sha256: source.sha256,
        format: source.format,
        kind: source.kind,
      })),
    }));
  }
}
