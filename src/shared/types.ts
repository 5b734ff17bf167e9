// The types that cross the process boundary: the CLI's JSON contract (../shared/CLI.md) and
// what the renderer sees over IPC or HTTP. Fields may be added; none may be renamed or dropped.

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
 * The one API the desktop renderer, `vigil serve` and the CLI share. IPC and HTTP both carry
 * exactly this; nothing else crosses the boundary.
 */
export interface EngineApi {
  listProjects(): Promise<string[]>;
  listRuns(query: { project?: string }): Promise<RunSummary[]>;
  getRun(query: { run: string; project?: string }): Promise<RunDetail>;
  getTest(query: { run: string; testId: string }): Promise<TestResultDetail>;
  ingestPaths(query: { paths: string[]; project?: string }): Promise<IngestOutcome>;
}

export type EngineMethod = keyof EngineApi;
