// Acceptance (issue 4): a report is ingested once, when its runner has finished writing it.
import { appendFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WATCH_TIMING } from '../../../../src/main/engine/watch/watch-timing.js';
import { REPO_ROOT } from '../../../support/fixtures.js';
import { junitXml, sleep, waitFor, watchFolder, type Harness } from './watch-harness.js';

const { quietMs, maxWaitMs, settleMs, streamQuietMs } = DEFAULT_WATCH_TIMING;
let harness: Harness | null = null;

afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('watching: when a report counts as written', () => {
  it('ingests a file written in pieces with pauses once, whole, without an error', async () => {
    harness = await watchFolder();
    const path = join(harness.dir, 'junit.xml');
    const xml = junitXml({ tests: 40, failed: 3, timestamp: '2025-12-17T09:00:00' });
    const third = Math.floor(xml.length / 3);
    // Pauses longer than the quiet time: the watcher does try the half-written file.
    writeFileSync(path, xml.slice(0, third));
    await sleep(quietMs + 200);
    appendFileSync(path, xml.slice(third, 2 * third));
    await sleep(quietMs + 200);
    appendFileSync(path, xml.slice(2 * third));
    await waitFor('the run', () => harness!.runs().length > 0);
    // Long enough for a wrongly kept "broken" state to be reported.
    await sleep(settleMs + 300);
    expect(harness.runs()).toHaveLength(1);
    expect(harness.runs()[0]?.totals).toEqual({ tests: 40, passed: 37, failed: 3, errored: 0, skipped: 0 });
    expect(harness.runs()[0]?.project).toBe('watched');
    expect(harness.failures()).toEqual([]);
  });

  it('reports a half-written file only when it stays broken, then ingests it once it is complete', async () => {
    harness = await watchFolder();
    const path = join(harness.dir, 'junit.xml');
    const xml = junitXml({ tests: 10, timestamp: '2025-12-17T10:00:00' });
    const started = Date.now();
    writeFileSync(path, xml.slice(0, Math.floor(xml.length / 2)));
    await waitFor('the error', () => harness!.failures().length > 0, settleMs + 3_000);
    // Not before the settle time: until then it may be a runner pausing.
    expect(Date.now() - started).toBeGreaterThanOrEqual(settleMs);
    expect(harness.failures()).toHaveLength(1);
    expect(harness.failures()[0]?.path).toBe(path);
    expect(harness.failures()[0]?.error).not.toContain('\n');
    expect(harness.runs()).toEqual([]);

    appendFileSync(path, xml.slice(Math.floor(xml.length / 2)));
    await waitFor('the run', () => harness!.runs().length > 0);
    expect(harness.runs()[0]?.totals.tests).toBe(10);
    await sleep(quietMs + 200);
    expect(harness.failures()).toHaveLength(1);
  });

  it('makes a new run each time a rewritten file changes, and none for identical content', async () => {
    harness = await watchFolder();
    const path = join(harness.dir, 'junit.xml');
    const first = junitXml({ tests: 5, failed: 2, timestamp: '2025-12-17T11:00:00' });
    writeFileSync(path, first);
    await waitFor('run 1', () => harness!.runs().length === 1);

    writeFileSync(path, junitXml({ tests: 5, failed: 1, timestamp: '2025-12-17T11:05:00' }));
    await waitFor('run 2', () => harness!.runs().length === 2);
    expect(harness.runs()[1]?.totals.failed).toBe(1);

    // The same bytes again (pytest rerun with nothing changed, or `touch`): nothing new.
    writeFileSync(path, first);
    await sleep(quietMs + 700);
    expect(harness.runs()).toHaveLength(2);
    expect(harness.failures()).toEqual([]);
    expect(await harness.engine.listRuns({ project: 'watched' })).toHaveLength(2);
  });

  it('makes one run of two reports of one run written 100 ms apart (Vitest JUnit + JSON)', async () => {
    harness = await watchFolder();
    const fixtures = join(REPO_ROOT, 'test', 'fixtures', 'vitest', 'one-run-two-reporters');
    copyFileSync(join(fixtures, 'junit.xml'), join(harness.dir, 'junit.xml'));
    await sleep(100);
    copyFileSync(join(fixtures, 'results.json'), join(harness.dir, 'results.json'));
    await waitFor('the run', () => harness!.runs().length > 0);
    await sleep(quietMs + 500);
    expect(harness.runs()).toHaveLength(1);
    expect(harness.runs()[0]?.sources.sort()).toEqual([join(harness.dir, 'junit.xml'), join(harness.dir, 'results.json')]);
    expect(harness.runs()[0]?.totals.tests).toBe(6);
  });

  it('ingests a report in a folder that never goes quiet (a log appended all the time)', async () => {
    harness = await watchFolder();
    const log = join(harness.dir, 'server.log');
    writeFileSync(log, 'starting\n');
    const noise = setInterval(() => appendFileSync(log, `tick ${Date.now()}\n`), 100);
    try {
      // The log has been growing for longer than maxWait: it no longer holds the folder back.
      await sleep(maxWaitMs + 200);
      const written = Date.now();
      writeFileSync(join(harness.dir, 'junit.xml'), junitXml({ tests: 2, timestamp: '2025-12-17T13:00:00' }));
      await waitFor('the run while the log still grows', () => harness!.runs().length > 0, 3_000);
      expect(Date.now() - written).toBeLessThan(quietMs + 1_000);
    } finally {
      clearInterval(noise);
    }
    await sleep(quietMs + 300);
    expect(harness.runs()).toHaveLength(1);
    expect(harness.failures()).toEqual([]);
  });

  it('attaches coverage written a moment after the test results to their run', async () => {
    harness = await watchFolder();
    const reports = join(REPO_ROOT, 'test', 'fixtures', 'coverage', 'calc', 'reports');
    copyFileSync(join(reports, 'junit.xml'), join(harness.dir, 'junit.xml'));
    await sleep(150);
    copyFileSync(join(reports, 'coverage.xml'), join(harness.dir, 'coverage.xml'));
    await waitFor('the run', () => harness!.runs().length > 0);
    await sleep(quietMs + 500);
    expect(harness.runs()).toHaveLength(1);
    expect(harness.runs()[0]?.coverage).not.toBeNull();
    expect(harness.runs()[0]?.sources.sort()).toEqual([join(harness.dir, 'coverage.xml'), join(harness.dir, 'junit.xml')]);
  });

  it('waits for a line-streamed report (go test -json) to stop growing before it ingests it', async () => {
    harness = await watchFolder();
    const path = join(harness.dir, 'go-test.json');
    const lines = (names: string[]) =>
      names
        .flatMap((name) => [
          { Time: '2025-12-17T12:00:00Z', Action: 'run', Package: 'example.com/calc', Test: name },
          { Time: '2025-12-17T12:00:01Z', Action: 'pass', Package: 'example.com/calc', Test: name, Elapsed: 0.01 },
        ])
        .map((event) => `${JSON.stringify(event)}\n`)
        .join('');
    // Each piece parses on its own; a pause longer than the quiet time must not cut the run.
    writeFileSync(path, lines(['TestAdd', 'TestSub']));
    await sleep(quietMs + 400);
    appendFileSync(path, lines(['TestMul']) + `${JSON.stringify({ Time: '2025-12-17T12:00:02Z', Action: 'pass', Package: 'example.com/calc', Elapsed: 2 })}\n`);
    await waitFor('the run', () => harness!.runs().length > 0, streamQuietMs + 3_000);
    await sleep(quietMs + 300);
    expect(harness.runs()).toHaveLength(1);
    expect(harness.runs()[0]?.totals.tests).toBe(3);
  });
});
