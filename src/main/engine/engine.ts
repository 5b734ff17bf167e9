// The engine facade: the one object the desktop app, the CLI, `vigil serve` and the tests use.
// It implements EngineApi (src/shared/types.ts) over a store on disk.
import type { Database } from 'better-sqlite3';
import type { EngineApi, IngestOutcome, RunDetail, RunSummary, TestResultDetail } from '../../shared/types.js';
import { ingestPaths } from './ingest/ingest-paths.js';
import { openDatabase } from './store/open-database.js';
import { RunQueries } from './store/run-queries.js';
import { selectRun } from './store/run-selector.js';
import { RunWriter } from './store/run-writer.js';

export interface EngineOptions {
  /** Path of the SQLite file; created with its folder when missing. */
  dbPath: string;
  /** An Electron-ABI build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
}

export interface Engine extends EngineApi {
  readonly dbPath: string;
  /** Resolves a run selector (id, first, latest, latest~N, ISO date) within a project or all runs. */
  resolveRun(selector: string, project?: string): RunSummary;
  close(): void;
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export function openEngine(options: EngineOptions): Engine {
  const db: Database = openDatabase(options.dbPath, { nativeBinding: options.nativeBinding });
  const queries = new RunQueries(db);
  const writer = new RunWriter(db);

  const resolveRun = (selector: string, project?: string): RunSummary => selectRun(selector, queries.listRuns(project));

  return {
    dbPath: options.dbPath,
    resolveRun,
    async listProjects(): Promise<string[]> {
      return queries.listProjects();
    },
    async listRuns({ project }): Promise<RunSummary[]> {
      return queries.listRuns(project);
    },
    async getRun({ run, project }): Promise<RunDetail> {
      const summary = resolveRun(run, project);
      return { run: summary, properties: queries.properties(summary.id), tests: queries.tests(summary.id) };
    },
    async getTest({ run, testId }): Promise<TestResultDetail> {
      const summary = resolveRun(run);
      const test = queries.test(summary.id, testId);
      if (!test) throw new NotFoundError(`run ${summary.id} has no test ${testId}`);
      return test;
    },
    async ingestPaths({ paths, project }): Promise<IngestOutcome> {
      return ingestPaths({ queries, writer }, paths, project);
    },
    close(): void {
      db.close();
    },
  };
}
