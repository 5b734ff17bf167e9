// Line-streamed reports (go test -json, TAP) parse at every line end, so a pause in the stream (a
// slow test) cannot be told from its end by parsing. Their own structure tells: a stream that is
// visibly unfinished waits longer, is stored with an "incomplete" warning only if it stays so, and
// a stream that goes on after it was stored replaces its run.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import { fixturePath } from '../../../support/fixtures.js';
import { sleep, waitFor, watchFolder, type Harness } from './watch-harness.js';

const GO_STREAM = 'go-test-json/gotestsum/testjson/testdata/input/go-test-json.out';
const TAP_STREAM = 'tap/tap-parser/combined.tap';
const TIMING = { quietMs: 150, streamQuietMs: 400, incompleteStreamMs: 2_500, settleMs: 1_000 };

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** The fixture's lines [from, to) (1-based `from`), each with its newline. */
function lines(fixture: string, from: number, to?: number): string {
  const all = readFileSync(fixturePath(fixture), 'utf8').split('\n');
  if (all.at(-1) === '') all.pop();
  return all.slice(from - 1, to === undefined ? undefined : to - 1).map((line) => `${line}\n`).join('');
}

/** What the whole stream counts (`vigil ingest` of the finished file). */
const wholeTotals = async (fixture: string) => (await readReport(fixturePath(fixture))).totals;

/**
 * Writes `fixture` into the watched folder up to `splitAt` (exclusive line number), pauses past the
 * quiet time (no run may appear), writes the rest and waits for the run that follows.
 */
async function pauseThenFinish(name: string, fixture: string, splitAt: number): Promise<void> {
  const path = join(harness!.dir, name);
  writeFileSync(path, lines(fixture, 1, splitAt));
  await sleep(TIMING.streamQuietMs + 1_000);
  expect(harness!.runs()).toEqual([]);
  appendFileSync(path, lines(fixture, splitAt));
  await waitFor('the run', () => harness!.runs().length > 0, TIMING.streamQuietMs + 3_000);
  await sleep(TIMING.streamQuietMs + 500);
}

describe('watching: line-streamed reports that pause', () => {
  it('makes one complete run of a go test -json stream that pauses mid-package past the quiet time', async () => {
    harness = await watchFolder({ timing: TIMING });
    // Lines 1-49: two packages ended, the third (internal/good) running.
    await pauseThenFinish('go-test.json', GO_STREAM, 50);

    expect(harness.runs()).toHaveLength(1);
    const [run] = harness.runs();
    expect(run?.totals).toEqual(await wholeTotals(GO_STREAM));
    expect(run?.replaces).toBeUndefined();
    expect(run?.warnings).toBeUndefined();
    expect(harness.failures()).toEqual([]);
  });

  it('stores a stream that stays unfinished with an "incomplete" warning, and replaces it when it goes on', async () => {
    harness = await watchFolder({ timing: TIMING });
    const path = join(harness.dir, 'go-test.json');
    const written = Date.now();
    writeFileSync(path, lines(GO_STREAM, 1, 50));
    await waitFor('the partial run', () => harness!.runs().length === 1, TIMING.incompleteStreamMs + 3_000);
    expect(Date.now() - written).toBeGreaterThanOrEqual(TIMING.incompleteStreamMs);
    const [partial] = harness.runs();
    expect(partial?.warnings?.map((warning) => warning.path)).toContain(path);
    expect(partial?.warnings?.find((warning) => warning.warning.startsWith('incomplete: '))?.warning).toContain(
      'package gotest.tools/gotestsum/testjson/internal/good has no pass/fail/skip event yet',
    );
    expect(partial?.totals.tests).toBeLessThan((await wholeTotals(GO_STREAM)).tests);

    appendFileSync(path, lines(GO_STREAM, 50));
    await waitFor('the whole run', () => harness!.runs().length === 2, TIMING.streamQuietMs + 3_000);
    const [, whole] = harness.runs();
    expect(whole?.replaces).toEqual([partial?.id]);
    expect(whole?.totals).toEqual(await wholeTotals(GO_STREAM));
    expect(whole?.warnings).toBeUndefined();
    expect((await harness.engine.listRuns({ project: 'watched' })).map((run) => run.id)).toEqual([whole?.id]);
  });

  it('replaces the run of a stream that looked finished when another package follows after a pause', async () => {
    harness = await watchFolder({ timing: TIMING });
    const path = join(harness.dir, 'go-test.json');
    // `go test ./...` prints a package when it is done: between packages every package seen has ended.
    writeFileSync(path, lines(GO_STREAM, 1, 8));
    await waitFor('run 1', () => harness!.runs().length === 1, TIMING.streamQuietMs + 3_000);
    appendFileSync(path, lines(GO_STREAM, 8, 100));
    await waitFor('run 2', () => harness!.runs().length === 2, TIMING.streamQuietMs + 3_000);
    appendFileSync(path, lines(GO_STREAM, 100));
    await waitFor('run 3', () => harness!.runs().length === 3, TIMING.streamQuietMs + 3_000);
    await sleep(TIMING.streamQuietMs + 500);

    const [first, second, third] = harness.runs();
    expect(harness.runs()).toHaveLength(3);
    expect(first?.warnings).toBeUndefined();
    expect(second?.replaces).toEqual([first?.id]);
    expect(third?.replaces).toEqual([second?.id]);
    expect(third?.totals).toEqual(await wholeTotals(GO_STREAM));
    expect((await harness.engine.listRuns({ project: 'watched' })).map((run) => run.id)).toEqual([third?.id]);
    expect(harness.failures()).toEqual([]);
  });

  it('waits for a TAP stream to meet its plan', async () => {
    harness = await watchFolder({ timing: TIMING });
    // "1..10" and the first four points.
    await pauseThenFinish('results.tap', TAP_STREAM, 6);

    expect(harness.runs()).toHaveLength(1);
    expect(harness.runs()[0]?.totals).toEqual(await wholeTotals(TAP_STREAM));
    expect(harness.runs()[0]?.totals.tests).toBe(10);
    expect(harness.runs()[0]?.warnings).toBeUndefined();
  });
});
