// Every read and write of root-cause data: per-result causes (written at ingest inside the run's
// transaction), the history the signals read, the user's overrides and rules.
import type { Database, Statement } from 'better-sqlite3';
import type { RootCauseCategory, TestStatus } from '../../../shared/types.js';
import type { CategoryOverride, NewUserRule, UserRule, UserRuleField } from '../../../shared/root-cause-types.js';
import type { ClassificationWithAlternative } from '../analysis/classify.js';
import type { HistoryRun, TestOutcome } from '../analysis/history/history-types.js';
import { CLASSIFIER_VERSION, type ResultCause, type ResultText } from '../analysis/result-cause.js';
import { BatchInsert } from './batch-insert.js';
import { RunCauseCounts } from './run-cause-counts.js';

export interface StoredFailure extends ResultText {
  testRowId: number;
  ordinal: number;
  attempts: number;
  /** Null when the result has no cause stored by the current classifier. */
  cause: ResultCause | null;
}

interface CauseRow {
  classifier: number | null;
  signature: string | null;
  message_key: string | null;
  title: string | null;
  category: RootCauseCategory | null;
  confidence: number | null;
  evidence: string | null;
  rules: string | null;
  alt_category: RootCauseCategory | null;
  alt_confidence: number | null;
}

interface FailureRow extends CauseRow {
  test_row_id: number;
  key: string;
  suite: string;
  name: string;
  file: string | null;
  status: 'failed' | 'errored';
  ordinal: number;
  attempts: number;
  message: string | null;
  trace: string | null;
  stdout: string | null;
  stderr: string | null;
}

interface RuleRow {
  id: number;
  project: string | null;
  category: RootCauseCategory;
  field: UserRuleField;
  pattern: string;
  description: string | null;
  created_at: number;
}

export const USER_RULE_PREFIX = 'u_';

const CAUSE_COLUMNS = [
  'run_id',
  'test_id',
  'classifier',
  'signature',
  'message_key',
  'title',
  'category',
  'confidence',
  'evidence',
  'rules',
  'alt_category',
  'alt_confidence',
] as const;

function causeOf(row: CauseRow): ResultCause | null {
  if (row.classifier !== CLASSIFIER_VERSION || row.signature === null || row.category === null) return null;
  const classification: ClassificationWithAlternative = {
    category: row.category,
    confidence: row.confidence ?? 0,
    evidence: JSON.parse(row.evidence ?? '[]') as string[],
    rules: JSON.parse(row.rules ?? '[]') as string[],
    alternative: row.alt_category ? { category: row.alt_category, confidence: row.alt_confidence ?? 0 } : null,
  };
  return { signature: row.signature, messageKey: row.message_key ?? row.signature, title: row.title ?? '', classification };
}

function ruleOf(row: RuleRow): UserRule {
  return {
    id: `${USER_RULE_PREFIX}${row.id}`,
    project: row.project,
    category: row.category,
    field: row.field,
    pattern: row.pattern,
    description: row.description,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export class RootCauseStore {
  /** Statements for a run's first causes (`fresh`) and for causes recomputed over stored ones (`replace`). */
  private readonly insertCause: Record<'fresh' | 'replace', { single: Statement; batch: Statement }>;
  private readonly counts: RunCauseCounts;
  private readonly failuresOfRun: Statement;
  private readonly projectOfRunStatement: Statement;
  private readonly runStart: Statement;
  private readonly runsBefore: Statement;
  private readonly runsAfter: Statement;
  private readonly latestRuns: Statement;
  private readonly propertiesOfRun: Statement;
  private readonly outcomesInRun: Statement;
  private readonly causedRunCounts: Statement;
  private readonly attemptsOfResult: Statement;
  private readonly orderOfRun: Statement;
  private readonly testsOnlyIn: Statement;
  private readonly testNameByRow: Statement;
  private readonly generationStatement: Statement;
  private readonly overridesOfProject: Statement;
  private readonly upsertOverride: Statement;
  private readonly rulesAll: Statement;
  private readonly rulesOfProject: Statement;
  private readonly insertRule: Statement;
  private readonly deleteRule: Statement;
  private readonly projectId: Statement;

  constructor(private readonly db: Database) {
    const causeRow = `(${CAUSE_COLUMNS.map(() => '?').join(', ')})`;
    const statements = (conflict: string): { single: Statement; batch: Statement } => {
      const insert = `INSERT OR ${conflict} INTO result_causes (${CAUSE_COLUMNS.join(', ')}) VALUES`;
      return { single: db.prepare(`${insert} ${causeRow}`), batch: db.prepare(`${insert} ${Array(BatchInsert.ROWS).fill(causeRow).join(', ')}`) };
    };
    // A new run has no causes yet: FAIL, like the run's other rows (result-rows.ts), spares
    // SQLite a statement journal per batch. REPLACE journals (the table's CHECKs abort under it).
    this.insertCause = { fresh: statements('FAIL'), replace: statements('REPLACE') };
    this.counts = new RunCauseCounts(db);
    this.failuresOfRun = db.prepare(
      `SELECT res.test_id AS test_row_id, t.key, t.suite, t.name, t.file, res.status, res.ordinal, res.attempts,
              res.message, res.trace, res.stdout, res.stderr,
              c.classifier, c.signature, c.message_key, c.title, c.category, c.confidence, c.evidence, c.rules,
              c.alt_category, c.alt_confidence
       FROM results res JOIN tests t ON t.id = res.test_id
       LEFT JOIN result_causes c ON c.run_id = res.run_id AND c.test_id = res.test_id
       WHERE res.run_id = ? AND res.status IN ('failed', 'errored') ORDER BY res.ordinal`,
    );
    this.projectOfRunStatement = db.prepare(`SELECT p.id, p.name, r.format FROM runs r JOIN projects p ON p.id = r.project_id WHERE r.id = ?`);
    // The window of runs around one run, read through the (project, time) index: a project can hold thousands of runs.
    const runColumns = `id, started_at, tests, failed, errored`;
    this.runStart = db.prepare(`SELECT started_at FROM runs WHERE id = ? AND project_id = ?`).pluck();
    this.runsBefore = db.prepare(
      `SELECT ${runColumns} FROM runs WHERE project_id = ? AND (started_at < ? OR (started_at = ? AND id < ?)) ORDER BY started_at DESC, id DESC LIMIT ?`,
    );
    this.runsAfter = db.prepare(
      `SELECT ${runColumns} FROM runs WHERE project_id = ? AND (started_at > ? OR (started_at = ? AND id >= ?)) ORDER BY started_at, id LIMIT ?`,
    );
    this.latestRuns = db.prepare(`SELECT ${runColumns} FROM runs WHERE project_id = ? ORDER BY started_at DESC, id DESC LIMIT ?`);
    this.propertiesOfRun = db.prepare(`SELECT key, value FROM run_properties WHERE run_id = ?`);
    // Per run of the window, the failing tests' rows by the (run, test) index: never a test's whole history (thousands of runs).
    this.outcomesInRun = db.prepare(
      `SELECT test_id, status, ordinal, attempts FROM results WHERE run_id = ? AND test_id IN (SELECT value FROM json_each(?))`,
    );
    this.causedRunCounts = db
      .prepare(
        `SELECT test_id, COUNT(*) FROM result_causes
         WHERE run_id IN (SELECT value FROM json_each(?)) AND test_id IN (SELECT value FROM json_each(?)) GROUP BY test_id`,
      )
      .raw();
    this.attemptsOfResult = db.prepare(`SELECT status FROM result_attempts WHERE run_id = ? AND test_id = ? ORDER BY attempt`).pluck();
    // Row ids, not keys: no join with tests for 5,000 rows per run, and integer lookups after.
    this.orderOfRun = db.prepare(`SELECT test_id FROM results WHERE run_id = ? ORDER BY ordinal`).pluck();
    this.testsOnlyIn = db.prepare(
      `SELECT COUNT(*) FROM results a WHERE a.run_id = ? AND NOT EXISTS (SELECT 1 FROM results b WHERE b.run_id = ? AND b.test_id = a.test_id)`,
    ).pluck();
    this.testNameByRow = db.prepare(`SELECT suite, name FROM tests WHERE id = ?`);
    // data_version moves when another connection commits, total_changes() when this one writes.
    this.generationStatement = db.prepare(`SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()`).pluck();
    this.overridesOfProject = db.prepare(`SELECT signature, category, title, created_at FROM category_overrides WHERE project_id = ?`);
    this.upsertOverride = db.prepare(
      `INSERT INTO category_overrides (project_id, signature, category, title, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (project_id, signature) DO UPDATE SET category = excluded.category, title = excluded.title, created_at = excluded.created_at`,
    );
    const ruleColumns = `u.id, p.name AS project, u.category, u.field, u.pattern, u.description, u.created_at`;
    this.rulesAll = db.prepare(`SELECT ${ruleColumns} FROM user_rules u LEFT JOIN projects p ON p.id = u.project_id ORDER BY u.id`);
    this.rulesOfProject = db.prepare(
      `SELECT ${ruleColumns} FROM user_rules u LEFT JOIN projects p ON p.id = u.project_id WHERE u.project_id IS NULL OR p.name = ? ORDER BY u.id`,
    );
    this.insertRule = db.prepare(
      `INSERT INTO user_rules (project_id, category, field, pattern, description, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    ).pluck();
    this.deleteRule = db.prepare(`DELETE FROM user_rules WHERE id = ?`);
    this.projectId = db.prepare(`SELECT id FROM projects WHERE name = ?`).pluck();
  }

  /** Called inside the run writer's transaction: the causes are stored with the run or not at all. */
  writeCauses(runId: string, rowIdOf: (testKey: string) => number | undefined, causes: readonly { testKey: string; cause: ResultCause }[]): void {
    this.insertAll(
      'fresh',
      runId,
      causes.map(({ testKey, cause }) => {
        const testRowId = rowIdOf(testKey);
        if (testRowId === undefined) throw new Error(`root causes: test ${testKey} of run ${runId} is not stored`);
        return { testRowId, cause };
      }),
    );
  }

  /** Stores causes recomputed on read (results from before the classifier or an older one). */
  refreshCauses(runId: string, causes: readonly { testRowId: number; cause: ResultCause }[]): void {
    this.db.transaction(() => this.insertAll('replace', runId, causes))();
  }

  /** Rows go BatchInsert.ROWS at a time: one statement per row costs a bind and a step per failure. */
  private insertAll(mode: 'fresh' | 'replace', runId: string, causes: readonly { testRowId: number; cause: ResultCause }[]): void {
    const { single, batch: many } = this.insertCause[mode];
    const batch = new BatchInsert(single, many, CAUSE_COLUMNS.length);
    for (const { testRowId, cause } of causes) {
      const c = cause.classification;
      batch.add(
        runId,
        testRowId,
        CLASSIFIER_VERSION,
        cause.signature,
        cause.messageKey,
        cause.title,
        c.category,
        c.confidence,
        JSON.stringify(c.evidence),
        JSON.stringify(c.rules),
        c.alternative?.category ?? null,
        c.alternative?.confidence ?? null,
      );
    }
    batch.flush();
    // The run's counts by category (migration 0050) follow its causes, whatever was written.
    this.counts.recount(runId);
  }

  failures(runId: string): StoredFailure[] {
    return (this.failuresOfRun.all(runId) as FailureRow[]).map((row) => ({
      id: row.key,
      testRowId: row.test_row_id,
      suite: row.suite,
      name: row.name,
      file: row.file,
      status: row.status,
      ordinal: row.ordinal,
      attempts: row.attempts,
      message: row.message,
      trace: row.trace,
      stdout: row.stdout,
      stderr: row.stderr,
      cause: causeOf(row),
    }));
  }

  projectOfRun(runId: string): { id: number; name: string; format: string } | null {
    return (this.projectOfRunStatement.get(runId) as { id: number; name: string; format: string } | undefined) ?? null;
  }

  /**
   * The project's runs around `runId`, oldest first: `before` runs before it, `after` after it
   * (the latest `before` runs when `runId` is not one of the project's). Only those runs are read,
   * with their properties.
   */
  historyRuns(projectId: number, runId: string, before: number, after: number): HistoryRun[] {
    type Row = { id: string; started_at: number; tests: number; failed: number; errored: number };
    const startedAt = this.runStart.get(runId, projectId) as number | undefined;
    const rows: Row[] =
      startedAt === undefined
        ? (this.latestRuns.all(projectId, before) as Row[]).reverse()
        : [
            ...(this.runsBefore.all(projectId, startedAt, startedAt, runId, before) as Row[]).reverse(),
            ...(this.runsAfter.all(projectId, startedAt, startedAt, runId, after + 1) as Row[]),
          ];
    return rows.map((row) => ({
      id: row.id,
      startedAtMs: row.started_at,
      properties: Object.fromEntries((this.propertiesOfRun.all(row.id) as { key: string; value: string }[]).map((p) => [p.key, p.value])),
      totals: { tests: row.tests, failed: row.failed, errored: row.errored },
    }));
  }

  /**
   * The outcomes of these tests (by row id) in the given runs, each list in the order of
   * `runIds` (runs without the test are left out). One query per run, whatever the number of tests.
   */
  outcomes(testRowIds: readonly number[], runIds: readonly string[]): Map<number, TestOutcome[]> {
    const byTest = new Map<number, TestOutcome[]>(testRowIds.map((id) => [id, []]));
    if (testRowIds.length === 0) return byTest;
    const wanted = JSON.stringify([...new Set(testRowIds)]);
    for (const runId of runIds) {
      for (const row of this.outcomesInRun.all(runId, wanted) as { test_id: number; status: TestStatus; ordinal: number; attempts: number }[]) {
        byTest.get(row.test_id)?.push({
          runId,
          status: row.status,
          ordinal: row.ordinal,
          attemptStatuses: row.attempts > 1 ? (this.attemptsOfResult.all(runId, row.test_id) as TestStatus[]) : [],
        });
      }
    }
    return byTest;
  }

  /**
   * How many of the runs hold a stored cause for each test: runs it is known to have failed in,
   * read from the causes alone (a result stored without a cause is not counted).
   */
  failedRunCounts(testRowIds: readonly number[], runIds: readonly string[]): Map<number, number> {
    if (testRowIds.length === 0 || runIds.length === 0) return new Map();
    return new Map(this.causedRunCounts.all(JSON.stringify(runIds), JSON.stringify([...new Set(testRowIds)])) as [number, number][]);
  }

  /** Test row ids of a run in the order it ran them. */
  runOrder(runId: string): number[] {
    return this.orderOfRun.all(runId) as number[];
  }

  sameTests(runA: string, runB: string): boolean {
    return (this.testsOnlyIn.get(runA, runB) as number) === 0 && (this.testsOnlyIn.get(runB, runA) as number) === 0;
  }

  /** "suite › name" of a test by its row id. */
  testNameOfRow(testRowId: number): string {
    const row = this.testNameByRow.get(testRowId) as { suite: string; name: string } | undefined;
    if (!row) return `test row ${testRowId}`;
    return row.suite ? `${row.suite} › ${row.name}` : row.name;
  }

  /**
   * Changes whenever the store may have changed since the last call returned the same value:
   * a write through this connection or a commit through another (the CLI while the app is open).
   */
  generation(): string {
    return this.generationStatement.get() as string;
  }

  overrides(project: { id: number; name: string }): Map<string, CategoryOverride> {
    const rows = this.overridesOfProject.all(project.id) as { signature: string; category: RootCauseCategory; title: string; created_at: number }[];
    return new Map(
      rows.map((row) => [row.signature, { project: project.name, signature: row.signature, category: row.category, title: row.title, createdAt: new Date(row.created_at).toISOString() }]),
    );
  }

  setOverride(project: { id: number; name: string }, signature: string, category: RootCauseCategory, title: string): CategoryOverride {
    const now = Date.now();
    // The override and the counts of the runs it moves failures in change together.
    this.db.transaction(() => {
      this.upsertOverride.run(project.id, signature, category, title, now);
      this.counts.recountKey(project.id, signature);
    })();
    return { project: project.name, signature, category, title, createdAt: new Date(now).toISOString() };
  }

  rules(project?: string): UserRule[] {
    const rows = (project === undefined ? this.rulesAll.all() : this.rulesOfProject.all(project)) as RuleRow[];
    return rows.map(ruleOf);
  }

  /** Null when the project is named but has no runs yet. */
  addRule(rule: NewUserRule): UserRule | null {
    let projectId: number | null = null;
    if (rule.project !== undefined) {
      projectId = (this.projectId.get(rule.project) as number | undefined) ?? null;
      if (projectId === null) return null;
    }
    const now = Date.now();
    const id = this.insertRule.get(projectId, rule.category, rule.field, rule.pattern, rule.description ?? null, now) as number;
    return { id: `${USER_RULE_PREFIX}${id}`, project: rule.project ?? null, category: rule.category, field: rule.field, pattern: rule.pattern, description: rule.description ?? null, createdAt: new Date(now).toISOString() };
  }

  removeRule(id: string): boolean {
    const number = Number(id.startsWith(USER_RULE_PREFIX) ? id.slice(USER_RULE_PREFIX.length) : id);
    if (!Number.isInteger(number)) return false;
    return this.deleteRule.run(number).changes > 0;
  }
}
