// The types that cross the process boundary: the CLI's JSON contract (../shared/CLI.md) and
// what the renderer sees over IPC or HTTP. Fields may be added; none may be renamed or dropped.

import type { RunComparison } from './compare-types.js';
import type { RunCoverage } from './coverage-types.js';
import type { GoalsCheck, HandoffReport, ReportQuery } from './report-types.js';
import type { CategoryOverride, ClassifyRequest, ClassifyResult, NewUserRule, RunFailures, UserRule } from './root-cause-types.js';
import type { GroupHistory, RetentionResult, RunCategoryCounts, RunTestTable } from './ui-types.js';

export type TestStatus = 'passed' | 'failed' | 'errored' | 'skipped';

export const TEST_STATUSES: readonly TestStatus[] = ['passed', 'failed', 'errored', 'skipped'];

export type RootCauseCategory =
  | 'isolation_leak'
  | 'config_mismatch'
  | 'external_blocker'
  | 'product_defect'
  | 'test_defect'
  | 'flaky'
  | 'cascade'
  | 'unknown';

export interface Totals {
  tests: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
}

export interface CoverageSummary {
  linesCovered: number;
  linesValid: number;
  lineRate: number;
  branchesCovered: number;
  branchesValid: number;
}

/** RUN in ../shared/CLI.md. */
export interface RunSummary {
  id: string;
  project: string;
  startedAt: string;
  format: string;
  sources: string[];
  totals: Totals;
  durationMs: number | null;
  coverage: CoverageSummary | null;
}

export interface RootCauseRef {
  category: RootCauseCategory;
  confidence: number;
  groupId: string;
}

export interface TestAttempt {
  status: TestStatus;
  durationMs: number | null;
  message: string | null;
}

/** One test of a run, as `vigil show --json` lists it. */
export interface TestResultRow {
  id: string;
  suite: string;
  name: string;
  file: string | null;
  status: TestStatus;
  durationMs: number | null;
  message: string | null;
  rootCause: RootCauseRef | null;
  /** Earlier attempts of a test retried within one report (oldest first). */
  attempts: TestAttempt[];
}

/** A test's full detail: trace and captured output are only sent when asked for. */
export interface TestResultDetail extends TestResultRow {
  trace: string | null;
  stdout: string | null;
  stderr: string | null;
}

export interface RunDetail {
  run: RunSummary;
  properties: Record<string, string>;
  tests: TestResultRow[];
  /** The run's coverage in detail (per file, reports read); null when it has none. */
  coverage: RunCoverage | null;
}

export interface IngestError {
  path: string;
  error: string;
}

export interface IngestDuplicate {
  path: string;
  runId: string;
}

export interface IngestWarning {
  path: string;
  warning: string;
}

/** What `vigil ingest --json` prints. */
export interface IngestOutcome {
  runs: RunSummary[];
  duplicates: IngestDuplicate[];
  errors: IngestError[];
  warnings: IngestWarning[];
}

/**
 * How a watched folder is doing right now. `starting`: being set up; `ok`: watched; `missing`:
 * not there (deleted, renamed, unmounted: watched again when it reappears); `unreadable`:
 * permission denied; `error`: anything else (the message says what); `not-watched`: stored, but
 * this process is not watching it (e.g. `vigil ingest`).
 */
export type WatchFolderStatus = 'starting' | 'ok' | 'missing' | 'unreadable' | 'error' | 'not-watched';

/** A folder Vigil watches for reports, as stored, with its live status. */
export interface WatchedFolder {
  /** Absolute path. */
  path: string;
  /** The project every run found here belongs to; null: each report's own (as `vigil ingest`). */
  project: string | null;
  /** Poll instead of OS events (network and container mounts); network mounts poll anyway. */
  polling: boolean;
  status: WatchFolderStatus;
  /** One line about the status (why missing, what error, "polling every 1000 ms (nfs4 mount)"); null when there is nothing to say. */
  message: string | null;
  addedAt: string;
  /** When its existing reports were imported (importExisting); null: never. */
  importedAt: string | null;
}

/** What addWatchFolder did: `added` is false when the folder was already watched. */
export interface AddWatchFolderResult {
  folder: WatchedFolder;
  /** True the first time: the moment to offer "import existing reports" (once). */
  added: boolean;
}

/**
 * What the engine announces to every client (desktop IPC, `vigil serve` Server-Sent Events,
 * `vigil watch`): a run stored, a file that could not be ingested, a watched folder's status.
 * `folder` is the watched folder the file was found in, null when it came from a direct call.
 */
/**
 * A run as an event announces it (CLI.md, `vigil watch`): `replaces` names the stored runs it
 * replaced (reports that landed later joined them; the ids are content-derived, so they change),
 * `warnings` what its new files were warned about (e.g. a stream stored while incomplete).
 */
export type AnnouncedRun = RunSummary & { replaces?: string[]; warnings?: IngestWarning[] };

export type EngineEvent =
  | { type: 'didIngestRun'; run: AnnouncedRun; folder: string | null }
  | { type: 'didFailFile'; path: string; error: string; folder: string | null }
  | { type: 'didChangeFolderStatus'; folder: WatchedFolder };

export type EngineEventListener = (event: EngineEvent) => void;

/** A subscription to EngineEvents; the returned function ends it. */
export interface EngineEventSource {
  onEvent(listener: EngineEventListener): () => void;
}

/**
 * The one API the desktop renderer, `vigil serve` and the CLI share. IPC and HTTP both carry
 * exactly this; nothing else crosses the boundary.
 */
export interface EngineApi {
  listProjects(): Promise<string[]>;
  listRuns(query: { project?: string }): Promise<RunSummary[]>;
  getRun(query: { run: string; project?: string }): Promise<RunDetail>;
  getTest(query: { run: string; testId: string }): Promise<TestResultDetail>;
  ingestPaths(query: { paths: string[]; project?: string }): Promise<IngestOutcome>;
  /** Stores the folder and watches it (when this engine watches); existing reports are not read. */
  addWatchFolder(query: { path: string; project?: string; polling?: boolean }): Promise<AddWatchFolderResult>;
  /** Stops watching the folder and forgets it; its runs stay. */
  removeWatchFolder(query: { path: string }): Promise<{ removed: boolean }>;
  listWatchFolders(): Promise<WatchedFolder[]>;
  /** Ingests the reports already in a watched folder (what the watcher skips on start). */
  importExisting(query: { path: string }): Promise<IngestOutcome>;
  /** Compares two runs of one project (`vigil compare`): selectors as everywhere. */
  compareRuns(query: { before: string; after: string; project?: string }): Promise<RunComparison>;
  /** The handoff report in Markdown (`vigil report`); defaults: the project's first and latest runs. */
  getReport(query: ReportQuery): Promise<HandoffReport>;
  /** The project's goals checked against a run (`vigil gate`); default: the latest run. */
  checkGoals(query: { project?: string; run?: string }): Promise<GoalsCheck>;
  /** A run's failures grouped by root cause, ranked by tests unblocked per fix (`vigil failures`). */
  getFailures(query: { run: string; project?: string }): Promise<RunFailures>;
  /** Classifies failures from their text alone (`vigil classify`); global user rules apply. */
  classifyFailures(query: { failures: ClassifyRequest[] }): Promise<ClassifyResult[]>;
  /** Moves a failure group (g_...) or failing test (t_...) of a run to another category, for this and later runs. */
  setCategory(query: { run: string; target: string; category: RootCauseCategory; project?: string }): Promise<CategoryOverride>;
  /** User rules of a project (and the global ones), or all of them. */
  listRules(query: { project?: string }): Promise<UserRule[]>;
  /** Adds a user rule; it is matched before the built-in rules. */
  addRule(query: NewUserRule): Promise<UserRule>;
  removeRule(query: { id: string }): Promise<{ removed: boolean }>;
  /** A run's tests as slim columns (the desktop run table); trace and output via getTest. */
  getRunTests(query: { run: string; project?: string }): Promise<RunTestTable>;
  /** Each run's failing tests by category, oldest run first (as stored at ingest, the user's overrides applied). */
  getFailureTrend(query: { project: string }): Promise<RunCategoryCounts[]>;
  /** When each failure group of a run was first and last seen in its project, and in how many runs. */
  getGroupHistory(query: { run: string; project?: string }): Promise<GroupHistory[]>;
  /** Deletes a project's runs that started more than `days` days ago, in one transaction. */
  deleteRunsOlderThan(query: { project: string; days: number }): Promise<RetentionResult>;
  /** Ingests the bundled sample reports (resources/demo) as the projects "demo" and "demo-coverage". */
  loadDemo(): Promise<IngestOutcome>;
}

export type EngineMethod = keyof EngineApi;

/** What the desktop preload exposes as `window.vigil`: the API and the event subscription. */
export type VigilBridge = EngineApi & EngineEventSource;
