// Compare on a real multi-day history: seven Vitest runs of `shop` over five days
// (test/fixtures/vitest-history). Every pair of runs is compared and each set must equal what
// the fixture's status table says, test for test.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import type { RunComparison } from '../../../../src/shared/compare-types.js';
import type { RunSummary } from '../../../../src/shared/types.js';
import { SHOP_RUNS_DIR, SHOP_STARTS, SHOP_TESTS, expectedSets, labelOf } from '../../../support/shop-history.js';
import { tempDir } from '../../../support/temp.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const LISTS = ['fixed', 'regressed', 'stillFailing', 'added', 'removed', 'newlySkipped', 'failingBefore', 'skippedWhileFailing', 'removedWhileFailing', 'addedFailing'] as const;

function labels(comparison: RunComparison, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const test = comparison.tests[id];
    if (!test) throw new Error(`${id} is listed but not described in tests`);
    return labelOf(test);
  }).sort();
}

function localDay(iso: string): string {
  const day = new Date(iso);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

let engine: Engine;
let runs: RunSummary[];
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vigil-shop-'));
  engine = openEngine({ dbPath: join(scratch, 'vigil.db') });
  const outcome = await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
  expect(outcome.errors).toEqual([]);
  runs = await engine.listRuns({ project: 'shop' });
});

afterAll(() => {
  engine.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the shop history as stored', () => {
  it('holds seven runs at the times the reports carry, one per run folder (JUnit + JSON counted once)', () => {
    expect(runs.map((run) => run.startedAt.slice(0, 19))).toEqual(SHOP_STARTS);
    for (const run of runs) expect(run.sources).toHaveLength(2);
  });

  it('gives every test the status the fixture README states, in every run', async () => {
    for (const [index, run] of runs.entries()) {
      const detail = await engine.getRun({ run: run.id });
      const stored = Object.fromEntries(detail.tests.map((test) => [labelOf(test), test.status]));
      const expected = Object.fromEntries(SHOP_TESTS.filter((test) => test.statuses[index] !== null).map((test) => [test.label, test.statuses[index]]));
      expect(stored, `run ${index + 1}`).toEqual(expected);
    }
  });
});

describe('compareRuns on every pair of runs', () => {
  it('gives exactly the sets the status table implies, for all 49 ordered pairs', async () => {
    for (let a = 0; a < runs.length; a++) {
      for (let b = 0; b < runs.length; b++) {
        const before = runs[a];
        const after = runs[b];
        if (!before || !after) throw new Error('missing run');
        const comparison = await engine.compareRuns({ before: before.id, after: after.id });
        const expected = expectedSets(a, b);
        for (const list of LISTS) expect(labels(comparison, comparison[list]), `${list}, runs ${a + 1} → ${b + 1}`).toEqual(expected[list]);
        // The before run's failures are the denominator: each ends in exactly one place.
        const accounted = [...comparison.fixed, ...comparison.stillFailing, ...comparison.skippedWhileFailing, ...comparison.removedWhileFailing].sort();
        expect(accounted).toEqual([...comparison.failingBefore].sort());
        expect(comparison.before).toEqual(before);
        expect(comparison.after).toEqual(after);
      }
    }
  });

  it('first → latest: one fix, one regression, a skipped and a deleted failure that are not fixes', async () => {
    const comparison = await engine.compareRuns({ before: 'first', after: 'latest' });
    expect(Object.keys(comparison).slice(0, 9)).toEqual(['before', 'after', 'fixed', 'regressed', 'stillFailing', 'added', 'removed', 'newlySkipped', 'coverage']);
    expect(labels(comparison, comparison.fixed)).toEqual(['cart › totals with tax']);
    expect(labels(comparison, comparison.regressed)).toEqual(['format › formats dates']);
    expect(labels(comparison, comparison.stillFailing)).toEqual(['cart › applies coupon']);
    expect(labels(comparison, comparison.added)).toEqual(['search › finds by name', 'search › finds by tag', 'search › ranks results']);
    expect(labels(comparison, comparison.removed)).toEqual(['prices api › fetches stock']);
    expect(labels(comparison, comparison.newlySkipped)).toEqual(['prices api › fetches prices']);
    expect(labels(comparison, comparison.skippedWhileFailing)).toEqual(['prices api › fetches prices']);
    expect(labels(comparison, comparison.removedWhileFailing)).toEqual(['prices api › fetches stock']);
    expect(comparison.failingBefore).toHaveLength(4);
    expect(comparison.coverage).toBeNull();
    for (const id of comparison.fixed) expect(comparison.tests[id]).toMatchObject({ before: 'failed', after: 'passed' });
  });

  it("matches failure groups from the analysis' stored causes across runs by signature: resolved, new, persisting", async () => {
    const comparison = await engine.compareRuns({ before: 'first', after: 'latest' });
    const { groups } = comparison;
    expect(groups.source).toBe('analysis');
    const find = (list: typeof groups.new, title: RegExp) => list.filter((group) => title.test(group.title)).map((group) => [group.category, group.beforeTests.length, group.afterTests.length]);
    // The prices service was down for two tests in run 1; in run 7 one is skipped and one deleted.
    expect(find(groups.resolved, /ECONNREFUSED 127\.0\.0\.1:8081/)).toEqual([['external_blocker', 2, 0]]);
    expect(find(groups.persisting, /expected 93 to be 85/)).toHaveLength(1);
    expect(labels(comparison, groups.new.flatMap((group) => group.afterTests))).toEqual([
      'format › formats dates',
      'search › finds by tag',
    ]);
    // Run 2 is run 1's code run again: the leak is a new group of two tests; the prices service
    // is still down for the same two tests.
    const leak = await engine.compareRuns({ before: 'first', after: 'latest~5' });
    expect(find(leak.groups.new, /UNIQUE constraint failed: users\.email/)).toEqual([['isolation_leak', 0, 2]]);
    expect(find(leak.groups.persisting, /ECONNREFUSED 127\.0\.0\.1:8081/)).toEqual([['external_blocker', 2, 2]]);
    // Every failing test of each run is in exactly one group.
    const inGroups = (side: 'beforeTests' | 'afterTests') => [...leak.groups.resolved, ...leak.groups.new, ...leak.groups.persisting].flatMap((group) => group[side]).sort();
    expect(inGroups('beforeTests')).toEqual([...leak.failingBefore].sort());
    expect(inGroups('afterTests')).toEqual([...leak.stillFailing, ...leak.regressed, ...leak.addedFailing].sort());
  });

  it('a run compared with itself changes nothing', async () => {
    const comparison = await engine.compareRuns({ before: 'latest', after: 'latest' });
    expect([comparison.fixed, comparison.regressed, comparison.added, comparison.removed, comparison.newlySkipped].flat()).toEqual([]);
    expect(labels(comparison, comparison.stillFailing)).toEqual(['cart › applies coupon', 'format › formats dates', 'search › finds by tag']);
  });
});

describe('run selectors', () => {
  it('an ISO date picks the last run of that (local) day; latest~N counts back', async () => {
    const lastOfDay = new Map<string, RunSummary>();
    for (const run of runs) lastOfDay.set(localDay(run.startedAt), run);
    for (const [day, run] of lastOfDay) {
      const comparison = await engine.compareRuns({ before: day, after: day });
      expect(comparison.after.id, day).toBe(run.id);
    }
    for (let back = 0; back < runs.length; back++) {
      const comparison = await engine.compareRuns({ before: 'first', after: `latest~${back}` });
      expect(comparison.after.id).toBe(runs[runs.length - 1 - back]?.id);
    }
    await expect(engine.compareRuns({ before: 'first', after: '2026-12-25' })).rejects.toThrow(/no run matches '2026-12-25'/);
  });

  it('refuses keywords that would mix projects, and runs of two projects', async () => {
    const dir = tempDir();
    const other = openEngine({ dbPath: join(dir, 'two.db') });
    try {
      await other.ingestPaths({ paths: [join(SHOP_RUNS_DIR, '1-2026-11-16-morning')], project: 'shop' });
      await other.ingestPaths({ paths: [join(SHOP_RUNS_DIR, '2-2026-11-16-evening')], project: 'till' });
      await expect(other.compareRuns({ before: 'first', after: 'latest' })).rejects.toThrow(/2 projects .*name one with --project/);
      const [shop, till] = [(await other.listRuns({ project: 'shop' }))[0], (await other.listRuns({ project: 'till' }))[0]];
      await expect(other.compareRuns({ before: shop?.id ?? '', after: till?.id ?? '' })).rejects.toThrow(/different projects/);
      const within = await other.compareRuns({ before: 'first', after: 'latest', project: 'till' });
      expect(within.after.id).toBe(till?.id);
      // A run named by id settles the project for a keyword beside it.
      expect((await other.compareRuns({ before: shop?.id ?? '', after: 'latest' })).after.id).toBe(shop?.id);
    } finally {
      other.close();
    }
  });
});
