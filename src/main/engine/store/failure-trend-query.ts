// Failures per category across a project's runs, and one failure signature's life across them,
// from the causes stored per failing result at ingest (migration 0040) with the user's
// overrides (by signature or by message key) applied. History signals (flaky, leaks), which
// need each run's neighbours, are applied by getFailures on one run only: too costly for a trend.
import type { Database, Statement } from 'better-sqlite3';
import type { RootCauseCategory } from '../../../shared/types.js';
import type { GroupHistory, RunCategoryCounts } from '../../../shared/ui-types.js';

const EFFECTIVE_CATEGORY = `COALESCE(
  (SELECT o.category FROM category_overrides o WHERE o.project_id = r.project_id AND o.signature = c.signature),
  (SELECT o.category FROM category_overrides o WHERE o.project_id = r.project_id AND o.signature = c.message_key),
  c.category)`;

export class FailureTrendQuery {
  private readonly perRun: Statement;
  private readonly runsOfProject: Statement;
  private readonly signatureLife: Statement;

  constructor(db: Database) {
    this.perRun = db.prepare(
      `SELECT r.id AS runId, ${EFFECTIVE_CATEGORY} AS category, count(*) AS n
       FROM runs r JOIN projects p ON p.id = r.project_id JOIN result_causes c ON c.run_id = r.id
       WHERE p.name = ? GROUP BY r.id, 2`,
    );
    this.runsOfProject = db.prepare(
      `SELECT r.id, r.started_at FROM runs r JOIN projects p ON p.id = r.project_id WHERE p.name = ? ORDER BY r.started_at, r.id`,
    );
    // One scan of the project's stored causes: bounded by its failures, not by all results.
    this.signatureLife = db.prepare(
      `SELECT key, min(started_at) AS first, max(started_at) AS last, count(DISTINCT run_id) AS runs,
              min(started_at || ' ' || run_id) AS firstRun, max(started_at || ' ' || run_id) AS lastRun
       FROM (
         SELECT c.signature AS key, r.started_at, r.id AS run_id FROM runs r JOIN result_causes c ON c.run_id = r.id
         WHERE r.project_id = (SELECT project_id FROM runs WHERE id = ?) AND c.signature IN (SELECT value FROM json_each(?))
         UNION ALL
         SELECT c.message_key AS key, r.started_at, r.id AS run_id FROM runs r JOIN result_causes c ON c.run_id = r.id
         WHERE r.project_id = (SELECT project_id FROM runs WHERE id = ?) AND c.message_key IN (SELECT value FROM json_each(?))
       ) GROUP BY key`,
    );
  }

  /** Every run of the project, oldest first, with its failures by category (runs without failures: empty counts). */
  trend(project: string): RunCategoryCounts[] {
    const byRun = new Map<string, Partial<Record<RootCauseCategory, number>>>();
    for (const row of this.perRun.iterate(project) as Iterable<{ runId: string; category: RootCauseCategory; n: number }>) {
      const counts = byRun.get(row.runId) ?? {};
      counts[row.category] = (counts[row.category] ?? 0) + row.n;
      byRun.set(row.runId, counts);
    }
    return (this.runsOfProject.all(project) as { id: string; started_at: number }[]).map((run) => ({
      runId: run.id,
      startedAt: new Date(run.started_at).toISOString(),
      counts: byRun.get(run.id) ?? {},
    }));
  }

  /** For each signature (or message key) of a run's groups: first and last run that stored it, and in how many runs. */
  history(runId: string, signatures: readonly string[]): GroupHistory[] {
    if (signatures.length === 0) return [];
    const list = JSON.stringify(signatures);
    const rows = this.signatureLife.all(runId, list, runId, list) as { key: string; runs: number; firstRun: string; lastRun: string }[];
    // started_at is a fixed-width number of ms for every date this side of 2286, so the
    // "time id" strings order as the runs do.
    const split = (text: string): { runId: string; startedAt: string } => {
      const [ms = '0', id = ''] = text.split(' ');
      return { runId: id, startedAt: new Date(Number(ms)).toISOString() };
    };
    return rows.map((row) => ({ signature: row.key, firstSeen: split(row.firstRun), lastSeen: split(row.lastRun), runs: row.runs }));
  }
}
