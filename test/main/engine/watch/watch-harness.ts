// A real engine watching a real temp folder, recording every event it announces. No part of
// Vigil is mocked and the timers are real: tests write files and wait for what the watcher does.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import type { WatchTiming } from '../../../../src/main/engine/watch/watch-timing.js';
import type { AnnouncedRun, EngineEvent, WatchedFolder } from '../../../../src/shared/types.js';
import { tempDir } from '../../../support/temp.js';

export interface Harness {
  /** The watched folder. */
  dir: string;
  /** A folder outside it (the store lives there). */
  home: string;
  engine: Engine;
  events: EngineEvent[];
  /** The runs announced, in order, as announced (a replacement names the runs it replaced). */
  runs(): AnnouncedRun[];
  failures(): { path: string; error: string }[];
  statuses(): WatchedFolder['status'][];
  close(): Promise<void>;
}

export async function watchFolder(
  options: { project?: string; polling?: boolean; dbInside?: boolean; timing?: Partial<WatchTiming> } = {},
): Promise<Harness> {
  const home = tempDir('vigil-watch-');
  const dir = join(home, 'reports');
  mkdirSync(dir);
  const engine = openEngine({ dbPath: options.dbInside ? join(dir, 'vigil.db') : join(home, 'vigil.db'), watchTiming: options.timing });
  const events: EngineEvent[] = [];
  engine.onEvent((event) => events.push(event));
  await engine.addWatchFolder({ path: dir, project: options.project ?? 'watched', polling: options.polling });
  await engine.startWatching();
  let closed = false;
  return {
    dir,
    home,
    engine,
    events,
    runs: () => events.flatMap((event) => (event.type === 'didIngestRun' ? [event.run] : [])),
    failures: () => events.flatMap((event) => (event.type === 'didFailFile' ? [{ path: event.path, error: event.error }] : [])),
    statuses: () => events.flatMap((event) => (event.type === 'didChangeFolderStatus' ? [event.folder.status] : [])),
    async close() {
      if (closed) return;
      closed = true;
      await engine.stopWatching();
      engine.close();
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** A JUnit report of `tests` cases (the first `failed` of them failing) with its own start time. */
export function junitXml({ tests, failed = 0, timestamp, suite = 'calc' }: { tests: number; failed?: number; timestamp: string; suite?: string }): string {
  const cases = Array.from({ length: tests }, (_, i) =>
    i < failed
      ? `  <testcase classname="${suite}.Case" name="test ${i}" time="0.01"><failure message="expected ${i}">AssertionError: expected ${i}</failure></testcase>`
      : `  <testcase classname="${suite}.Case" name="test ${i}" time="0.01"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${suite}" tests="${tests}" failures="${failed}" errors="0" skipped="0" timestamp="${timestamp}" time="${(tests * 0.01).toFixed(2)}">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}
