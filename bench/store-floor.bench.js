#!/usr/bin/env node
// How much of the ingest budget's "within 2.5x of a bare streaming parse" storing alone uses.
// In the same rounds, interleaved so that the machine's drift hits every figure alike:
//   node start      `node -e 0`: the least any command costs;
//   bare parse      bench/bare-parse.js, the budget's baseline;
//   vigil ingest    `vigil ingest FILE --db NEW.db --json`, whole process;
//   store (Vigil)   Vigil's own store step with nothing else running (bench/lib/store-floor-child.js);
//   store (floor)   SQLite storing the same rows from flat arrays already in memory: what any
//                   store of these rows in SQLite costs from JavaScript, with no work per test;
//   parse side      the parse worker's work alone, on one thread: read, parse, normalise and
//                   encode the rows (no posting), from the file's first byte to the last row.
// The floor of the whole ingest is then node start + store floor (parsing hidden entirely on the
// other core, nothing else done): the figure the 2.5x has to leave room above. That floor cannot
// be reached (the rows must be parsed and moved between threads), so a real one follows:
//   pipeline floor  bench/lib/pipeline-floor.js, whole process: the same two-thread split with none
//                   of Vigil's code and less than Vigil must do (see that file), in three stages:
//                   the parse thread alone (rows made, then dropped), + rows posted to the main
//                   thread, + rows stored in a new store of Vigil's schema.
// Usage: node bench/store-floor.bench.js [--file F] [--rounds 5] [--out bench/data/store-floor-results.json]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineFacts } from './lib/machine.js';
import { measureOnce, median, memoryMethod } from './lib/measure.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_RATIO = 2.5;

function child(file, db, mode) {
  const run = spawnSync(process.execPath, [join(repoRoot, 'bench/lib/store-floor-child.js'), file, db, mode], { cwd: repoRoot, encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) throw new Error(`store-floor-child ${mode} failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

async function wall(command, args, method) {
  const result = await measureOnce(command, args, { cwd: repoRoot, env: process.env, timeoutMs: 600_000, method });
  if (result.exitCode !== 0) throw new Error(`${args.join(' ')} exited ${result.exitCode}: ${result.stderr.slice(-300)}`);
  spawnSync('sync', { stdio: 'ignore' });
  return result;
}

export async function runStoreFloorBench(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string', default: join(repoRoot, 'bench/data/junit-100k.xml') },
      rounds: { type: 'string', default: '5' },
      out: { type: 'string', default: join(repoRoot, 'bench/data/store-floor-results.json') },
    },
  });
  const file = resolve(values.file);
  if (!existsSync(file)) throw new Error(`${file} does not exist: run node bench/generate-junit.js first`);
  if (!existsSync(join(repoRoot, 'out/main/cli.js'))) throw new Error('not built: run npm run build first');
  const method = memoryMethod();
  const scratch = mkdtempSync(join(tmpdir(), 'vigil-store-floor-'));
  const rounds = [];
  try {
    // A new store with the current migrations, copied for each pipeline-floor run.
    const template = join(scratch, 'template.db');
    await wall(process.execPath, [join(repoRoot, 'bin/vigil.js'), 'runs', '--db', template, '--json'], method);
    const pipelineFloor = async (stage, round) => {
      const args = [join(repoRoot, 'bench/lib/pipeline-floor.js'), file, stage];
      if (stage === 'store') {
        const db = join(scratch, `pipeline-${round}.db`);
        copyFileSync(template, db);
        args.push(db);
      }
      const result = await wall(process.execPath, args, method);
      return { ...result, tests: JSON.parse(result.stdout.trim().split('\n').pop()).tests };
    };
    for (let round = 0; round < Number(values.rounds); round += 1) {
      const nodeStart = await wall(process.execPath, ['-e', '0'], method);
      const bare = await wall(process.execPath, [join(repoRoot, 'bench/bare-parse.js'), file], method);
      const ingest = await wall(process.execPath, [join(repoRoot, 'bin/vigil.js'), 'ingest', file, '--db', join(scratch, `ingest-${round}.db`), '--json'], method);
      const vigilStore = child(file, join(scratch, `vigil-${round}.db`), 'vigil');
      spawnSync('sync', { stdio: 'ignore' });
      const floorStore = child(file, join(scratch, `floor-${round}.db`), 'sqlite');
      spawnSync('sync', { stdio: 'ignore' });
      const parseSide = child(file, join(scratch, `unused-${round}.db`), 'parse');
      if (parseSide.tests !== vigilStore.tests) throw new Error(`the parse side encoded ${parseSide.tests} tests, the store has ${vigilStore.tests}`);
      const pipeline = { parse: await pipelineFloor('parse', round), post: await pipelineFloor('post', round), store: await pipelineFloor('store', round) };
      const bareTests = JSON.parse(bare.stdout.trim().split('\n').pop()).testcases;
      for (const [stage, run] of Object.entries(pipeline)) {
        if (run.tests !== bareTests) throw new Error(`pipeline floor (${stage}) counted ${run.tests} tests, the bare parse ${bareTests}`);
      }
      const entry = {
        nodeStartMs: nodeStart.wallMs,
        bareMs: bare.wallMs,
        ingestMs: ingest.wallMs,
        otherCores: Math.max(...[nodeStart, bare, ingest, pipeline.parse, pipeline.post, pipeline.store].map((run) => run.otherCores ?? 0)),
        vigilStoreMs: vigilStore.openMs + vigilStore.storeMs + vigilStore.closeMs,
        floorStoreMs: floorStore.openMs + floorStore.storeMs + floorStore.closeMs,
        parseSideMs: parseSide.parseMs,
        pipelineParseMs: pipeline.parse.wallMs,
        pipelinePostMs: pipeline.post.wallMs,
        pipelineStoreMs: pipeline.store.wallMs,
        ingestCpuS: ingest.cpuS,
        pipelineStoreCpuS: pipeline.store.cpuS,
      };
      rounds.push(entry);
      console.error(`round ${round + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, Math.round(v * 100) / 100])))}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const m = (key) => median(rounds.map((round) => round[key]));
  const ratioOf = (key) => median(rounds.map((round) => round[key] / round.bareMs));
  const summary = {
    nodeStartMs: m('nodeStartMs'),
    bareMs: m('bareMs'),
    ingestMs: m('ingestMs'),
    vigilStoreMs: m('vigilStoreMs'),
    floorStoreMs: m('floorStoreMs'),
    parseSideMs: m('parseSideMs'),
    // Per round, then the median: each round's figures ran minutes apart at most.
    ingestRatio: ratioOf('ingestMs'),
    vigilStoreRatio: ratioOf('vigilStoreMs'),
    floorStoreRatio: ratioOf('floorStoreMs'),
    parseSideRatio: ratioOf('parseSideMs'),
    floorIngestRatio: median(rounds.map((round) => (round.nodeStartMs + round.floorStoreMs) / round.bareMs)),
    pipelineParseMs: m('pipelineParseMs'),
    pipelinePostMs: m('pipelinePostMs'),
    pipelineStoreMs: m('pipelineStoreMs'),
    pipelineParseRatio: ratioOf('pipelineParseMs'),
    pipelinePostRatio: ratioOf('pipelinePostMs'),
    pipelineStoreRatio: ratioOf('pipelineStoreMs'),
    ingestOverPipelineStore: median(rounds.map((round) => round.ingestMs / round.pipelineStoreMs)),
    ingestCpuS: m('ingestCpuS'),
    pipelineStoreCpuS: m('pipelineStoreCpuS'),
  };
  const result = { date: new Date().toISOString(), machine: machineFacts(), file, rounds, summary, budgetRatio: BUDGET_RATIO };
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
  const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`;
  const x = (value) => `${value.toFixed(2)}x`;
  console.log(`| figure (median of ${rounds.length} rounds) | wall | / bare parse |`);
  console.log('|---|---:|---:|');
  console.log(`| node start (\`node -e 0\`) | ${ms(summary.nodeStartMs)} | ${x(median(rounds.map((r) => r.nodeStartMs / r.bareMs)))} |`);
  console.log(`| bare streaming parse | ${ms(summary.bareMs)} | 1.00x |`);
  console.log(`| Vigil ingest, whole process | ${ms(summary.ingestMs)} | ${x(summary.ingestRatio)} |`);
  console.log(`| Vigil's store step alone (open, 100,000 tests, commit, close) | ${ms(summary.vigilStoreMs)} | ${x(summary.vigilStoreRatio)} |`);
  console.log(`| SQLite floor: same rows from flat arrays in memory | ${ms(summary.floorStoreMs)} | ${x(summary.floorStoreRatio)} |`);
  console.log(`| Vigil's parse side alone (read, parse, normalise, encode; one thread) | ${ms(summary.parseSideMs)} | ${x(summary.parseSideRatio)} |`);
  console.log(`| floor of an ingest: node start + SQLite floor | ${ms(summary.nodeStartMs + summary.floorStoreMs)} | ${x(summary.floorIngestRatio)} |`);
  console.log(`| pipeline floor: parse thread alone (rows made, dropped) | ${ms(summary.pipelineParseMs)} | ${x(summary.pipelineParseRatio)} |`);
  console.log(`| pipeline floor: + rows posted to the main thread | ${ms(summary.pipelinePostMs)} | ${x(summary.pipelinePostRatio)} |`);
  console.log(`| pipeline floor: + rows stored (whole process) | ${ms(summary.pipelineStoreMs)} | ${x(summary.pipelineStoreRatio)} |`);
  console.log(`\nVigil's ingest over the pipeline floor: ${x(summary.ingestOverPipelineStore)} (CPU ${summary.ingestCpuS?.toFixed(2)} s against ${summary.pipelineStoreCpuS?.toFixed(2)} s).`);
  console.log(`\nRoom the ${BUDGET_RATIO}x budget leaves above node start + SQLite floor for reading, normalising, moving tests between threads and classifying: ${x(BUDGET_RATIO - summary.floorIngestRatio)} of the bare parse (${ms((BUDGET_RATIO - summary.floorIngestRatio) * summary.bareMs)}).`);
  console.log(`Room it leaves above the pipeline floor for all the floor leaves out (classifying failures first): ${x(BUDGET_RATIO - summary.pipelineStoreRatio)} of the bare parse (${ms((BUDGET_RATIO - summary.pipelineStoreRatio) * summary.bareMs)}).`);
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runStoreFloorBench();
}
