// Flip counts over a window of runs, on the real `shop` history (seven Vitest runs with failures,
// fixes, skips, and tests added and removed): they must equal what the fixture's status table
// gives, whether the failing results have their causes stored (most runs read no results for
// what failed there) or not (a run stored before the root-cause analysis existed).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../../src/main/engine/engine.js';
import { FlipQueries, type WindowRun } from '../../../../src/main/engine/store/flip-queries.js';
import type { RunSummary, TestStatus } from '../../../../src/shared/types.js';
import { SHOP_RUNS_DIR, SHOP_TESTS, labelOf } from '../../../support/shop-history.js';
import { tempDir } from '../../../support/temp.js';

const failing = (status: TestStatus | null): boolean => status === 'failed' || status === 'errored';

/** Flips and pairs per test label, from the table alone, over runs `from`..`to` (inclusive). */
function expectedFlips(from: number, to: number, commits: readonly (string | null)[], minFlips: number): Record<string, [number, number]> {
  const found: Record<string, [number, number]> = {};
  for (const { label, statuses } of SHOP_TESTS) {
    if (!statuses.slice(from, to + 1).some(failing)) continue;
    let flips = 0;
    let pairs = 0;
    let previous: { status: TestStatus; commit: string | null } | null = null;
    for (let index = from; index <= to; index++) {
      const status = statuses[index] ?? null;
      if (status === null || status === 'skipped') continue;
      const commit = commits[index] ?? null;
      if (previous && previous.commit === commit) {
        pairs += 1;
        if (failing(previous.status) !== failing(status)) flips += 1;
      }
      previous = { status, commit };
    }
    if (flips >= minFlips) found[label] = [flips, pairs];
  }
  return found;
}

let scratch: string;
let dbPath: string;
let runs: RunSummary[];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vigil-flips-'));
  dbPath = join(scratch, 'vigil.db');
  const engine = openEngine({ dbPath });
  await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
  runs = await engine.listRuns({ project: 'shop' });
  engine.close();
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function flipsOf(db: Database.Database, from: number, to: number, commits: readonly (string | null)[], minFlips: number): Record<string, [number, number]> {
  const window: WindowRun[] = runs.slice(from, to + 1).map((run, offset) => ({ id: run.id, commit: commits[from + offset] ?? null, failing: run.totals.failed + run.totals.errored }));
  return Object.fromEntries(new FlipQueries(db).flips(window, minFlips).map((test) => [labelOf(test), [test.flips, test.pairs]]));
}

describe('FlipQueries on the shop history', () => {
  const none = Array<string | null>(7).fill(null);
  const commits = ['a', 'a', 'b', 'b', 'b', 'c', 'c'];
  const cases: [string, number, number, readonly (string | null)[], number][] = [
    ['all runs, no commits, min 2', 0, 6, none, 2],
    ['all runs, no commits, min 1', 0, 6, none, 1],
    ['all runs, every failing test (min 0)', 0, 6, none, 0],
    ['runs 3-7', 2, 6, none, 1],
    ['all runs, pairs only within a commit', 0, 6, commits, 1],
  ];

  it('match the status table with every cause stored', () => {
    const db = new Database(dbPath, { readonly: true });
    for (const [name, from, to, runCommits, minFlips] of cases) expect(flipsOf(db, from, to, runCommits, minFlips), name).toEqual(expectedFlips(from, to, runCommits, minFlips));
    db.close();
  });

  it('match it when some runs were stored without causes', () => {
    const copy = join(tempDir(), 'no-causes.db');
    const source = new Database(dbPath, { readonly: true });
    source.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    source.close();
    const db = new Database(copy);
    const without = [runs[1]?.id, runs[3]?.id, runs[4]?.id];
    db.prepare(`DELETE FROM result_causes WHERE run_id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(without));
    for (const [name, from, to, runCommits, minFlips] of cases) expect(flipsOf(db, from, to, runCommits, minFlips), name).toEqual(expectedFlips(from, to, runCommits, minFlips));
    db.close();
  });

  it('count a test that failed in every run as never flipping, and leave it out', () => {
    const db = new Database(dbPath, { readonly: true });
    const flips = flipsOf(db, 0, 6, none, 1);
    expect(flips['cart › applies coupon']).toBeUndefined();
    expect(flipsOf(db, 0, 6, none, 0)['cart › applies coupon']).toEqual([0, 6]);
    expect(flips['users › inserts a user']).toEqual([2, 6]);
    db.close();
  });
});
