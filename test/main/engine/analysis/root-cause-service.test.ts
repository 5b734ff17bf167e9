// The root-cause read path on the real `shop` history (seven Vitest runs over five days): the
// history signals it finds (order dependence, state left by the run before, flips), the window
// of runs it reads, and the analysis it keeps for repeated reads of one run until the store
// changes, through this connection or another.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRootCauseService } from '../../../../src/main/engine/analysis/root-cause-service.js';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import { openDatabase } from '../../../../src/main/engine/store/open-database.js';
import { RootCauseStore } from '../../../../src/main/engine/store/root-cause-store.js';
import type { RunSummary } from '../../../../src/shared/types.js';
import { SHOP_RUNS_DIR } from '../../../support/shop-history.js';

let scratch: string;
let dbPath: string;
let engine: Engine;
let runs: RunSummary[];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vigil-causes-'));
  dbPath = join(scratch, 'vigil.db');
  engine = openEngine({ dbPath });
  await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
  runs = await engine.listRuns({ project: 'shop' });
});

afterAll(() => {
  engine.close();
  rmSync(scratch, { recursive: true, force: true });
});

const evidenceOf = async (run: RunSummary): Promise<string[]> => (await engine.getFailures({ run: run.id })).groups.flatMap((group) => group.evidence);

/** A store that counts the reads of a run's failures: one per analysis. */
class CountingStore extends RootCauseStore {
  reads = 0;
  override failures(runId: string): ReturnType<RootCauseStore['failures']> {
    this.reads += 1;
    return super.failures(runId);
  }
}

describe('history signals on the shop history', () => {
  it('finds the order dependence, the state left by the run before and the flips', async () => {
    const second = runs[1];
    if (!second) throw new Error('the shop history has seven runs');
    const evidence = await evidenceOf(second);
    expect(evidence).toContain('order-dependent: failed in 3 run(s) where prices api › fetches stock ran before it, passed in 4 run(s) where it did not');
    expect(evidence.some((line) => line.startsWith('the same tests run again fail more (7 vs 4 in '))).toBe(true);
    expect(evidence).toContain('flipped 4 time(s) in 6 consecutive run pair(s) with no commit recorded (inputs taken as unchanged): flip rate 0.67, 95% interval 0.30-0.90');
  });

  it('gives a test that failed in every run of its window no history signal', async () => {
    // "cart › applies coupon" fails in all seven runs: its group carries its content evidence only.
    for (const run of runs) {
      const group = (await engine.getFailures({ run: run.id })).groups.find((candidate) => candidate.title.startsWith('expected 93 to be 85'));
      expect(group?.category, run.id).toBe('product_defect');
      expect(group?.evidence.filter((line) => /flipped|order-dependent|leftover|environment changed/.test(line)), run.id).toEqual([]);
    }
  });
});

describe('the window of runs read around a run', () => {
  it('is the runs before and after it in time order, bounded at both ends', () => {
    const db = openDatabase(dbPath);
    const store = new RootCauseStore(db);
    const project = store.projectOfRun(runs[0]?.id ?? '');
    if (!project) throw new Error('no project');
    const ids = runs.map((run) => run.id);
    const window = (at: number, before: number, after: number): string[] => store.historyRuns(project.id, ids[at] ?? '', before, after).map((run) => run.id);
    expect(window(3, 2, 1)).toEqual(ids.slice(1, 5));
    expect(window(0, 20, 10)).toEqual(ids);
    expect(window(6, 2, 10)).toEqual(ids.slice(4));
    expect(window(1, 20, 0)).toEqual(ids.slice(0, 2));
    expect(store.historyRuns(project.id, 'r_not_a_run', 3, 10).map((run) => run.id)).toEqual(ids.slice(-3));
    db.close();
  });

  it('orders runs that started at the same moment by id, as the run list does', async () => {
    const copy = join(scratch, 'same-start.db');
    const source = new Database(dbPath, { readonly: true });
    source.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    source.close();
    const raw = new Database(copy);
    raw.prepare(`UPDATE runs SET started_at = ?`).run(Date.UTC(2026, 10, 20));
    raw.close();
    const other = openEngine({ dbPath: copy });
    const listed = (await other.listRuns({ project: 'shop' })).map((run) => run.id);
    other.close();
    expect(listed).toEqual([...listed].sort());
    const db = openDatabase(copy);
    const store = new RootCauseStore(db);
    const project = store.projectOfRun(listed[0] ?? '');
    if (!project) throw new Error('no project');
    expect(store.historyRuns(project.id, listed[3] ?? '', 2, 2).map((run) => run.id)).toEqual(listed.slice(1, 6));
    db.close();
  });
});

describe('the analysis kept for repeated reads', () => {
  it('is computed once while the store is unchanged, and again after any write', () => {
    const db = openDatabase(dbPath);
    const store = new CountingStore(db);
    const service = createRootCauseService(store);
    const run = runs[1]?.id ?? '';
    const first = service.failures(run);
    service.rootCauses(run);
    expect(service.failures(run)).toEqual(first);
    expect(store.reads).toBe(1);
    // A write through this connection: the user moves a group.
    const group = first.groups[0];
    if (!group) throw new Error('the run has failures');
    service.recategorize(run, group.id, 'flaky');
    expect(store.reads).toBe(1);
    expect(service.failures(run).groups.find((candidate) => candidate.signature === group.signature)?.category).toBe('flaky');
    expect(store.reads).toBe(2);
    // A write through another connection (the CLI while the app is open).
    const other = new Database(dbPath);
    other.prepare(`DELETE FROM category_overrides`).run();
    other.close();
    expect(service.failures(run)).toEqual(first);
    expect(store.reads).toBe(3);
    db.close();
  });

  it('hands each caller its own copy', () => {
    const db = openDatabase(dbPath);
    const service = createRootCauseService(new RootCauseStore(db));
    const run = runs[1]?.id ?? '';
    const first = service.failures(run);
    first.groups.splice(0);
    expect(service.failures(run).groups.length).toBeGreaterThan(0);
    db.close();
  });
});

describe('getTest', () => {
  it("gives a failing test its group's root cause, as getRun does, and a passing test none", async () => {
    const run = runs[1];
    if (!run) throw new Error('the shop history has seven runs');
    const detail = await engine.getRun({ run: run.id });
    const failing = detail.tests.filter((test) => test.status === 'failed' || test.status === 'errored');
    expect(failing.length).toBeGreaterThan(0);
    for (const test of failing) {
      const one = await engine.getTest({ run: run.id, testId: test.id });
      expect(one.rootCause, test.id).toEqual(test.rootCause);
      expect(one.rootCause).not.toBeNull();
    }
    const passing = detail.tests.find((test) => test.status === 'passed');
    if (!passing) throw new Error('the run has passing tests');
    expect((await engine.getTest({ run: run.id, testId: passing.id })).rootCause).toBeNull();
  });
});
