// Each run's failing tests by the category the user sees (migration 0050): the stored cause's
// category with the project's overrides applied, by signature first, then by message key. The
// History screen's trend reads these few rows per run instead of every stored cause. They are
// counted again whenever what they count changes: a run's causes written (ingest, a cause
// recomputed on read) or an override set. Deleted runs take theirs along (ON DELETE CASCADE).
import type { Database, Statement } from 'better-sqlite3';

/** The category a stored cause `c` of run `r` shows. */
const EFFECTIVE_CATEGORY = `COALESCE(
  (SELECT o.category FROM category_overrides o WHERE o.project_id = r.project_id AND o.signature = c.signature),
  (SELECT o.category FROM category_overrides o WHERE o.project_id = r.project_id AND o.signature = c.message_key),
  c.category)`;

export class RunCauseCounts {
  private readonly clear: Statement;
  private readonly count: Statement;
  private readonly runsWithKey: Statement;

  constructor(db: Database) {
    this.clear = db.prepare(`DELETE FROM run_cause_counts WHERE run_id = ?`);
    this.count = db.prepare(
      `INSERT INTO run_cause_counts (run_id, category, n)
       SELECT c.run_id, ${EFFECTIVE_CATEGORY}, count(*) FROM result_causes c JOIN runs r ON r.id = c.run_id
       WHERE c.run_id = ? GROUP BY 2`,
    );
    // Through the signature and message-key indexes: the runs of one failure, not every run.
    this.runsWithKey = db
      .prepare(
        `SELECT k.run_id FROM (
           SELECT DISTINCT run_id FROM result_causes WHERE signature = @key
           UNION
           SELECT DISTINCT run_id FROM result_causes WHERE message_key = @key
         ) k CROSS JOIN runs r ON r.id = k.run_id
         WHERE r.project_id = @project`,
      )
      .pluck();
  }

  /** Counts one run again (inside the caller's transaction). */
  recount(runId: string): void {
    this.clear.run(runId);
    this.count.run(runId);
  }

  /** Counts again the project's runs that hold a failure with this signature or message key. */
  recountKey(projectId: number, key: string): void {
    for (const runId of this.runsWithKey.all({ key, project: projectId }) as string[]) this.recount(runId);
  }
}
