#!/usr/bin/env node
// Retention in a long history: Settings' "delete runs older than N days" on a copy of the compare
// benchmark's 2,000-run x 5,000-test store (bench/compare.bench.js makes it), keeping the last
// --keep-days of its 90 days (23: deleting ~1,500 runs, 7.5 million results). Measured in-process:
// the whole deletion, and how long the engine's event loop was held at most meanwhile (what
// another screen or the watcher waits at worst while it runs).
// Usage: node bench/retention.bench.js [--keep-days 23] [--out bench/data/retention-results.json]
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';
import { HISTORY_VERSION } from './lib/compare-history.js';
import { machineFacts } from './lib/machine.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    'keep-days': { type: 'string', default: '23' },
    out: { type: 'string', default: join(repoRoot, 'bench/data/retention-results.json') },
  },
});
const shared = join(repoRoot, `bench/data/compare-history-v${HISTORY_VERSION}-2000x5000.db`);
if (!existsSync(shared) || existsSync(`${shared}-wal`)) throw new Error(`${shared} missing or not at rest: run node bench/compare.bench.js first`);
const scratch = mkdtempSync(join(tmpdir(), 'vigil-retention-'));
const path = join(scratch, 'vigil.db');
copyFileSync(shared, path);
register();
const { openEngine } = await import(join(repoRoot, 'src/main/engine/engine.ts'));
const engine = openEngine({ dbPath: path });
try {
  const runs = await engine.listRuns({ project: 'bench' });
  const before = runs.length;
  // "Older than N days" counts back from now; the history's days end at its latest run.
  const DAY_MS = 86_400_000;
  const cutoffMs = Date.parse(runs.at(-1).startedAt) - Number(values['keep-days']) * DAY_MS;
  const days = (Date.now() - cutoffMs) / DAY_MS;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const result = await engine.deleteRunsOlderThan({ project: 'bench', days });
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const after = (await engine.listRuns({ project: 'bench' })).length;
  if (result.deleted.length === 0 || after !== before - result.deleted.length) throw new Error(`implausible: ${before} runs, ${result.deleted.length} deleted, ${after} left`);
  const record = {
    date: new Date().toISOString(),
    machine: machineFacts(),
    keepDays: Number(values['keep-days']),
    runsBefore: before,
    runsDeleted: result.deleted.length,
    testsDeleted: result.testsDeleted,
    seconds: Number(seconds.toFixed(1)),
    msPerRun: Number(((seconds * 1000) / result.deleted.length).toFixed(1)),
    eventLoopHeldMaxMs: Number((delay.max / 1e6).toFixed(0)),
  };
  writeFileSync(values.out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(JSON.stringify(record, null, 2));
} finally {
  engine.close();
  rmSync(scratch, { recursive: true, force: true });
}
