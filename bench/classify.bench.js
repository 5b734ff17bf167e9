#!/usr/bin/env node
// The root-cause budget (issue 5): classifying the failures of the 100,000-test benchmark file
// (5% failures with traces) adds at most 20% to its ingest time. Each figure is one ingest in a
// fresh process over a new store, the two variants interleaved so that machine noise hits both;
// the time is the ingest itself (read, assemble, store in one transaction), measured inside the
// child, so TypeScript loading is not counted in either.
// Usage: node bench/classify.bench.js [--file F] [--runs 5] [--path stream|whole] [--out bench/data/classify-results.json]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generate } from './generate-junit.js';
import { machineFacts } from './lib/machine.js';
import { median } from './lib/measure.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_OVERHEAD = 0.2;

function ingestOnce(file, variant, scratch, index, path) {
  const db = join(scratch, `${variant}-${index}.db`);
  const child = spawnSync(process.execPath, [join(repoRoot, 'bench/lib/classify-child.js'), file, db, variant, path], { cwd: repoRoot, encoding: 'utf8', timeout: 600_000 });
  if (child.status !== 0) throw new Error(`${variant} run ${index} failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

export async function runClassifyBench(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string', default: join(repoRoot, 'bench/data/junit-100k.xml') },
      runs: { type: 'string', default: '5' },
      out: { type: 'string', default: join(repoRoot, 'bench/data/classify-results.json') },
      // stream: a lone large report parsed on the worker while stored (what `vigil ingest FILE` does);
      // whole: read whole first (multi-file batches).
      path: { type: 'string', default: 'stream' },
    },
  });
  const file = resolve(values.file);
  if (!existsSync(file)) {
    console.error(`generating ${relative(repoRoot, file)} ...`);
    generate(100_000, file, DEFAULT_SEED);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'vigil-classify-bench-'));
  const runs = { with: [], without: [] };
  try {
    for (let index = 1; index <= Number(values.runs); index++) {
      for (const variant of index % 2 ? ['without', 'with'] : ['with', 'without']) {
        const result = ingestOnce(file, variant, scratch, index, values.path);
        runs[variant].push(result);
        console.error(`  ${variant.padEnd(7)} run ${index}: ${result.ingestMs.toFixed(0)} ms, ${result.causes} causes stored${variant === 'with' ? ` (root-cause step ${result.rootCauseMs.toFixed(0)} ms)` : ''}`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const withMs = median(runs.with.map((r) => r.ingestMs));
  const withoutMs = median(runs.without.map((r) => r.ingestMs));
  const overhead = withMs / withoutMs - 1;
  // The step timed inside the "with" runs (classify every failure, store the causes), against the
  // same "without" median: what the budget figure is made of, with less of the ingest's noise.
  const rootCauseMs = median(runs.with.map((r) => r.rootCauseMs));
  const report = {
    date: new Date().toISOString(),
    machine: machineFacts(),
    file: relative(repoRoot, file),
    path: values.path,
    tests: runs.with[0]?.tests,
    failuresClassified: runs.with[0]?.causes,
    median: { withMs: Number(withMs.toFixed(1)), withoutMs: Number(withoutMs.toFixed(1)), rootCauseStepMs: Number(rootCauseMs.toFixed(1)) },
    overhead: Number(overhead.toFixed(3)),
    stepShare: Number((rootCauseMs / withoutMs).toFixed(3)),
    budget: BUDGET_OVERHEAD,
    pass: overhead <= BUDGET_OVERHEAD,
    runs,
  };
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`| ingest of ${report.file} (${report.tests} tests) | median of ${values.runs} (ms) |`);
  console.log('|---|---:|');
  console.log(`| without root causes | ${withoutMs.toFixed(0)} |`);
  console.log(`| with root causes (${report.failuresClassified} failures classified and stored in the run's transaction) | ${withMs.toFixed(0)} |`);
  console.log(`| of which the root-cause step, timed alone | ${rootCauseMs.toFixed(0)} (${((rootCauseMs / withoutMs) * 100).toFixed(1)}% of the ingest without) |`);
  console.log(`\noverhead: ${(overhead * 100).toFixed(1)}% (budget ≤ ${BUDGET_OVERHEAD * 100}%): ${report.pass ? 'PASS' : 'FAIL'}`);
  return report.pass ? 0 : 1;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = await runClassifyBench();
