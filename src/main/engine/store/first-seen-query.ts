// Since when a failure group has been failing: walking back from the analysed run through the
// project's runs while a test of the group still failed there with the signature it fails with
// now (the causes the analysis stores per failing result, migration 0040). Each step is one
// primary-key lookup, so the cost is the length of the streak, bounded by MAX_WALK_RUNS, never
// the size of the history.
import type { Database, Statement } from 'better-sqlite3';

export interface FailingSince {
  runId: string;
  startedAt: string;
  /** Runs in the streak, the analysed run included. */
  runs: number;
  /** True when the walk stopped at MAX_WALK_RUNS: the streak may be longer. */
  capped: boolean;
}

/** How far back a streak is followed. */
export const MAX_WALK_RUNS = 500;
/** The tests of a group whose streaks are followed (the group fails when any of them does). */
export const MAX_WALK_TESTS = 3;

interface HistoryRun {
  id: string;
  startedAt: string;
}

export class FirstSeenQuery {
  private readonly signatureNow: Statement;
  private readonly signatureIn: Statement;

  constructor(db: Database) {
    this.signatureNow = db.prepare(
      `SELECT c.test_id, c.signature FROM result_causes c JOIN tests t ON t.id = c.test_id
       WHERE c.run_id = ? AND t.key = ? AND t.project_id = (SELECT project_id FROM runs WHERE id = ?)`,
    );
    this.signatureIn = db.prepare(`SELECT signature FROM result_causes WHERE run_id = ? AND test_id = ?`).pluck();
  }

  /** `history`: the project's runs oldest first, ending with the run whose group this is. */
  failingSince(history: readonly HistoryRun[], testKeys: readonly string[]): FailingSince | null {
    const last = history.at(-1);
    if (!last) return null;
    const tests = testKeys
      .slice(0, MAX_WALK_TESTS)
      .map((key) => this.signatureNow.get(last.id, key, last.id) as { test_id: number; signature: string } | undefined)
      .filter((test): test is { test_id: number; signature: string } => test !== undefined);
    if (tests.length === 0) return null;
    let start = history.length - 1;
    const floor = Math.max(0, history.length - MAX_WALK_RUNS);
    while (start > floor) {
      const earlier = history[start - 1];
      if (!earlier || !tests.some((test) => this.signatureIn.get(earlier.id, test.test_id) === test.signature)) break;
      start -= 1;
    }
    const first = history[start];
    if (!first) return null;
    return { runId: first.id, startedAt: first.startedAt, runs: history.length - start, capped: start === floor && floor > 0 };
  }
}
