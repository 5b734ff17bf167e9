// Every read and write of root-cause data: per-result causes (written at ingest inside the run's
// transaction), the history the signals read, the user's overrides and rules.
import type { Database, Statement } from 'better-sqlite3';
import type { RootCauseCategory, TestStatus } from '../../../shared/types.js';
import type { CategoryOverride, NewUserRule, UserRule, UserRuleField } from '../../../shared/root-cause-types.js';
import type { ClassificationWithAlternative } from '../analysis/classify.js';
import type { HistoryRun, TestOutcome } from '../analysis/history/history-types.js';
import { CLASSIFIER_VERSION, type ResultCause, type ResultText } from '../analysis/result-cause.js';

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
  private readonly testRowIds: Statement;
  private readonly insertCause: Statement;
  private readonly failuresOfRun: Statement;
  private readonly projectOfRunStatement: Statement;
  private readonly recentRuns: Statement;
  private readonly propertiesOfRun: Statement;
  private readonly outcomeInRun: Statement;
  private readonly attemptsOfResult: Statement;
  private readonly orderOfRun: Statement;
  private readonly testsOnlyIn: Statement;
  private readonly testNameStatement: Statement;
  private readonly overridesOfProject: Statement;
  private readonly upsertOverride: Statement;
  private readonly rulesAll: Statement;
  private readonly rulesOfProject: Statement;
  private readonly insertRule: Statement;
  private readonly deleteRule: Statement;
  private readonly projectId: Statement;

  constructor(private readonly db: Database) {
    this.testRowIds = db.prepare(`SELECT key, id FROM tests WHERE project_id = ? AND key IN (SELECT value FROM json_each(?))`);
    this.insertCause = db.prepare(
      `INSERT OR REPLACE INTO result_causes (run_id, test_id, classifier, signature, message_key, title, category, confidence,
                                             evidence, rules, alt_category, alt_confidence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
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
    this.recentRuns = db.prepare(
      `SELECT id, started_at, tests, failed, errored FROM runs WHERE project_id = ? ORDER BY started_at DESC, id DESC LIMIT ?`,
    );
    this.propertiesOfRun = db.prepare(`SELECT key, value FROM run_properties WHERE run_id = ?`);
    // One point lookup per run of the window (the (run, test) index): a test's whole history can be thousands of runs.
    this.outcomeInRun = db.prepare(`SELECT status, ordinal, attempts FROM results WHERE run_id = ? AND test_id = ?`);
    this.attemptsOfResult = db.prepare(`SELECT status FROM result_attempts WHERE run_id = ? AND test_id = ? ORDER BY attempt`).pluck();
    this.orderOfRun = db.prepare(`SELECT t.key FROM results res JOIN tests t ON t.id = res.test_id WHERE res.run_id = ? ORDER BY res.ordinal`).pluck();
    this.testsOnlyIn = db.prepare(
      `SELECT COUNT(*) FROM results a WHERE a.run_id = ? AND NOT EXISTS (SELECT 1 FROM results b WHERE b.run_id = ? AND b.test_id = a.test_id)`,
    ).pluck();
    this.testNameStatement = db.prepare(`SELECT suite, name FROM tests WHERE project_id = ? AND key = ?`);
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
  writeCauses(runId: string, projectId: number, causes: readonly { testKey: string; cause: ResultCause }[]): void {
    // One query for the run's failing tests rather than one per failure.
    const rows = this.testRowIds.all(projectId, JSON.stringify(causes.map((entry) => entry.testKey))) as { key: string; id: number }[];
    const rowIds = new Map(rows.map((row) => [row.key, row.id]));
    for (const { testKey, cause } of causes) {
      const testRowId = rowIds.get(testKey);
      if (testRowId === undefined) throw new Error(`root causes: test ${testKey} of run ${runId} is not stored`);
      this.insertOne(runId, testRowId, cause);
    }
  }

  /** Stores causes recomputed on read (results from before the classifier or an older one). */
  refreshCauses(runId: string, causes: readonly { testRowId: number; cause: ResultCause }[]): void {
    this.db.transaction(() => {
      for (const { testRowId, cause } of causes) this.insertOne(runId, testRowId, cause);
    })();
  }

  private insertOne(runId: string, testRowId: number, cause: ResultCause): void {
    const c = cause.classification;
    this.insertCause.run(
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
   * The project's runs around `runId`, oldest first: `before` runs before it, `after` after it.
   * Properties are read for those runs only (a project can hold thousands of runs).
   */
  historyRuns(projectId: number, runId: string, before: number, after: number): HistoryRun[] {
    const rows = (this.recentRuns.all(projectId, Number.MAX_SAFE_INTEGER) as { id: string; started_at: number; tests: number; failed: number; errored: number }[]).reverse();
    const at = rows.findIndex((row) => row.id === runId);
    const window = at < 0 ? rows.slice(-before) : rows.slice(Math.max(0, at - before), at + after + 1);
    return window.map((row) => ({
      id: row.id,
      startedAtMs: row.started_at,
      properties: Object.fromEntries((this.propertiesOfRun.all(row.id) as { key: string; value: string }[]).map((p) => [p.key, p.value])),
      totals: { tests: row.tests, failed: row.failed, errored: row.errored },
    }));
  }

  /** A test's outcomes in the given runs, in the order of `runIds` (runs without it are left out). */
  outcomes(testRowId: number, runIds: readonly string[]): TestOutcome[] {
    const outcomes: TestOutcome[] = [];
    for (const runId of runIds) {
      const row = this.outcomeInRun.get(runId, testRowId) as { status: TestStatus; ordinal: number; attempts: number } | undefined;
      if (!row) continue;
      outcomes.push({
        runId,
        status: row.status,
        ordinal: row.ordinal,
        attemptStatuses: row.attempts > 1 ? (this.attemptsOfResult.all(runId, testRowId) as TestStatus[]) : [],
      });
    }
    return outcomes;
  }

  /** Test ids of a run in the order it ran them. */
  runOrder(runId: string): string[] {
    return this.orderOfRun.all(runId) as string[];
  }

  sameTests(runA: string, runB: string): boolean {
    return (this.testsOnlyIn.get(runA, runB) as number) === 0 && (this.testsOnlyIn.get(runB, runA) as number) === 0;
  }

  testName(projectId: number, testKey: string): string {
    const row = this.testNameStatement.get(projectId, testKey) as { suite: string; name: string } | undefined;
    if (!row) return testKey;
    return row.suite ? `${row.suite} › ${row.name}` : row.name;
  }

  overrides(project: { id: number; name: string }): Map<string, CategoryOverride> {
    const rows = this.overridesOfProject.all(project.id) as { signature: string; category: RootCauseCategory; title: string; created_at: number }[];
    return new Map(
      rows.map((row) => [row.signature, { project: project.name, signature: row.signature, category: row.category, title: row.title, createdAt: new Date(row.created_at).toISOString() }]),
    );
  }

  setOverride(project: { id: number; name: string }, signature: string, category: RootCauseCategory, title: string): CategoryOverride {
    const now = Date.now();
    this.upsertOverride.run(project.id, signature, category, title, now);
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
