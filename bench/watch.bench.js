#!/usr/bin/env node
// The live-watching budgets (PRODUCT.md, Budgets; issue 4), measured on the real `vigil watch
// --json` process (bin/vigil.js, built into out/), as a user runs it:
// - latency: a 1,000-test JUnit report is rewritten in a watched folder (as pytest rewrites its
//   junit.xml); the time from the file's close() to its RUN line on the watcher's stdout.
//   Median of --samples (default 25) after --warmup (default 3); budget 500 ms.
// - idle CPU: the watcher with 10 folders (a few thousand files) and nothing happening; its CPU
//   time (utime + stime from /proc/<pid>/stat) over --idle-s (default 10) seconds. Once with OS
//   events (inotify), once with --polling for comparison.
// - UI (when a Chromium is found; --no-ui skips it): the same report through `vigil serve --watch`
//   into the open Live screen, close() to the new run counted there (bench/lib/watch-ui.js); with
//   --ui-history, again with the compare benchmark's 2,000-run history in the store.
// Usage: node bench/watch.bench.js [--samples 25] [--warmup 3] [--idle-s 10] [--no-ui] [--ui-history]
//        [--out bench/data/watch-results.json]
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineFacts } from './lib/machine.js';
import { median } from './lib/measure.js';
import { findChromium, measureUiLatency } from './lib/watch-ui.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(repoRoot, 'bin', 'vigil.js');
const LATENCY_BUDGET_MS = 500;
const TESTS_PER_REPORT = 1_000;
const IDLE_FOLDERS = 10;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A 1,000-test JUnit report; `sample` makes each one's content (and so its run) new. */
function junitReport(sample) {
  const started = new Date(Date.UTC(2026, 10, 21, 9, 0, 0) + sample * 60_000).toISOString().slice(0, 19);
  const cases = [];
  for (let i = 0; i < TESTS_PER_REPORT; i++) {
    cases.push(
      i % 50 === 7
        ? `  <testcase classname="app.module${i % 40}.Tests" name="test_case_${i}" time="0.0${i % 9}"><failure message="assert ${i} == ${i + 1}">AssertionError: assert ${i} == ${i + 1}\n  at app/module${i % 40}.py:${i}</failure></testcase>`
        : `  <testcase classname="app.module${i % 40}.Tests" name="test_case_${i}" time="0.0${i % 9}"/>`,
    );
  }
  const failures = cases.filter((line) => line.includes('<failure')).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="app" tests="${TESTS_PER_REPORT}" failures="${failures}" errors="0" skipped="0" timestamp="${started}" time="12.5">\n${cases.join('\n')}\n</testsuite>\n`;
}

/** The `vigil watch` process, its stdout lines as they arrive (with arrival time) and its stderr. */
function startWatcher(dirs, db, extraArgs = []) {
  const child = spawn(process.execPath, [BIN, 'watch', ...dirs, '--json', '--db', db, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const waiting = [];
  let partial = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text) => {
    const at = performance.now();
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      const entry = { line, at };
      const waiter = waiting.shift();
      if (waiter) waiter(entry);
      else lines.push(entry);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (text) => {
    stderr += text;
  });
  const exit = new Promise((done) => child.on('close', (code, signal) => done({ code, signal })));
  return {
    child,
    exit,
    stderr: () => stderr,
    /** The next stdout line, or an error after `timeoutMs`. */
    nextLine(timeoutMs) {
      const queued = lines.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no event within ${timeoutMs} ms; stderr: ${stderr.slice(-400)}`)), timeoutMs);
        waiting.push((entry) => {
          clearTimeout(timer);
          done(entry);
        });
      });
    },
    async ready() {
      const deadline = Date.now() + 60_000;
      while (!/vigil watch: watching \d+ folder/.test(stderr)) {
        if (Date.now() > deadline) throw new Error(`the watcher did not start; stderr: ${stderr.slice(-400)}`);
        if (child.exitCode !== null) throw new Error(`the watcher exited (${child.exitCode}); stderr: ${stderr.slice(-400)}`);
        await sleep(20);
      }
    },
  };
}

async function stopWatcher(watcher) {
  watcher.child.kill('SIGINT');
  const { code, signal } = await watcher.exit;
  if (code !== 0) throw new Error(`the watcher did not stop cleanly (exit ${code ?? signal}); stderr: ${watcher.stderr().slice(-400)}`);
}

async function measureLatency(home, samples, warmup) {
  const dir = join(home, 'latency', 'reports');
  mkdirSync(dir, { recursive: true });
  const watcher = startWatcher([dir], join(home, 'latency.db'));
  await watcher.ready();
  const latencies = [];
  let bytes = 0;
  try {
    for (let sample = 0; sample < warmup + samples; sample++) {
      const content = Buffer.from(junitReport(sample));
      bytes = content.length;
      // Written and closed the way a runner does it; the clock starts at close().
      const fd = openSync(join(dir, 'junit.xml'), 'w');
      writeSync(fd, content);
      closeSync(fd);
      const closedAt = performance.now();
      const { line, at } = await watcher.nextLine(10_000);
      const run = JSON.parse(line);
      if (run.totals?.tests !== TESTS_PER_REPORT) throw new Error(`expected a RUN of ${TESTS_PER_REPORT} tests, got: ${line.slice(0, 300)}`);
      const ms = at - closedAt;
      if (sample >= warmup) latencies.push(Number(ms.toFixed(1)));
      console.error(`  latency ${sample < warmup ? 'warm-up' : `sample ${sample - warmup + 1}/${samples}`}: ${ms.toFixed(0)} ms`);
      // A pause between runs, as between two runs of a suite; also keeps samples apart.
      await sleep(250);
    }
  } finally {
    await stopWatcher(watcher);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: latencies.length,
    reportBytes: bytes,
    testsPerReport: TESTS_PER_REPORT,
    medianMs: median(latencies),
    p90Ms: sorted[Math.floor(sorted.length * 0.9)] ?? null,
    minMs: sorted[0] ?? null,
    maxMs: sorted.at(-1) ?? null,
    budgetMs: LATENCY_BUDGET_MS,
    withinBudget: median(latencies) !== null && median(latencies) <= LATENCY_BUDGET_MS,
    latenciesMs: latencies,
  };
}

/** 10 folders, each with subfolders and files, as a few projects' report trees would be. */
function makeIdleTree(home) {
  const dirs = [];
  let files = 0;
  for (let folder = 0; folder < IDLE_FOLDERS; folder++) {
    const dir = join(home, 'idle', `project-${folder}`, 'reports');
    for (let sub = 0; sub < 20; sub++) {
      mkdirSync(join(dir, `module-${sub}`), { recursive: true });
      for (let file = 0; file < 10; file++) {
        writeFileSync(join(dir, `module-${sub}`, `TEST-case-${file}.xml`), '<?xml version="1.0"?><testsuite name="x" tests="0"/>\n');
        files++;
      }
    }
    dirs.push(dir);
  }
  return { dirs, files };
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** The process's CPU time so far (user + system), in ms, from /proc/<pid>/stat. */
function cpuTimeMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields from the closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

async function measureIdle(home, tree, idleS, polling) {
  const watcher = startWatcher(tree.dirs, join(home, polling ? 'idle-polling.db' : 'idle.db'), polling ? ['--polling'] : []);
  await watcher.ready();
  try {
    // Start-up (scanning the trees) is not idling.
    await sleep(2_000);
    const before = cpuTimeMs(watcher.child.pid);
    const startedAt = performance.now();
    await sleep(idleS * 1000);
    const cpuMs = cpuTimeMs(watcher.child.pid) - before;
    const wallMs = performance.now() - startedAt;
    return {
      mode: polling ? 'polling (--polling, 1 s interval)' : 'OS events (inotify)',
      folders: tree.dirs.length,
      files: tree.files,
      idleS: Number((wallMs / 1000).toFixed(1)),
      cpuMs: Number(cpuMs.toFixed(0)),
      cpuPercent: Number(((cpuMs / wallMs) * 100).toFixed(2)),
      clockTickMs: 1000 / CLOCK_TICKS,
    };
  } finally {
    await stopWatcher(watcher);
  }
}

export async function runWatchBench(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      samples: { type: 'string', default: '25' },
      warmup: { type: 'string', default: '3' },
      'idle-s': { type: 'string', default: '10' },
      'no-ui': { type: 'boolean', default: false },
      'ui-history': { type: 'boolean', default: false },
      out: { type: 'string', default: join(repoRoot, 'bench/data/watch-results.json') },
    },
  });
  if (!existsSync(join(repoRoot, 'out', 'main', 'cli.js'))) {
    console.error('watch bench: the CLI is not built; run `npm run build` first');
    return 2;
  }
  const home = mkdtempSync(join(tmpdir(), 'vigil-watch-bench-'));
  try {
    console.error(`watch bench: latency, ${values.samples} samples of a ${TESTS_PER_REPORT}-test report via \`vigil watch --json\` ...`);
    const load1Before = Number(loadavg()[0].toFixed(2));
    const latency = await measureLatency(home, Number(values.samples), Number(values.warmup));
    const tree = makeIdleTree(home);
    console.error(`watch bench: idle CPU, ${tree.dirs.length} folders, ${tree.files} files, ${values['idle-s']} s ...`);
    const idle = await measureIdle(home, tree, Number(values['idle-s']), false);
    const idlePolling = await measureIdle(home, tree, Number(values['idle-s']), true);
    const chromium = values['no-ui'] ? null : findChromium();
    let ui = { skipped: values['no-ui'] ? '--no-ui' : 'no Chromium found (set CHROMIUM_PATH)' };
    if (chromium) {
      console.error(`watch bench: UI, ${values.samples} samples through \`vigil serve --watch\` into ${chromium} ...`);
      ui = await measureUiLatency({ home, bin: BIN, report: junitReport, samples: Number(values.samples), warmup: Number(values.warmup), chromium });
    }
    let uiHistory = { skipped: 'not asked (--ui-history)' };
    if (chromium && values['ui-history']) {
      // The compare benchmark's 2,000-run x 5,000-test store (bench/compare.bench.js makes it).
      const store = join(repoRoot, 'bench/data/compare-history-v2-2000x5000.db');
      if (!existsSync(store) || existsSync(`${store}-wal`)) uiHistory = { skipped: `${store} missing or not at rest: run bench/compare.bench.js` };
      else {
        console.error(`watch bench: UI again, the 2,000-run history open (${store} copied) ...`);
        uiHistory = { store, ...(await measureUiLatency({ home, bin: BIN, report: junitReport, samples: Number(values.samples), warmup: Number(values.warmup), chromium, store })) };
      }
    }
    const result = {
      date: new Date().toISOString(),
      machine: machineFacts(),
      load1Before,
      method: 'real `vigil watch --json` child process (bin/vigil.js -> out/main/cli.js); latency = close() of the report to its RUN line on stdout; CPU = utime+stime from /proc/<pid>/stat',
      latency,
      idle: [idle, idlePolling],
      ui,
      uiHistory,
    };
    writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify({ latency: { ...latency, latenciesMs: undefined }, idle: result.idle, ui: { ...ui, latenciesMs: undefined }, uiHistory: { ...uiHistory, latenciesMs: undefined } }, null, 2));
    console.error(`watch bench: median ${latency.medianMs} ms (budget ${LATENCY_BUDGET_MS} ms, ${latency.withinBudget ? 'met' : 'NOT met'}); idle CPU ${idle.cpuPercent}% (events), ${idlePolling.cpuPercent}% (polling); written to ${values.out}`);
    return latency.withinBudget ? 0 : 1;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runWatchBench(process.argv.slice(2));
