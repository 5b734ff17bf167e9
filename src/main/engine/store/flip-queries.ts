// Status flips of tests across a window of runs, by the analysis' rule
// (analysis/history/flip-rate.ts): skipped results are left out, a flip is a change between
// failing and not failing from one run to the next run that ran the test, and a pair of runs on
// different commits is no pair. Only a test that failed somewhere in the window can flip, so the
// candidates come from the window's failures (the causes stored per failing result, or the
// results themselves for a run stored without causes), and only their results in the runs they
// did not fail in are read: a few thousand index probes instead of every result of every run.
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
  private readonly causedResults: Statement;
  private readonly failingTests: Statement;
  private readonly statusesInRun: Statement;
  private readonly names: Statement;

  constructor(db: Database) {
    this.causedResults = db.prepare(`SELECT run_id, test_id FROM result_causes WHERE run_id IN (SELECT value FROM json_each(?))`).raw();
    this.failingTests = db.prepare(`SELECT test_id FROM results WHERE run_id = ? AND status IN ('failed', 'errored')`).pluck();
    this.statusesInRun = db.prepare(`SELECT test_id, status FROM results WHERE run_id = ? AND test_id IN (SELECT value FROM json_each(?))`).raw();
    this.names = db.prepare(`SELECT id, key, suite, name FROM tests WHERE id IN (SELECT value FROM json_each(?))`);
  }

  /**
   * Each candidate's status per run of the window (undefined: not run there). What failed comes
   * from the stored causes (a run stored without them reads its failing results instead); only
   * the rest (passed, skipped or absent) is read from the results, so a test is probed in the
   * runs it did not fail in, and a test that failed in every run is not probed at all (no flip).
   */
  private sequences(runs: readonly WindowRun[], minFlips: number): Map<number, (TestStatus | undefined)[]> {
    const position = new Map(runs.map((run, index) => [run.id, index]));
    const byTest = new Map<number, (TestStatus | undefined)[]>();
    const failedIn = (testId: number, index: number): void => {
      let sequence = byTest.get(testId);
      if (!sequence) {
        sequence = new Array<TestStatus | undefined>(runs.length);
        byTest.set(testId, sequence);
      }
      sequence[index] = 'failed';
    };
    const caused = new Map<string, number>();
    for (const [runId, testId] of this.causedResults.all(JSON.stringify(runs.map((run) => run.id))) as [string, number][]) {
      failedIn(testId, position.get(runId) ?? 0);
      caused.set(runId, (caused.get(runId) ?? 0) + 1);
    }
    runs.forEach((run, index) => {
      if ((caused.get(run.id) ?? 0) >= run.failing) return;
      for (const testId of this.failingTests.all(run.id) as number[]) failedIn(testId, index);
    });
    if (minFlips > 0) {
      // `includes` sees the holes of a sequence as undefined: a test with none failed everywhere.
      for (const [testId, sequence] of byTest) if (!sequence.includes(undefined)) byTest.delete(testId);
    }
    const tests = [...byTest];
    runs.forEach((run, index) => {
      const unknown = tests.filter(([, sequence]) => sequence[index] === undefined).map(([testId]) => testId);
      if (unknown.length === 0) return;
      for (const [testId, status] of this.statusesInRun.all(run.id, JSON.stringify(unknown)) as [number, TestStatus][]) {
        const sequence = byTest.get(testId);
        if (sequence) sequence[index] = status;
      }
    });
    return byTest;
  }

  /** Tests that flip at least `minFlips` times within the runs (oldest first). */
  flips(runs: readonly WindowRun[], minFlips: number): TestFlips[] {
    if (runs.length < 2) return [];
    const byTest = this.sequences(runs, minFlips);
    if (byTest.size === 0) return [];
    const counted: { testId: number; flips: number; pairs: number }[] = [];
    for (const [testId, sequence] of byTest) {
      let flips = 0;
      let pairs = 0;
      let previous: { status: TestStatus; commit: string | null } | null = null;
      for (let index = 0; index < sequence.length; index++) {
        const status = sequence[index];
        if (status === undefined || status === 'skipped') continue;
        const commit = runs[index]?.commit ?? null;
        if (previous && previous.commit === commit) {
          pairs += 1;
          if (isFailing(previous.status) !== isFailing(status)) flips += 1;
        }
        previous = { status, commit };
      }
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
