// Reports that land after their run was stored join it (CLI.md, `vigil ingest` run assembly and
// `vigil watch`): Maven Surefire writes one TEST-*.xml per test class while the run goes on,
// seconds apart, and they are one run, as `vigil ingest` of the folder makes them.
import { copyFileSync, mkdirSync, renameSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runWatch } from '../../../../src/main/cli/commands/watch.js';
import { openEngine } from '../../../../src/main/engine/engine.js';
import { fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';
import { sleep, waitFor, watchFolder, type Harness } from './watch-harness.js';

const SUREFIRE = 'junit-xml/action-junit-report/tests/utils/target/surefire-reports';
const ALL_OK = 'TEST-action.surefire.report.calc.AllOkTest.xml';
const CALC_UTILS = 'TEST-action.surefire.report.calc.CalcUtilsTest.xml';
const STRING_UTILS = 'TEST-action.surefire.report.calc.StringUtilsTest.xml';
/** Short waits: a class file written 1-2 s after the previous one always comes after a quiet folder. */
const TIMING = { quietMs: 150, settleMs: 1_000 };

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.close();
  harness = null;
});

function writeClass(dir: string, name: string): void {
  copyFileSync(fixturePath(`${SUREFIRE}/${name}`), join(dir, name));
}

/** The runs `vigil ingest` makes of the folder, in a store of their own. */
async function batchIngest(dir: string, project: string) {
  const engine = openEngine({ dbPath: join(tempDir(), 'batch.db') });
  try {
    return await engine.ingestPaths({ paths: [dir], project });
  } finally {
    engine.close();
  }
}

describe('watching: reports that join a run stored before', () => {
  it('makes one run of Surefire class files written 1-2 s apart, replacing the run each time', async () => {
    harness = await watchFolder({ timing: TIMING });
    writeClass(harness.dir, ALL_OK);
    await waitFor('run 1', () => harness!.runs().length === 1);
    await sleep(1_500);
    writeClass(harness.dir, CALC_UTILS);
    await waitFor('run 2', () => harness!.runs().length === 2);
    await sleep(1_200);
    writeClass(harness.dir, STRING_UTILS);
    await waitFor('run 3', () => harness!.runs().length === 3);
    await sleep(TIMING.quietMs + 500);

    const [first, second, third] = harness.runs();
    expect(harness.runs()).toHaveLength(3);
    expect(first?.replaces).toBeUndefined();
    expect(first?.totals).toEqual({ tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0 });
    expect(second?.replaces).toEqual([first?.id]);
    expect(third?.replaces).toEqual([second?.id]);
    // Sums of the three files' headers: 1+2+5 tests, 0+2+2 failures, 0+0+1 skipped.
    expect(third?.totals).toEqual({ tests: 8, passed: 3, failed: 4, errored: 0, skipped: 1 });
    expect(third?.sources.sort()).toEqual([ALL_OK, CALC_UTILS, STRING_UTILS].map((name) => join(harness!.dir, name)).sort());
    const stored = await harness.engine.listRuns({ project: 'watched' });
    expect(stored.map((run) => run.id)).toEqual([third?.id]);
    expect(harness.failures()).toEqual([]);

    // The same run, id included, as `vigil ingest` of the folder makes it at once.
    const batch = await batchIngest(harness.dir, 'watched');
    expect(batch.runs.map((run) => ({ id: run.id, totals: run.totals }))).toEqual([{ id: third?.id, totals: third?.totals }]);
  });

  it('keeps a report from another time in the same folder as a run of its own', async () => {
    harness = await watchFolder({ timing: TIMING });
    writeClass(harness.dir, CALC_UTILS);
    await waitFor('run 1', () => harness!.runs().length === 1);

    // A report of an hour ago moved in (its file time kept, as `mv` and `cp -p` keep it).
    const elsewhere = join(harness.home, ALL_OK);
    copyFileSync(fixturePath(`${SUREFIRE}/${ALL_OK}`), elsewhere);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(elsewhere, anHourAgo, anHourAgo);
    await sleep(1_000);
    renameSync(elsewhere, join(harness.dir, ALL_OK));
    await waitFor('run 2', () => harness!.runs().length === 2);

    // A class of the current run still joins the current run, and only it.
    await sleep(1_000);
    writeClass(harness.dir, STRING_UTILS);
    await waitFor('run 3', () => harness!.runs().length === 3);
    await sleep(TIMING.quietMs + 500);

    const [current, old, joined] = harness.runs();
    expect(old?.replaces).toBeUndefined();
    expect(old?.sources).toEqual([join(harness.dir, ALL_OK)]);
    expect(joined?.replaces).toEqual([current?.id]);
    const stored = await harness.engine.listRuns({ project: 'watched' });
    expect(stored.map((run) => run.id).sort()).toEqual([old?.id, joined?.id].sort());
    expect(stored.find((run) => run.id === joined?.id)?.totals).toEqual({ tests: 7, passed: 2, failed: 4, errored: 0, skipped: 1 });
    // `vigil ingest` of the folder draws the same line.
    const batch = await batchIngest(harness.dir, 'watched');
    expect(batch.runs.map((run) => run.id).sort()).toEqual(stored.map((run) => run.id).sort());
  });

  it('does not join a run whose report was rewritten since (a rerun writing the same file)', async () => {
    harness = await watchFolder({ timing: TIMING });
    const path = join(harness.dir, 'junit.xml');
    copyFileSync(fixturePath(`${SUREFIRE}/${CALC_UTILS}`), path);
    await waitFor('run 1', () => harness!.runs().length === 1);
    await sleep(1_000);
    // Within seconds, but the first run's report is gone: its run cannot be assembled again.
    copyFileSync(fixturePath(`${SUREFIRE}/${STRING_UTILS}`), path);
    await waitFor('run 2', () => harness!.runs().length === 2);
    await sleep(TIMING.quietMs + 500);

    const [first, second] = harness.runs();
    expect(second?.replaces).toBeUndefined();
    expect(second?.totals).toEqual({ tests: 5, passed: 2, failed: 2, errored: 0, skipped: 1 });
    const stored = await harness.engine.listRuns({ project: 'watched' });
    expect(stored.map((run) => run.id).sort()).toEqual([first?.id, second?.id].sort());
  });
});

/** `vigil watch` over a Surefire folder whose second class file lands 1.5 s after the first. */
async function watchTwoClasses(json: boolean): Promise<string[]> {
  const home = tempDir();
  const dir = join(home, 'surefire-reports');
  mkdirSync(dir);
  const out: string[] = [];
  const io = { stdout: { write: (text: string) => out.push(text) }, stderr: { write: () => undefined } };
  let stop!: () => void;
  let ready!: () => void;
  const isReady = new Promise<void>((done) => (ready = done));
  const running = runWatch({ positionals: [dir], values: { db: join(home, 'vigil.db'), json, project: 'calc' } }, io, {
    stop: new Promise<void>((done) => (stop = done)),
    onReady: ready,
  });
  await isReady;
  const lines = (): string[] => out.join('').split('\n').filter((line) => line !== '');
  writeClass(dir, CALC_UTILS);
  await waitFor('RUN line 1', () => lines().length === 1);
  await sleep(1_500);
  writeClass(dir, STRING_UTILS);
  await waitFor('RUN line 2', () => lines().length === 2, 6_000);
  stop();
  await expect(running).resolves.toBe(0);
  return lines();
}

describe('vigil watch: a replacement says what it replaces', () => {
  it('adds "replaces" to the RUN line of a run that a later class file joined (--json)', async () => {
    const [first, second] = (await watchTwoClasses(true)).map((line) => JSON.parse(line) as { id: string; replaces?: string[]; totals: { tests: number } });
    expect(Object.keys(first!)).not.toContain('replaces');
    expect(second).toMatchObject({ replaces: [first!.id], totals: { tests: 7 } });
    expect(second!.id).not.toBe(first!.id);
  });

  it('prints "replaced OLD by" the new run for people', async () => {
    const [first, second] = await watchTwoClasses(false);
    expect(first).toMatch(/^stored {4}r_[0-9a-f]+ /);
    const firstId = /r_[0-9a-f]+/.exec(first ?? '')?.[0];
    expect(second).toMatch(new RegExp(`^replaced {2}${firstId} by r_[0-9a-f]+ `));
  });
});
