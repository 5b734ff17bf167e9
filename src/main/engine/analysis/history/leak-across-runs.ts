// Leaks across runs: a second run of the same tests fails more than the one before it, and
// this test, which passed then, now hits a constraint or "already exists": the earlier run
// left state behind (a shared database, files, a bound port).
import type { HistoryRun, HistorySignal } from './history-types.js';

const LEFTOVER_STATE = /unique|duplicate|already (?:exists|in use|registered)|constraint|EEXIST|EADDRINUSE|address already in use/i;

export interface RunPair {
  current: HistoryRun;
  previous: HistoryRun;
  /** Both runs hold exactly the same tests. */
  sameTests: boolean;
}

export function leakAcrossRunsSignal(pair: RunPair | null, passedInPrevious: boolean, messageKey: string): HistorySignal | null {
  // Whether both runs hold the same tests is the costly question (two whole runs): asked last.
  if (!pair || !passedInPrevious || !LEFTOVER_STATE.test(messageKey) || !pair.sameTests) return null;
  const failingNow = pair.current.totals.failed + pair.current.totals.errored;
  const failingBefore = pair.previous.totals.failed + pair.previous.totals.errored;
  if (failingNow <= failingBefore) return null;
  return {
    kind: 'leak_across_runs',
    category: 'isolation_leak',
    confidence: 0.85,
    evidence: [
      `the same tests run again fail more (${failingNow} vs ${failingBefore} in ${pair.previous.id}); this one passed there and now hits leftover state`,
    ],
  };
}
