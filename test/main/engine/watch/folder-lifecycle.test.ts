// Acceptance (issue 4): the watcher survives what happens to its folders, and each problem is a
// status of the folder, never a crash.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../../../src/main/engine/engine.js';
import { DEFAULT_WATCH_TIMING } from '../../../../src/main/engine/watch/watch-timing.js';
import { tempDir } from '../../../support/temp.js';
import { junitXml, sleep, waitFor, watchFolder, type Harness } from './watch-harness.js';

const { quietMs, healthMs } = DEFAULT_WATCH_TIMING;
let harness: Harness | null = null;

afterEach(async () => {
  await harness?.close();
  harness = null;
});

const lastStatus = (h: Harness) => h.statuses().at(-1);

describe('watching: folders that come and go', () => {
  it('follows a watched folder deleted and re-created, with the reports written into the new one', async () => {
    harness = await watchFolder();
    writeFileSync(join(harness.dir, 'junit.xml'), junitXml({ tests: 3, timestamp: '2025-12-17T09:00:00' }));
    await waitFor('run 1', () => harness!.runs().length === 1);

    rmSync(harness.dir, { recursive: true });
    await waitFor('status missing', () => lastStatus(harness!) === 'missing', healthMs + 2_000);
    expect((await harness.engine.listWatchFolders())[0]?.status).toBe('missing');

    // The runner re-creates its folder and writes at once, before the watcher is back on it.
    mkdirSync(harness.dir);
    writeFileSync(join(harness.dir, 'junit.xml'), junitXml({ tests: 4, timestamp: '2025-12-17T09:10:00' }));
    await waitFor('status ok', () => lastStatus(harness!) === 'ok', healthMs + 2_000);
    await waitFor('run 2', () => harness!.runs().length === 2);
    expect(harness.runs()[1]?.totals.tests).toBe(4);

    // And it keeps watching the new folder.
    writeFileSync(join(harness.dir, 'junit.xml'), junitXml({ tests: 5, timestamp: '2025-12-17T09:20:00' }));
    await waitFor('run 3', () => harness!.runs().length === 3);
    expect(harness.failures()).toEqual([]);
  });

  it('follows a folder renamed away and back, catching up what was written meanwhile', async () => {
    harness = await watchFolder();
    const away = join(harness.home, 'elsewhere');
    renameSync(harness.dir, away);
    await waitFor('status missing', () => lastStatus(harness!) === 'missing', healthMs + 2_000);
    // Written while the folder is not where it is watched: not this folder's report yet.
    writeFileSync(join(away, 'junit.xml'), junitXml({ tests: 2, timestamp: '2025-12-17T09:00:00' }));
    await sleep(quietMs + 200);
    expect(harness.runs()).toEqual([]);

    renameSync(away, harness.dir);
    await waitFor('status ok', () => lastStatus(harness!) === 'ok', healthMs + 2_000);
    await waitFor('the caught-up run', () => harness!.runs().length === 1);
    expect(harness.runs()[0]?.sources).toEqual([join(harness.dir, 'junit.xml')]);
  });

  it('watches a folder that does not exist yet, and starts when it appears', async () => {
    const home = tempDir('vigil-watch-');
    const dir = join(home, 'target', 'surefire-reports');
    const engine = openEngine({ dbPath: join(home, 'vigil.db') });
    const statuses: string[] = [];
    const runs: string[] = [];
    engine.onEvent((event) => {
      if (event.type === 'didChangeFolderStatus') statuses.push(event.folder.status);
      if (event.type === 'didIngestRun') runs.push(event.run.id);
    });
    try {
      const { folder, added } = await engine.addWatchFolder({ path: dir });
      expect(added).toBe(true);
      expect(folder.status).toBe('not-watched');
      await engine.startWatching();
      expect((await engine.listWatchFolders())[0]).toMatchObject({ path: dir, status: 'missing' });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'TEST-calc.xml'), junitXml({ tests: 2, timestamp: '2025-12-17T09:00:00' }));
      await waitFor('the run', () => runs.length === 1, healthMs + 3_000);
      expect(statuses).toEqual(['missing', 'ok']);
    } finally {
      await engine.stopWatching();
      engine.close();
    }
  });

  it('reports a path that is a file, not a folder, as an error status', async () => {
    const home = tempDir('vigil-watch-');
    const file = join(home, 'junit.xml');
    writeFileSync(file, junitXml({ tests: 1, timestamp: '2025-12-17T09:00:00' }));
    const engine = openEngine({ dbPath: join(home, 'vigil.db') });
    try {
      await engine.addWatchFolder({ path: file });
      await engine.startWatching();
      expect((await engine.listWatchFolders())[0]).toMatchObject({ status: 'error', message: 'not a folder' });
    } finally {
      await engine.stopWatching();
      engine.close();
    }
  });
});

describe('watching: the machine sleeping', () => {
  it('catches up after timers stood still (sleep), without ingesting anything twice', async () => {
    const home = tempDir('vigil-watch-');
    const dir = join(home, 'reports');
    mkdirSync(dir);
    // Health checks every 100 ms, so that a 1 s stall counts as a sleep.
    const engine = openEngine({ dbPath: join(home, 'vigil.db'), watchTiming: { healthMs: 100 } });
    const runs: string[] = [];
    const failures: string[] = [];
    engine.onEvent((event) => {
      if (event.type === 'didIngestRun') runs.push(event.run.id);
      if (event.type === 'didFailFile') failures.push(event.error);
    });
    try {
      await engine.addWatchFolder({ path: dir });
      await engine.startWatching();
      writeFileSync(join(dir, 'junit.xml'), junitXml({ tests: 3, timestamp: '2025-12-17T09:00:00' }));
      // Nothing runs in this process for a second, as when the lid is closed: no timer fires, and
      // the file's OS event and the catch-up after the "sleep" both point at the new report.
      const until = Date.now() + 1_000;
      while (Date.now() < until) {
        // busy: the event loop stands still
      }
      await waitFor('the run', () => runs.length === 1);
      await sleep(quietMs + 500);
      expect(runs).toHaveLength(1);
      expect(failures).toEqual([]);
      expect((await engine.listWatchFolders())[0]?.status).toBe('ok');
    } finally {
      await engine.stopWatching();
      engine.close();
    }
  });
});

describe('watching: what is and is not ingested', () => {
  it('does not re-ingest reports present at start; importExisting imports them once asked', async () => {
    const home = tempDir('vigil-watch-');
    const dir = join(home, 'reports');
    mkdirSync(join(dir, 'nested'), { recursive: true });
    writeFileSync(join(dir, 'nested', 'junit.xml'), junitXml({ tests: 7, timestamp: '2025-12-17T08:00:00' }));
    const engine = openEngine({ dbPath: join(home, 'vigil.db') });
    const runs: string[] = [];
    engine.onEvent((event) => event.type === 'didIngestRun' && runs.push(event.run.id));
    try {
      await engine.addWatchFolder({ path: dir, project: 'atom' });
      await engine.startWatching();
      await sleep(quietMs + 500);
      expect(runs).toEqual([]);
      const outcome = await engine.importExisting({ path: dir });
      expect(outcome.runs).toHaveLength(1);
      expect(outcome.runs[0]?.project).toBe('atom');
      expect(runs).toEqual([outcome.runs[0]?.id]);
      expect((await engine.listWatchFolders())[0]?.importedAt).toEqual(expect.any(String));
      await expect(engine.importExisting({ path: join(home, 'other') })).rejects.toThrow(/not a watched folder/);
    } finally {
      await engine.stopWatching();
      engine.close();
    }
  });

  it('skips ignored folders (node_modules, .git, virtualenvs) and files that are not reports, quietly', async () => {
    harness = await watchFolder();
    for (const ignored of ['node_modules/pkg', '.git', '.venv/lib']) {
      mkdirSync(join(harness.dir, ignored), { recursive: true });
      writeFileSync(join(harness.dir, ignored, 'junit.xml'), junitXml({ tests: 1, timestamp: '2025-12-17T09:00:00' }));
    }
    writeFileSync(join(harness.dir, 'notes.txt'), 'remember the milk\n');
    writeFileSync(join(harness.dir, 'config.json'), '{"retries": 3}\n');
    writeFileSync(join(harness.dir, 'screenshot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await sleep(quietMs + DEFAULT_WATCH_TIMING.settleMs + 500);
    expect(harness.runs()).toEqual([]);
    expect(harness.failures()).toEqual([]);
  });

  it('never wakes itself when the store lives inside the watched folder', async () => {
    harness = await watchFolder({ dbInside: true });
    expect(existsSync(join(harness.dir, 'vigil.db-wal'))).toBe(true);
    writeFileSync(join(harness.dir, 'junit.xml'), junitXml({ tests: 2, timestamp: '2025-12-17T09:00:00' }));
    await waitFor('the run', () => harness!.runs().length === 1);
    await sleep(quietMs + 700);
    expect(harness.runs()).toHaveLength(1);
    expect(harness.failures()).toEqual([]);
  });

  it('keeps watched folders in the store with their project, and forgets a removed one', async () => {
    harness = await watchFolder({ project: 'atom' });
    const dbPath = harness.engine.dbPath;
    await harness.close();
    const again = openEngine({ dbPath });
    try {
      const [folder] = await again.listWatchFolders();
      expect(folder).toMatchObject({ path: harness.dir, project: 'atom', polling: false, status: 'not-watched', importedAt: null });
      // Added again without a project: the stored one stays.
      const readded = await again.addWatchFolder({ path: harness.dir });
      expect(readded).toMatchObject({ added: false, folder: { project: 'atom' } });
      await expect(again.removeWatchFolder({ path: harness.dir })).resolves.toEqual({ removed: true });
      await expect(again.removeWatchFolder({ path: harness.dir })).resolves.toEqual({ removed: false });
      expect(await again.listWatchFolders()).toEqual([]);
    } finally {
      again.close();
    }
  });

  it('polls when asked (network and container mounts), with the same results', async () => {
    harness = await watchFolder({ polling: true });
    expect((await harness.engine.listWatchFolders())[0]).toMatchObject({ polling: true, status: 'ok', message: expect.stringMatching(/^polling every/) });
    writeFileSync(join(harness.dir, 'junit.xml'), junitXml({ tests: 3, timestamp: '2025-12-17T09:00:00' }));
    await waitFor('the run', () => harness!.runs().length === 1, DEFAULT_WATCH_TIMING.pollIntervalMs * 3 + 2_000);
  });
});
