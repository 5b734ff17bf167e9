// Read side of the store: runs as the CLI contract shapes them, and a run's tests.
import type { Database, Statement } from 'better-sqlite3';
import type { RunSummary, TestAttempt, TestResultDetail, TestResultRow, TestStatus } from '../../../shared/types.js';

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
  r.tests, r.passed, r.failed, r.errored, r.skipped`;

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

  constructor(db: Database) {
    this.runsAll = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs r JOIN projects p ON p.id = r.project_id ORDER BY r.started_at, r.id`);
    this.runsOfProject = db.prepare(
      `SELECT ${RUN_COLUMNS} FROM runs r JOIN projects p ON p.id = r.project_id WHERE p.name = ? ORDER BY r.started_at, r.id`,
    );
    this.runByIdStatement = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs r JOIN projects p ON p.id = r.project_id WHERE r.id = ?`);
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

  tests(runId: string): TestResultRow[] {
    const attempts = new Map<number, TestAttempt[]>();
    for (const row of this.attemptsOfRun.iterate(runId) as Iterable<{ test_id: number; status: TestStatus; duration_ms: number | null; message: string | null }>) {
      const list = attempts.get(row.test_id) ?? [];
      list.push({ status: row.status, durationMs: row.duration_ms, message: row.message });
      attempts.set(row.test_id, list);
    }
    return (this.resultsOfRun.all(runId) as ResultRow[]).map((row) => toTestRow(row, attempts.get(row.test_id) ?? []));
  }

  test(runId: string, testKey: string): TestResultDetail | null {
    const row = this.testDetail.get(runId, testKey) as (ResultRow & { trace: string | null; stdout: string | null; stderr: string | null }) | undefined;
    if (!row) return null;
    const attempts = (this.attemptsOfTest.all(runId, row.test_id) as { status: TestStatus; duration_ms: number | null; message: string | null }[]).map(
      (attempt) => ({ status: attempt.status, durationMs: attempt.duration_ms, message: attempt.message }),
    );
    return { ...toTestRow(row, attempts), trace: row.trace, stdout: row.stdout, stderr: row.stderr };
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
      // Coverage readers come with the coverage issue; until then no run has coverage.
      coverage: null,
    };
  }
}

function toTestRow(row: ResultRow, attempts: TestAttempt[]): TestResultRow {
  return {
    id: row.key,
    suite: row.suite,
    name: row.name,
    file: row.file,
    status: row.status,
    durationMs: row.duration_ms,
    message: row.message,
    rootCause: null,
    attempts,
  };
}
