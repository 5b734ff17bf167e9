// The per-run failure counts by category (migration 0050) that the History trend reads, kept by
// the store as runs, causes and overrides change, on the real seven-run Vitest history. Each
// check compares them with the same counts computed here from the stored causes and overrides.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RootCauseCategory } from '../../../../src/shared/types.js';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import { SHOP_RUNS_DIR } from '../../../support/shop-history.js';
import { tempDir } from '../../../support/temp.js';

type CountsByRun = Record<string, Partial<Record<RootCauseCategory, number>>>;

let engine: Engine | null = null;
let db: Database.Database | null = null;

afterEach(() => {
  vi.restoreAllMocks();
  engine?.close();
  db?.close();
  engine = null;
  db = null;
});

async function shop(): Promise<{ api: Engine; raw: Database.Database; path: string }> {
  const path = join(tempDir(), 'vigil.db');
  engine = openEngine({ dbPath: path });
  const outcome = await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
  expect(outcome.errors).toEqual([]);
  expect(outcome.runs).toHaveLength(7);
  // A second connection to the same file, as another process would have: it sees what commits.
  db = new Database(path);
  return { api: engine, raw: db, path };
}

/** What the counts must be: each stored cause under its override by signature, else by message key, else its own category. */
function expectedCounts(raw: Database.Database): CountsByRun {
  const overrides = new Map<string, RootCauseCategory>();
  for (const row of raw.prepare(`SELECT project_id, signature, category FROM category_overrides`).all() as { project_id: number; signature: string; category: RootCauseCategory }[]) {
    overrides.set(`${row.project_id} ${row.signature}`, row.category);
  }
  const counts: CountsByRun = {};
  const causes = raw.prepare(`SELECT c.run_id, r.project_id, c.signature, c.message_key, c.category FROM result_causes c JOIN runs r ON r.id = c.run_id`).all() as {
    run_id: string;
    project_id: number;
    signature: string;
    message_key: string;
    category: RootCauseCategory;
  }[];
  for (const cause of causes) {
    const category = overrides.get(`${cause.project_id} ${cause.signature}`) ?? overrides.get(`${cause.project_id} ${cause.message_key}`) ?? cause.category;
    const run = (counts[cause.run_id] ??= {});
    run[category] = (run[category] ?? 0) + 1;
  }
  return counts;
}

function storedCounts(raw: Database.Database): CountsByRun {
  const counts: CountsByRun = {};
  for (const row of raw.prepare(`SELECT run_id, category, n FROM run_cause_counts`).all() as { run_id: string; category: RootCauseCategory; n: number }[]) {
    (counts[row.run_id] ??= {})[row.category] = row.n;
  }
  return counts;
}

async function trendCounts(api: Engine): Promise<CountsByRun> {
  const trend = await api.getFailureTrend({ project: 'shop' });
  return Object.fromEntries(trend.filter((point) => Object.keys(point.counts).length > 0).map((point) => [point.runId, point.counts]));
}

describe('run cause counts', () => {
  it('are written with each run and agree with its stored causes and failing tests', async () => {
    const { api, raw } = await shop();
    const expected = expectedCounts(raw);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(6);
    expect(storedCounts(raw)).toEqual(expected);
    expect(await trendCounts(api)).toEqual(expected);
    for (const run of await api.listRuns({ project: 'shop' })) {
      const total = Object.values(expected[run.id] ?? {}).reduce((sum, n) => sum + n, 0);
      expect(total).toBe(run.totals.failed + run.totals.errored);
    }
  });

  it('follow the user moving a group, a single failure, and the same group again', async () => {
    const { api, raw } = await shop();
    const { groups } = await api.getFailures({ run: 'latest', project: 'shop' });
    const widest = [...groups].sort((a, b) => b.tests.length - a.tests.length)[0];
    if (!widest) throw new Error('the latest shop run has no failure group');
    const before = storedCounts(raw);

    await api.setCategory({ run: 'latest', project: 'shop', target: widest.id, category: 'external_blocker' });
    const moved = storedCounts(raw);
    expect(moved).toEqual(expectedCounts(raw));
    expect(moved).not.toEqual(before);
    expect(await trendCounts(api)).toEqual(moved);

    // One failure of that group elsewhere: its own signature's override wins over the group's.
    const test = widest.tests[0];
    if (!test) throw new Error('a group without tests');
    await api.setCategory({ run: 'latest', project: 'shop', target: test, category: 'flaky' });
    expect(storedCounts(raw)).toEqual(expectedCounts(raw));

    // A group's id names its category, so the moved group is found again by its signature.
    const again = (await api.getFailures({ run: 'latest', project: 'shop' })).groups.find((group) => group.signature === widest.signature);
    if (!again) throw new Error('the moved group is gone');
    await api.setCategory({ run: 'latest', project: 'shop', target: again.id, category: 'config_mismatch' });
    expect(storedCounts(raw)).toEqual(expectedCounts(raw));
    expect(await trendCounts(api)).toEqual(expectedCounts(raw));
  });

  it('follow causes recomputed on read, from a store an older classifier wrote', async () => {
    const { api, raw } = await shop();
    const latest = (await api.listRuns({ project: 'shop' })).at(-1);
    if (!latest) throw new Error('no runs');
    const expected = expectedCounts(raw);
    // As an older classifier left it: other categories, and counts that agree with them.
    raw.transaction(() => {
      raw.prepare(`UPDATE result_causes SET classifier = 1, category = 'unknown' WHERE run_id = ?`).run(latest.id);
      raw.prepare(`DELETE FROM run_cause_counts WHERE run_id = ?`).run(latest.id);
      raw.prepare(`INSERT INTO run_cause_counts (run_id, category, n) SELECT run_id, 'unknown', count(*) FROM result_causes WHERE run_id = ? GROUP BY run_id`).run(latest.id);
    })();
    expect(storedCounts(raw)[latest.id]).toEqual({ unknown: latest.totals.failed + latest.totals.errored });

    await api.getFailures({ run: latest.id });
    expect(storedCounts(raw)).toEqual(expected);
  });

  it('leave with the runs that retention deletes', async () => {
    const { api, raw } = await shop();
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-20T12:00:00Z'));
    const { deleted } = await api.deleteRunsOlderThan({ project: 'shop', days: 2 });
    expect(deleted.length).toBeGreaterThan(0);
    const counts = storedCounts(raw);
    for (const id of deleted) expect(counts[id]).toBeUndefined();
    expect(counts).toEqual(expectedCounts(raw));
  });
});
