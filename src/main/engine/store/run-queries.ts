// Read side of the store: runs as the CLI contract shapes them, and a run's tests.
import type { Database, Statement } from 'better-sqlite3';
import type { RunCoverage } from '../../../shared/coverage-types.js';
import type { RunSlot } from '../coverage/attach-coverage.js';
import { CoverageQueries } from './coverage-queries.js';
import type { CoverageSummary, RootCauseRef, RunSummary, TestAttempt, TestResultDetail, TestResultRow, TestStatus } from '../../../shared/types.js';

interface RunRow {
  id: string;
  project: string;
  started_at: number;
  duration_ms: number | null;
  format: string;
  tests: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  /** From run_coverage; null when the run has no coverage. */
  lines_covered: number | null;
  lines_valid: number | null;
  branches_covered: number | null;
  branches_valid: number | null;
}

interface ResultRow {
  key: string;
  suite: string;
  name: string;
  file: string | null;
  status: TestStatus;
  duration_ms: number | null;
  message: string | null;
  attempts: number;
  test_id: number;
}

const RUN_COLUMNS = `r.id, p.name AS project, r.started_at, r.duration_ms, r.format,
  r.tests, r.passed, r.failed, r.errored, r.skipped,
  c.lines_covered, c.lines_valid, c.branches_covered, c.branches_valid`;

/** Runs with their project and, when they have one, their coverage totals. */
const RUNS = `runs r JOIN projects p ON p.id = r.project_id LEFT JOIN run_coverage c ON c.run_id = r.id`;

export class RunQueries {
  private readonly runsAll: Statement;
  private readonly runsOfProject: Statement;
  private readonly runByIdStatement: Statement;
  private readonly sourcesOfRun: Statement;
  private readonly resultsOfRun: Statement;
  private readonly attemptsOfRun: Statement;
  private readonly attemptsOfTest: Statement;
  private readonly propertiesOfRun: Statement;
  private readonly sourceBySha: Statement;
  private readonly testDetail: Statement;
  private readonly projects: Statement;
  private readonly coverageQueries: CoverageQueries;

  constructor(db: Database) {
    this.coverageQueries = new CoverageQueries(db);
    this.runsAll = db.prepare(`SELECT ${RUN_COLUMNS} FROM ${RUNS} ORDER BY r.started_at, r.id`);
    this.runsOfProject = db.prepare(
      `SELECT ${RUN_COLUMNS} FROM ${RUNS} WHERE p.name = ? ORDER BY r.started_at, r.id`,
    );
    this.runByIdStatement = db.prepare(`SELECT ${RUN_COLUMNS} FROM ${RUNS} WHERE r.id = ?`);
    this.sourcesOfRun = db.prepare(`SELECT path FROM source_files WHERE run_id = ? ORDER BY kind DESC, path`).pluck();
    this.resultsOfRun = db.prepare(
      `SELECT t.key, t.suite, t.name, t.file, res.status, res.duration_ms, res.message, res.attempts, res.test_id
       FROM results res JOIN tests t ON t.id = res.test_id WHERE res.run_id = ? ORDER BY res.ordinal`,
    );
    this.attemptsOfRun = db.prepare(
      `SELECT test_id, status, duration_ms, message FROM result_attempts WHERE run_id = ? ORDER BY test_id, attempt`,
    );
    this.attemptsOfTest = db.prepare(
      `SELECT status, duration_ms, message FROM result_attempts WHERE run_id = ? AND test_id = ? ORDER BY attempt`,
    );
    this.propertiesOfRun = db.prepare(`SELECT key, value FROM run_properties WHERE run_id = ? ORDER BY key`);
    this.sourceBySha = db.prepare(`SELECT run_id FROM source_files WHERE sha256 = ?`).pluck();
    this.testDetail = db.prepare(
      `SELECT t.key, t.suite, t.name, t.file, res.status, res.duration_ms, res.message, res.attempts, res.test_id,
              res.trace, res.stdout, res.stderr
       FROM results res JOIN tests t ON t.id = res.test_id WHERE res.run_id = ? AND t.key = ?`,
    );
    this.projects = db.prepare(`SELECT name FROM projects ORDER BY name`).pluck();
  }

  listProjects(): string[] {
    return this.projects.all() as string[];
  }

  listRuns(project?: string): RunSummary[] {
    const rows = (project === undefined ? this.runsAll.all() : this.runsOfProject.all(project)) as RunRow[];
    return rows.map((row) => this.summary(row));
  }

  runById(id: string): RunSummary | null {
    const row = this.runByIdStatement.get(id) as RunRow | undefined;
    return row ? this.summary(row) : null;
  }

  runIdForSha(sha256: string): string | null {
    return (this.sourceBySha.get(sha256) as string | undefined) ?? null;
  }

  properties(runId: string): Record<string, string> {
    const rows = this.propertiesOfRun.all(runId) as { key: string; value: string }[];
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  /** `rootCauses`: each failing test's root cause by test id (the root-cause analysis of the run). */
  tests(runId: string, rootCauses?: ReadonlyMap<string, RootCauseRef>): TestResultRow[] {
    const attempts = new Map<number, TestAttempt[]>();
    for (const row of this.attemptsOfRun.iterate(runId) as Iterable<{ test_id: number; status: TestStatus; duration_ms: number | null; message: string | null }>) {
      const list = attempts.get(row.test_id) ?? [];
      list.push({ status: row.status, durationMs: row.duration_ms, message: row.message });
      attempts.set(row.test_id, list);
    }
    return (this.resultsOfRun.all(runId) as ResultRow[]).map((row) => toTestRow(row, attempts.get(row.test_id) ?? [], rootCauses));
  }

  test(runId: string, testKey: string, rootCauses?: ReadonlyMap<string, RootCauseRef>): TestResultDetail | null {
    const row = this.testDetail.get(runId, testKey) as (ResultRow & { trace: string | null; stdout: string | null; stderr: string | null }) | undefined;
    if (!row) return null;
    const attempts = (this.attemptsOfTest.all(runId, row.test_id) as { status: TestStatus; duration_ms: number | null; message: string | null }[]).map(
      (attempt) => ({ status: attempt.status, durationMs: attempt.duration_ms, message: attempt.message }),
    );
    return { ...toTestRow(row, attempts, rootCauses), trace: row.trace, stdout: row.stdout, stderr: row.stderr };
  }

  /** Stored runs without coverage in these folders, for coverage that arrives after its run. */
  uncoveredRunSlots(folders: readonly string[]): RunSlot[] {
    return folders.flatMap((folder) => this.coverageQueries.uncoveredRunSlots(folder));
  }

  /** The run's coverage in detail (`vigil show`), or null when it has none. */
  coverage(runId: string): RunCoverage | null {
    return this.coverageQueries.runCoverage(runId);
  }

  private summary(row: RunRow): RunSummary {
    return {
      id: row.id,
      project: row.project,
      startedAt: new Date(row.started_at).toISOString(),
      format: row.format,
      sources: this.sourcesOfRun.all(row.id) as string[],
      totals: { tests: row.tests, passed: row.passed, failed: row.failed, errored: row.errored, skipped: row.skipped },
      durationMs: row.duration_ms,
      coverage: coverageSummary(row),
    };
  }
}

function coverageSummary(row: RunRow): CoverageSummary | null {
  if (row.lines_covered === null || row.lines_valid === null) return null;
  return {
    linesCovered: row.lines_covered,
    linesValid: row.lines_valid,
    lineRate: row.lines_valid > 0 ? row.lines_covered / row.lines_valid : 0,
    // A report without branch data has 0 of 0 branches.
    branchesCovered: row.branches_covered ?? 0,
    branchesValid: row.branches_valid ?? 0,
  };
}

function copyOf(cause: RootCauseRef | undefined): RootCauseRef | null {
  return cause ? { ...cause } : null;
}

function toTestRow(row: ResultRow, attempts: TestAttempt[], rootCauses?: ReadonlyMap<string, RootCauseRef>): TestResultRow {
  return {
    id: row.key,
    suite: row.suite,
    name: row.name,
    file: row.file,
    status: row.status,
    durationMs: row.duration_ms,
    message: row.message,
    // A copy: the map may be an analysis kept for later calls.
    rootCause: copyOf(rootCauses?.get(row.key)),
    attempts,
  };
}
