// Retention: a project's runs older than N days go, all in one transaction (a crash leaves the
// store as it was). Results, attempts, causes, coverage and source files follow their run by
// ON DELETE CASCADE (migrations 0010-0040). Tests that no run left has results for go too, so a
// project whose tests are renamed or parametrised with fresh values does not grow without end;
// the user's overrides stay (they are keyed by failure signature, not by test, and are meant
// to outlive the runs they were made in).
import type { Database, Statement, Transaction } from 'better-sqlite3';

export interface RetentionOutcome {
  /** Runs deleted, oldest first. */
  runs: string[];
  /** Tests of the project deleted because no remaining run has a result for them. */
  tests: number;
}

export class Retention {
  private readonly oldRuns: Statement;
  private readonly deleteRun: Statement;
  private readonly deleteOrphanTests: Statement;
  private readonly run: Transaction<(project: string, cutoffMs: number) => RetentionOutcome>;

  constructor(db: Database) {
    this.oldRuns = db
      .prepare(`SELECT r.id FROM runs r JOIN projects p ON p.id = r.project_id WHERE p.name = ? AND r.started_at < ? ORDER BY r.started_at, r.id`)
      .pluck();
    this.deleteRun = db.prepare(`DELETE FROM runs WHERE id = ?`);
    // Attempts and causes exist only beside a result of the same run, so a test without results
    // has nothing else pointing at it. results_by_test makes each check one index lookup.
    this.deleteOrphanTests = db.prepare(
      `DELETE FROM tests
       WHERE project_id = (SELECT id FROM projects WHERE name = ?)
         AND NOT EXISTS (SELECT 1 FROM results WHERE results.test_id = tests.id)`,
    );
    this.run = db.transaction((project: string, cutoffMs: number) => {
      const runs = this.oldRuns.all(project, cutoffMs) as string[];
      for (const id of runs) this.deleteRun.run(id);
      const tests = runs.length > 0 ? this.deleteOrphanTests.run(project).changes : 0;
      return { runs, tests };
    });
  }

  /** Deletes the project's runs that started before `cutoffMs`, and the tests only they had. */
  deleteOlderThan(project: string, cutoffMs: number): RetentionOutcome {
    return this.run(project, cutoffMs);
  }
}
