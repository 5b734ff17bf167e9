// The desktop screens' engine methods against the real seven-run Vitest history (and the
// 100-test-ish demo), each checked against the existing full read of the same data.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import { STATUS_LETTERS } from '../../../../src/shared/ui-types.js';
import { SHOP_RUNS_DIR } from '../../../support/shop-history.js';
import { tempDir } from '../../../support/temp.js';

let engine: Engine | null = null;

afterEach(() => {
  vi.restoreAllMocks();
  engine?.close();
  engine = null;
});

async function shopEngine(): Promise<Engine> {
  engine = openEngine({ dbPath: join(tempDir(), 'vigil.db') });
  const outcome = await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
  expect(outcome.errors).toEqual([]);
  expect(outcome.runs).toHaveLength(7);
  return engine;
}

describe('getRunTests', () => {
  it('holds every test of getRun, in order, with status, suite, file, duration and first message line', async () => {
    const api = await shopEngine();
    for (const run of await api.listRuns({ project: 'shop' })) {
      const full = await api.getRun({ run: run.id });
      const table = await api.getRunTests({ run: run.id });
      expect(table.run).toEqual(full.run);
      expect(table.ids).toEqual(full.tests.map((test) => test.id));
      expect(table.names).toEqual(full.tests.map((test) => test.name));
      expect(table.suiteIndex.map((i) => table.suites[i])).toEqual(full.tests.map((test) => test.suite));
      expect(table.fileIndex.map((i) => (i < 0 ? null : table.files[i]))).toEqual(full.tests.map((test) => test.file));
      expect([...table.statuses].map((letter) => STATUS_LETTERS[letter as keyof typeof STATUS_LETTERS])).toEqual(full.tests.map((test) => test.status));
      expect(table.durationsMs).toEqual(full.tests.map((test) => test.durationMs));
      const messages = new Map(table.messages);
      full.tests.forEach((test, i) => {
        if (!test.message) expect(messages.has(i)).toBe(false);
        else expect(test.message.trimStart().startsWith(messages.get(i)?.replace(/…$/, '') ?? '\u0000')).toBe(true);
      });
    }
  });
});

describe('getFailureTrend', () => {
  it('counts each run\'s failing tests by category, and follows the user\'s recategorisation', async () => {
    const api = await shopEngine();
    const runs = await api.listRuns({ project: 'shop' });
    const trend = await api.getFailureTrend({ project: 'shop' });
    expect(trend.map((point) => point.runId)).toEqual(runs.map((run) => run.id));
    trend.forEach((point, i) => {
      const total = Object.values(point.counts).reduce((sum, n) => sum + (n ?? 0), 0);
      const run = runs[i];
      expect(total).toBe((run?.totals.failed ?? 0) + (run?.totals.errored ?? 0));
    });
    const latest = runs.at(-1);
    if (!latest) throw new Error('no runs');
    const { groups } = await api.getFailures({ run: latest.id });
    const group = groups.find((candidate) => candidate.category !== 'external_blocker');
    if (!group) throw new Error('expected a group that is not an external blocker');
    await api.setCategory({ run: latest.id, target: group.id, category: 'external_blocker' });
    const after = (await api.getFailureTrend({ project: 'shop' })).at(-1);
    const before = trend.at(-1);
    expect(after?.counts.external_blocker ?? 0).toBe((before?.counts.external_blocker ?? 0) + group.tests.length);
  });
});

describe('getGroupHistory', () => {
  it('names the first and last run of each group of a run and how many runs had it', async () => {
    const api = await shopEngine();
    const runs = await api.listRuns({ project: 'shop' });
    const { groups } = await api.getFailures({ run: 'latest', project: 'shop' });
    const history = await api.getGroupHistory({ run: 'latest', project: 'shop' });
    expect(history.length).toBeGreaterThan(0);
    const bySignature = new Map(history.map((entry) => [entry.signature, entry]));
    for (const group of groups) {
      const entry = bySignature.get(group.signature);
      if (!entry) continue;
      expect(entry.lastSeen.runId).toBe(runs.at(-1)?.id);
      expect(entry.runs).toBeGreaterThanOrEqual(1);
      expect(entry.runs).toBeLessThanOrEqual(runs.length);
      expect(runs.findIndex((run) => run.id === entry.firstSeen.runId)).toBeLessThanOrEqual(runs.length - entry.runs);
    }
    // "cart › applies coupon" fails in every run with the same assertion: first seen in the first run.
    const everyRun = history.filter((entry) => entry.runs === runs.length);
    expect(everyRun.length).toBeGreaterThan(0);
    for (const entry of everyRun) expect(entry.firstSeen.runId).toBe(runs[0]?.id);
  });
});

describe('deleteRunsOlderThan', () => {
  it('deletes the project\'s runs older than N days with everything of theirs, in one go', async () => {
    const api = await shopEngine();
    const runs = await api.listRuns({ project: 'shop' });
    // "Now" is 2026-11-20 12:00 UTC: 2 days back leaves the runs of the 19th and 20th.
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-20T12:00:00Z'));
    const result = await api.deleteRunsOlderThan({ project: 'shop', days: 2 });
    expect(result.cutoff).toBe('2026-11-18T12:00:00.000Z');
    expect(result.deleted).toEqual(runs.slice(0, 4).map((run) => run.id));
    const left = await api.listRuns({ project: 'shop' });
    expect(left.map((run) => run.id)).toEqual(runs.slice(4).map((run) => run.id));
    await expect(api.getRun({ run: runs[0]?.id ?? '' })).rejects.toThrow(/no run matches/);
    // What is left still reads, compares and reports.
    await expect(api.compareRuns({ before: 'first', after: 'latest', project: 'shop' })).resolves.toBeTruthy();
    expect((await api.getFailureTrend({ project: 'shop' })).map((point) => point.runId)).toEqual(left.map((run) => run.id));
    // Another project's runs are never touched.
    expect((await api.deleteRunsOlderThan({ project: 'nope', days: 1 })).deleted).toEqual([]);
  });
});

describe('loadDemo', () => {
  it('ingests the bundled sample reports as two projects, once', async () => {
    engine = openEngine({ dbPath: join(tempDir(), 'vigil.db') });
    const events: string[] = [];
    engine.onEvent((event) => {
      if (event.type === 'didIngestRun') events.push(event.run.project);
    });
    const first = await engine.loadDemo();
    expect(first.errors).toEqual([]);
    expect(first.runs.map((run) => run.project)).toEqual([...Array(7).fill('demo'), 'demo-coverage']);
    expect(events).toHaveLength(8);
    expect((await engine.listRuns({ project: 'demo-coverage' }))[0]?.coverage?.linesValid).toBeGreaterThan(0);
    const again = await engine.loadDemo();
    expect(again.runs).toEqual([]);
    expect(again.duplicates.length).toBeGreaterThan(0);
  });

  it('says so when the demo reports are missing', async () => {
    engine = openEngine({ dbPath: join(tempDir(), 'vigil.db'), demoDir: join(tempDir(), 'nowhere') });
    await expect(engine.loadDemo()).rejects.toThrow();
  });
});
