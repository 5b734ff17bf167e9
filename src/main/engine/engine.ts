// The engine facade: the one object the desktop app, the CLI, `vigil serve` and the tests use.
// It implements EngineApi (src/shared/types.ts) over a store on disk.
import type { Database } from 'better-sqlite3';
import type { EngineApi, IngestOutcome, RunDetail, RunSummary, TestResultDetail } from '../../shared/types.js';
import { ingestPaths, type IngestDeps } from './ingest/ingest-paths.js';
import { builtParseWorker, type ParseWorkerFactory } from './ingest/stream/parse-worker-factory.js';
import type { StreamLimits } from './ingest/stream/stream-messages.js';
import { openDatabase } from './store/open-database.js';
import { RunQueries } from './store/run-queries.js';
import { CompareQueries } from './store/compare-queries.js';
import { SelectorError, selectRun } from './store/run-selector.js';
import { RunWriter } from './store/run-writer.js';
import { createReportService, type ReportService } from './report/report-service.js';
import { createLiveEngine, type WatchingControls } from './watch/live-engine.js';
import { joiningIngest } from './watch/watch-ingest.js';
import type { WatchTiming } from './watch/watch-timing.js';
import { rootCauseApi } from './analysis/root-cause-api.js';
import { createRootCauseService } from './analysis/root-cause-service.js';
import { RootCauseStore } from './store/root-cause-store.js';
import { uiApi } from './ui/ui-api.js';

export interface EngineOptions {
  /** Path of the SQLite file; created with its folder when missing. */
  dbPath: string;
  /** An Electron-ABI build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
  /** Overrides of the watcher's waits (watch/watch-timing.ts). */
  watchTiming?: Partial<WatchTiming>;
  /** The demo reports (resources/demo); found beside the code when not given. */
  demoDir?: string;
  /**
   * Starts the worker that parses a large report while it is stored; by default the built one
   * beside the code (none when running from sources), null to read every report whole.
   */
  parseWorker?: ParseWorkerFactory | null;
  /** Smallest lone report that is parsed on the worker; for tests (the default suits users). */
  streamMinBytes?: number;
  /** What the parse worker may hold in memory before it waits for the storing thread; for tests. */
  streamLimits?: Partial<StreamLimits>;
}

export interface Engine extends EngineApi, WatchingControls {
  readonly dbPath: string;
  /** Resolves a run selector (id, first, latest, latest~N, ISO date) within a project or all runs. */
  resolveRun(selector: string, project?: string): RunSummary;
  /** Compare, report and goals, with what only local callers may pass (a goals file path). */
  readonly reports: ReportService;
  close(): void;
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export function openEngine(options: EngineOptions): Engine {
  const db: Database = openDatabase(options.dbPath, { nativeBinding: options.nativeBinding });
  const queries = new RunQueries(db);
  const rootCauses = createRootCauseService(new RootCauseStore(db));
  // Each failure's root cause is classified and stored in the run's own transaction.
  const writer = new RunWriter(db, (run) => rootCauses.writeRunCauses(run));
  const startParseWorker = options.parseWorker === undefined ? builtParseWorker() : options.parseWorker;

  const stamps = new CompareQueries(db);
  // Selected over light stamps (no sources, no coverage for 2,000 runs); only the chosen run is read in full.
  const resolveRun = (selector: string, project?: string): RunSummary => {
    const { id } = selectRun(selector, stamps.runStamps(project));
    const summary = queries.runById(id);
    if (!summary) throw new SelectorError(`run ${id} is no longer in the store`);
    return summary;
  };
  const reports = createReportService(db);
  const ingestDeps: IngestDeps = { queries, writer, startParseWorker, streamMinBytes: options.streamMinBytes, streamLimits: options.streamLimits };
  const live = createLiveEngine({
    db,
    dbPath: options.dbPath,
    ingest: (paths, project) => ingestPaths(ingestDeps, paths, project),
    ingestJoining: joiningIngest(db, ingestDeps),
    timing: options.watchTiming,
    notFound: (message) => new NotFoundError(message),
  });

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
      return {
        run: summary,
        properties: queries.properties(summary.id),
        tests: queries.tests(summary.id, rootCauses.rootCauses(summary.id)),
        coverage: queries.coverage(summary.id),
      };
    },
    async getTest({ run, testId }): Promise<TestResultDetail> {
      const summary = resolveRun(run);
      const test = queries.test(summary.id, testId);
      if (!test) throw new NotFoundError(`run ${summary.id} has no test ${testId}`);
      // Only a failure has a root cause; its group needs the whole run's analysis, kept for the next test opened.
      if (test.status !== 'failed' && test.status !== 'errored') return test;
      const cause = rootCauses.rootCauses(summary.id).get(testId);
      return { ...test, rootCause: cause ? { ...cause } : null };
    },
    async ingestPaths({ paths, project }): Promise<IngestOutcome> {
      return live.ingestPaths({ paths, project });
    },
    addWatchFolder: live.addWatchFolder,
    removeWatchFolder: live.removeWatchFolder,
    listWatchFolders: live.listWatchFolders,
    importExisting: live.importExisting,
    onEvent: live.onEvent,
    startWatching: live.startWatching,
    stopWatching: live.stopWatching,
    reports,
    compareRuns: async (query) => reports.compareRuns(query),
    getReport: async (query) => reports.report(query),
    checkGoals: async (query) => reports.checkGoals(query),
    ...rootCauseApi(rootCauses, resolveRun, (message) => new NotFoundError(message)),
    ...uiApi({
      db,
      resolveRun,
      failures: async ({ run, project }) => rootCauses.failures(resolveRun(run, project).id),
      ingest: (paths, project) => live.ingestPaths({ paths, project }),
      demoDir: options.demoDir,
      notFound: (message) => new NotFoundError(message),
    }),
    close(): void {
      live.close();
      db.close();
    },
  };
}
