// Failures per category across a project's runs, and one failure signature's life across them,
// from the causes stored per failing result at ingest (migration 0040) with the user's
// overrides (by signature or by message key) applied. Both read only what they need, through
// migration 0050's per-run counts and indexes: a project can hold 2,000 runs and 500,000
// causes. History signals (flaky, leaks), which need each run's neighbours, are applied by
// getFailures on one run only: too costly for a trend.
import type { Database, Statement } from 'better-sqlite3';
import type { RootCauseCategory } from '../../../shared/types.js';
import type { GroupHistory, RunCategoryCounts } from '../../../shared/ui-types.js';

type Counts = Partial<Record<RootCauseCategory, number>>;

export class FailureTrendQuery {
  private readonly counts: Statement;
  private readonly runsOfProject: Statement;
  private readonly signatureLife: Statement;

  constructor(db: Database) {
    // The counts kept per run (migration 0050), overrides applied.
    this.counts = db.prepare(
      `SELECT k.run_id AS runId, k.category, k.n
       FROM runs r JOIN projects p ON p.id = r.project_id JOIN run_cause_counts k ON k.run_id = r.id
       WHERE p.name = ?`,
    );
    this.runsOfProject = db.prepare(
      `SELECT r.id, r.started_at FROM runs r JOIN projects p ON p.id = r.project_id WHERE p.name = ? ORDER BY r.started_at, r.id`,
    );
    // Driven by the signature and message-key indexes, which hold each cause's run: the distinct
    // runs of each key are read from the index alone, and only those runs are looked up. A key
    // shared by many failures (a message key) still reads only its own entries, never every
    // cause of the project.
    this.signatureLife = db.prepare(
      `SELECT key, count(*) AS runs, min(r.started_at || ' ' || r.id) AS firstRun, max(r.started_at || ' ' || r.id) AS lastRun
       FROM (
         SELECT DISTINCT signature AS key, run_id FROM result_causes WHERE signature IN (SELECT value FROM json_each(@list))
         UNION
         SELECT DISTINCT message_key AS key, run_id FROM result_causes WHERE message_key IN (SELECT value FROM json_each(@list))
       ) k CROSS JOIN runs r ON r.id = k.run_id
       WHERE r.project_id = (SELECT project_id FROM runs WHERE id = @run)
       GROUP BY key`,
    );
  }

  /** Every run of the project, oldest first, with its failures by category (runs without failures: empty counts). */
  trend(project: string): RunCategoryCounts[] {
    const byRun = new Map<string, Counts>();
    for (const row of this.counts.iterate(project) as Iterable<{ runId: string; category: RootCauseCategory; n: number }>) {
      const counts = byRun.get(row.runId) ?? {};
      counts[row.category] = row.n;
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
    const rows = this.signatureLife.all({ run: runId, list }) as { key: string; runs: number; firstRun: string; lastRun: string }[];
    // started_at is a fixed-width number of ms for every date this side of 2286, so the
    // "time id" strings order as the runs do.
    const split = (text: string): { runId: string; startedAt: string } => {
      const [ms = '0', id = ''] = text.split(' ');
      return { runId: id, startedAt: new Date(Number(ms)).toISOString() };
    };
    return rows.map((row) => ({ signature: row.key, firstSeen: split(row.firstRun), lastSeen: split(row.lastRun), runs: row.runs }));
  }
}
