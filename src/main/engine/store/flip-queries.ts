// Status flips of tests across a window of runs, by the analysis' rule
// (analysis/history/flip-rate.ts): skipped results are left out, a flip is a change between
// failing and not failing from one run to the next run that ran the test, and a pair of runs on
// different commits is no pair. Only a test that failed somewhere in the window can flip, so the
// candidates come from the window's failures (the causes stored per failing result, or the
// results themselves for a run stored without causes) and only their results are read: a few
// thousand index probes instead of every result of every run.
import type { Database, Statement } from 'better-sqlite3';
import type { TestStatus } from '../../../shared/types.js';

export interface WindowRun {
  id: string;
  /** The code version the run names (CI commit property), null when none. */
  commit: string | null;
  /** Failed + errored in the run: tells whether its stored causes cover its failures. */
  failing: number;
}

export interface TestFlips {
  id: string;
  suite: string;
  name: string;
  flips: number;
  pairs: number;
}

const isFailing = (status: TestStatus): boolean => status === 'failed' || status === 'errored';

export class FlipQueries {
  private readonly causeCounts: Statement;
  private readonly causedTests: Statement;
  private readonly failingTests: Statement;
  private readonly statuses: Statement;
  private readonly names: Statement;

  constructor(db: Database) {
    this.causeCounts = db.prepare(`SELECT run_id, COUNT(*) AS n FROM result_causes WHERE run_id IN (SELECT value FROM json_each(?)) GROUP BY run_id`);
    this.causedTests = db.prepare(`SELECT DISTINCT test_id FROM result_causes WHERE run_id IN (SELECT value FROM json_each(?))`).pluck();
    this.failingTests = db.prepare(`SELECT test_id FROM results WHERE run_id = ? AND status IN ('failed', 'errored')`).pluck();
    this.statuses = db
      .prepare(
        `SELECT run_id, test_id, status FROM results
         WHERE run_id IN (SELECT value FROM json_each(?)) AND test_id IN (SELECT value FROM json_each(?))`,
      )
      .raw();
    this.names = db.prepare(`SELECT id, key, suite, name FROM tests WHERE id IN (SELECT value FROM json_each(?))`);
  }

  private candidates(runs: readonly WindowRun[]): number[] {
    const ids = JSON.stringify(runs.map((run) => run.id));
    const counted = new Map((this.causeCounts.all(ids) as { run_id: string; n: number }[]).map((row) => [row.run_id, row.n]));
    const tests = new Set(this.causedTests.all(ids) as number[]);
    for (const run of runs) {
      if ((counted.get(run.id) ?? 0) >= run.failing) continue;
      for (const test of this.failingTests.all(run.id) as number[]) tests.add(test);
    }
    return [...tests];
  }

  /** Tests that flip at least `minFlips` times within the runs (oldest first). */
  flips(runs: readonly WindowRun[], minFlips: number): TestFlips[] {
    if (runs.length < 2) return [];
    const candidates = this.candidates(runs);
    if (candidates.length === 0) return [];
    const position = new Map(runs.map((run, index) => [run.id, index]));
    const byTest = new Map<number, (TestStatus | undefined)[]>();
    for (const [runId, testId, status] of this.statuses.all(JSON.stringify(runs.map((run) => run.id)), JSON.stringify(candidates)) as [string, number, TestStatus][]) {
      const sequence = byTest.get(testId) ?? new Array<TestStatus | undefined>(runs.length);
      sequence[position.get(runId) ?? 0] = status;
      byTest.set(testId, sequence);
    }
    const counted: { testId: number; flips: number; pairs: number }[] = [];
    for (const [testId, sequence] of byTest) {
      let flips = 0;
      let pairs = 0;
      let previous: { status: TestStatus; commit: string | null } | null = null;
      sequence.forEach((status, index) => {
        if (status === undefined || status === 'skipped') return;
        const commit = runs[index]?.commit ?? null;
        if (previous && previous.commit === commit) {
          pairs += 1;
          if (isFailing(previous.status) !== isFailing(status)) flips += 1;
        }
        previous = { status, commit };
      });
      if (flips >= minFlips) counted.push({ testId, flips, pairs });
    }
    const names = new Map((this.names.all(JSON.stringify(counted.map((entry) => entry.testId))) as { id: number; key: string; suite: string; name: string }[]).map((row) => [row.id, row]));
    return counted
      .map(({ testId, flips, pairs }) => {
        const test = names.get(testId);
        return { id: test?.key ?? String(testId), suite: test?.suite ?? '', name: test?.name ?? '', flips, pairs };
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}
