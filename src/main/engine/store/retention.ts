// Retention: a project's runs older than N days go, oldest first, RUNS_PER_TRANSACTION runs to a
// transaction, with a turn of the event loop between transactions. Deleting a run means deleting
// its 5,000 results from three B-trees; in a 2,000-run store that is 30-75 ms a run, so one
// transaction for 1,500 runs held the app (its screens, its watcher) for over two minutes. Each
// run goes whole or not at all, and a crash mid-way leaves the newer of the old runs. Results,
// attempts, causes, coverage and source files follow their run by ON DELETE CASCADE (migrations
// 0010-0050). Tests that no run left has results for go too, so a project whose tests are renamed
// or parametrised with fresh values does not grow without end; the user's overrides stay (they
// are keyed by failure signature, not by test, and are meant to outlive the runs they were made in).
import type { Database, Statement } from 'better-sqlite3';
import { PAGE_CACHE_KIB } from './open-database.js';

export interface RetentionOutcome {
  /** Runs deleted, oldest first. */
  runs: string[];
  /** Tests of the project deleted because no remaining run has a result for them. */
  tests: number;
}

/** ~0.8-1.2 s of work each in a 2,000-run store: the longest anything else waits. Each commit
 * writes the by-test index pages it touched, so smaller transactions cost more in all (10 runs:
 * 49 ms a run; 25: ~30; all 300 in one: 25). */
export const RUNS_PER_TRANSACTION = 25;

/**
 * SQLite's page cache while deleting: each run's results are spread over the whole by-test
 * index, which a 16 MiB cache cannot hold in a 10-million-result store (74 ms a run at 16 MiB,
 * 32 ms at 128 MiB, in bench/data's store). Only the pages used are allocated; the usual size
 * (PAGE_CACHE_KIB) comes back once retention is done, also when two deletions overlapped.
 */
const DELETE_CACHE_KIB = 256 * 1024;

/** Lets the event loop run: the app answers screens and the watcher stores runs meanwhile. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Retention {
  private readonly oldRuns: Statement;
  private readonly deleteRun: Statement;
  private readonly deleteOrphanTests: Statement;

  constructor(private readonly db: Database) {
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
  }

  /** Deletes the project's runs that started before `cutoffMs`, and the tests only they had. */
  async deleteOlderThan(project: string, cutoffMs: number): Promise<RetentionOutcome> {
    const old = this.oldRuns.all(project, cutoffMs) as string[];
    const deleted: string[] = [];
    if (old.length === 0) return { runs: deleted, tests: 0 };
    this.db.pragma(`cache_size = -${DELETE_CACHE_KIB}`);
    try {
      for (let start = 0; start < old.length; start += RUNS_PER_TRANSACTION) {
        if (start > 0) await nextTurn();
        this.db.transaction(() => {
          for (const id of old.slice(start, start + RUNS_PER_TRANSACTION)) {
            // A run replaced or deleted meanwhile (the watcher, another client) is not there to delete.
            if (this.deleteRun.run(id).changes > 0) deleted.push(id);
          }
        })();
      }
      return { runs: deleted, tests: this.deleteOrphanTests.run(project).changes };
    } finally {
      this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    }
  }
}
