// `vigil watch DIR... [--project NAME] [--json]` (CLI.md): one line per event, a RUN or an
// error object with --json, and a clean stop on SIGINT/SIGTERM.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWatch } from '../../../../src/main/cli/commands/watch.js';
import type { RunSummary } from '../../../../src/shared/types.js';
import { cli } from '../../../support/capture-io.js';
import { tempDir } from '../../../support/temp.js';
import { junitXml, waitFor } from '../../engine/watch/watch-harness.js';
import { startWatchProcess } from './watch-process.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } }, out, err };
}

const RUN_KEYS = ['coverage', 'durationMs', 'format', 'id', 'project', 'sources', 'startedAt', 'totals'];

describe('vigil watch (in-process)', () => {
  it('prints one RUN per line with --json, an error object for a broken report, and stops when asked', async () => {
    const home = tempDir();
    const dir = join(home, 'reports');
    mkdirSync(dir);
    const { io, out, err } = capture();
    let stop!: () => void;
    let ready!: () => void;
    const isReady = new Promise<void>((done) => (ready = done));
    const running = runWatch(
      { positionals: [dir], values: { db: join(home, 'vigil.db'), json: true, project: 'atom' } },
      io,
      { stop: new Promise<void>((done) => (stop = done)), onReady: ready },
    );
    await isReady;
    expect(err.join('')).toMatch(/reports already in this folder are not imported; pass --import-existing/);
    writeFileSync(join(dir, 'junit.xml'), junitXml({ tests: 4, failed: 1, timestamp: '2025-12-17T09:00:00' }));
    await waitFor('a RUN line', () => out.join('').includes('\n'));
    const run = JSON.parse(out.join('').split('\n')[0]!) as RunSummary;
    expect(Object.keys(run).sort()).toEqual(RUN_KEYS);
    expect(run).toMatchObject({ project: 'atom', format: 'junit-xml', sources: [join(dir, 'junit.xml')], totals: { tests: 4, failed: 1 } });

    writeFileSync(join(dir, 'broken.xml'), junitXml({ tests: 4, timestamp: '2025-12-17T10:00:00' }).slice(0, 120));
    await waitFor('an error line', () => out.join('').split('\n').length > 2, 6_000);
    const error = JSON.parse(out.join('').split('\n')[1]!) as { path: string; error: string };
    expect(error.path).toBe(join(dir, 'broken.xml'));
    expect(err.join('')).toContain(`vigil: ${join(dir, 'broken.xml')}: `);

    stop();
    // A file could not be ingested: "done but something failed".
    await expect(running).resolves.toBe(1);
  });

  it('imports the reports already there once with --import-existing', async () => {
    const home = tempDir();
    const dir = join(home, 'reports');
    mkdirSync(dir);
    writeFileSync(join(dir, 'junit.xml'), junitXml({ tests: 9, timestamp: '2025-12-17T08:00:00' }));
    const { io, out, err } = capture();
    let stop!: () => void;
    const running = runWatch(
      { positionals: [dir], values: { db: join(home, 'vigil.db'), json: true, 'import-existing': true } },
      io,
      { stop: new Promise<void>((done) => (stop = done)), onReady: () => stop() },
    );
    await expect(running).resolves.toBe(0);
    expect(out.join('').trim().split('\n').map((line) => (JSON.parse(line) as RunSummary).totals.tests)).toEqual([9]);
    expect(err.join('')).not.toMatch(/not imported/);
  });

  it('needs a DIR (usage error, status 2) and is listed in --help', async () => {
    const result = await cli('watch', '--db', join(tempDir(), 'vigil.db'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/watch needs at least one DIR/);
    expect((await cli('--help')).stdout).toMatch(/vigil watch DIR\.\.\./);
  });
});

describe('vigil watch (the real process)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('ingests a report as it lands and stops cleanly on %s', async (signal) => {
    const home = tempDir();
    const dir = join(home, 'reports');
    mkdirSync(dir);
    const db = join(home, 'vigil.db');
    const watch = startWatchProcess([dir, '--json', '--db', db]);
    await watch.ready();
    writeFileSync(join(dir, 'junit.xml'), junitXml({ tests: 3, timestamp: '2025-12-17T09:00:00' }));
    await waitFor('a RUN line', () => watch.lines.length > 0);
    expect((JSON.parse(watch.lines[0]!) as RunSummary).totals.tests).toBe(3);
    watch.child.kill(signal);
    expect(await watch.exit).toEqual({ code: 0, signal: null });
    // Closed properly: SQLite folds the write-ahead log back into the database on close.
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('survives being suspended (SIGSTOP/SIGCONT, as in a machine sleep) and ingests what landed meanwhile', async () => {
    const home = tempDir();
    const dir = join(home, 'reports');
    mkdirSync(dir);
    const watch = startWatchProcess([dir, '--json', '--db', join(home, 'vigil.db')]);
    try {
      await watch.ready();
      watch.child.kill('SIGSTOP');
      writeFileSync(join(dir, 'junit.xml'), junitXml({ tests: 6, timestamp: '2025-12-17T09:00:00' }));
      await new Promise((done) => setTimeout(done, 1_500));
      watch.child.kill('SIGCONT');
      await waitFor(`a RUN line (stderr: ${watch.stderr()})`, () => watch.lines.length > 0, 10_000);
      expect((JSON.parse(watch.lines[0]!) as RunSummary).totals.tests).toBe(6);
    } finally {
      watch.child.kill('SIGCONT');
      watch.child.kill('SIGTERM');
      expect((await watch.exit).code).toBe(0);
    }
  });

  it('shows a folder it may not read as unreadable, and watches it once it is readable', async () => {
    // Permission bits do not stop root: the watcher then runs as `nobody`, as a user would.
    const asRoot = process.getuid?.() === 0;
    const home = tempDir();
    const dir = join(home, 'reports');
    mkdirSync(dir);
    chmodSync(home, 0o777);
    chmodSync(dir, 0o000);
    const watch = startWatchProcess([dir, '--json', '--db', join(home, 'vigil.db')], asRoot ? { uid: 65534, gid: 65534 } : {});
    try {
      await watch.ready();
      const problem = JSON.parse(watch.lines[0]!) as { path: string; error: string; status: string };
      expect(problem).toMatchObject({ path: dir, status: 'unreadable', error: expect.stringMatching(/permission denied/) });
      chmodSync(dir, 0o777);
      await waitFor('watching again', () => /reports: watching/.test(watch.stderr()), 6_000);
      writeFileSync(join(dir, 'junit.xml'), junitXml({ tests: 2, timestamp: '2025-12-17T09:00:00' }));
      await waitFor('a RUN line', () => watch.lines.length > 1);
      expect((JSON.parse(watch.lines[1]!) as RunSummary).totals.tests).toBe(2);
    } finally {
      chmodSync(dir, 0o777);
      watch.child.kill('SIGTERM');
      await watch.exit;
    }
  });
});
