// Root causes, failure groups and flakiness from the root-cause analysis
// (src/main/engine/analysis/), for stores that hold its tables (migration 0040).
import type { Database } from 'better-sqlite3';
import { createRootCauseService, type RootCauseService } from '../analysis/root-cause-service.js';
import { FLAKY_MIN_FLIPS, FLAKY_MIN_RATE_LOW, commitOf } from '../analysis/history/flip-rate.js';
import { wilsonInterval } from '../analysis/history/wilson.js';
import type { CompareQueries, RunStamp } from '../store/compare-queries.js';
import { FirstSeenQuery } from '../store/first-seen-query.js';
import { FlipQueries } from '../store/flip-queries.js';
import { RootCauseStore } from '../store/root-cause-store.js';
import type { FlakyTest, RootCauseSource } from './root-cause-source.js';

/** Flips are counted over at most this many of the period's latest runs, to keep the report fast. */
export const FLAKY_WINDOW_RUNS = 50;

/** True when the store has the analysis' tables. */
export function hasAnalysis(db: Database): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'result_causes'`).get() !== undefined;
}

export function analysisService(db: Database): RootCauseService {
  return createRootCauseService(new RootCauseStore(db));
}

export function analysisRootCauses(db: Database, service: RootCauseService, queries: CompareQueries): RootCauseSource {
  const firstSeen = new FirstSeenQuery(db);
  const flips = new FlipQueries(db);
  return {
    groupsOf: (runId) => service.failures(runId).groups,
    failingSince: (history, group) => firstSeen.failingSince(history, group.tests),
    flaky(period: readonly RunStamp[]) {
      const window = period.slice(-FLAKY_WINDOW_RUNS);
      const runs = window.map((run) => ({
        id: run.id,
        commit: commitOf({ id: run.id, startedAtMs: Date.parse(run.startedAt), properties: queries.properties(run.id), totals: run.totals }),
        failing: run.totals.failed + run.totals.errored,
      }));
      const tests: FlakyTest[] = [];
      for (const found of flips.flips(runs, FLAKY_MIN_FLIPS)) {
        const interval = wilsonInterval(found.flips, found.pairs);
        // The analysis' own bar for calling a test flaky (analysis/history/flip-rate.ts).
        if (interval.low < FLAKY_MIN_RATE_LOW) continue;
        tests.push({ ...found, low: interval.low, high: interval.high });
      }
      return { window: [...window], tests };
    },
  };
}
