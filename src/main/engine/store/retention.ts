// Retention: a project's runs older than N days go, all in one transaction (a crash leaves the
// store as it was). Results, attempts, causes, coverage and source files follow their run by
// ON DELETE CASCADE (migrations 0010-0040). Test names and the user's overrides stay: they are
// small, and an override is meant to outlive the runs it was made in.
import type { Database, Statement, Transaction } from 'better-sqlite3';

export class Retention {
  private readonly oldRuns: Statement;
  private readonly deleteRun: Statement;
  private readonly run: Transaction<(project: string, cutoffMs: number) => string[]>;

  constructor(db: Database) {
    this.oldRuns = db
      .prepare(`SELECT r.id FROM runs r JOIN projects p ON p.id = r.project_id WHERE p.name = ? AND r.started_at < ? ORDER BY r.started_at, r.id`)
      .pluck();
    this.deleteRun = db.prepare(`DELETE FROM runs WHERE id = ?`);
    this.run = db.transaction((project: string, cutoffMs: number) => {
      const ids = this.oldRuns.all(project, cutoffMs) as string[];
      for (const id of ids) this.deleteRun.run(id);
      return ids;
    });
  }

  /** Deletes the project's runs that started before `cutoffMs`; returns their ids, oldest first. */
  deleteOlderThan(project: string, cutoffMs: number): string[] {
    return this.run(project, cutoffMs);
  }
}
