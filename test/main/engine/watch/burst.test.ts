// Acceptance (issue 4): thousands of files at once (an xdist or sharded run) are all ingested,
// assembled into runs as `vigil ingest` would assemble them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { junitXml, waitFor, watchFolder, type Harness } from './watch-harness.js';

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('watching: a burst of files', () => {
  it('ingests 1,000 files written in one burst, each exactly once, without errors', async () => {
    harness = await watchFolder();
    const shards = join(harness.dir, 'shards');
    mkdirSync(shards);
    for (let i = 0; i < 1_000; i++) {
      writeFileSync(join(shards, `TEST-shard-${String(i).padStart(4, '0')}.xml`), junitXml({ tests: 1, suite: `shard${i}`, timestamp: '2025-12-17T09:00:00' }));
    }
    const sources = () => harness!.runs().reduce((total, run) => total + run.sources.length, 0);
    await waitFor('1,000 ingested files', () => sources() >= 1_000, 20_000);
    expect(sources()).toBe(1_000);
    // One run: the shards of one folder share a start time.
    expect(harness.runs()).toHaveLength(1);
    expect(harness.runs()[0]?.totals.tests).toBe(1_000);
    expect(harness.failures()).toEqual([]);
  }, 30_000);
});
