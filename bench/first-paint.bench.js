#!/usr/bin/env node
// PRODUCT.md's desktop budget for the Live screen: its first paint with a 2,000-run history in
// under 1 s, measured in Debian's Chromium (playwright-core) against `vigil serve`, the same UI
// and API the desktop app has. Also measured on the way: the Run screen's table for one of
// those 5,000-test runs ("the run table opening in at most 1 s"), and the History screen of the
// 2,000 runs with its four charts.
//
// The history is the compare benchmark's (bench/lib/compare-history.js: 2,000 runs x 5,000
// tests, written through the engine's RunWriter with the engine's root-cause hook). It is
// copied from bench/data/compare-history-*.db when that exists (generating it takes ~10 min on a
// 2-core machine), else generated; the copy is ours, so serving it never touches the other
// benchmark's store.
//
// Each sample is a fresh browser context (no cache) opening the served URL. Figures, from the
// page's own clock (ms since navigation start):
// - live data painted: the performance mark 'vigil:live-runs', set in the effect after React
//   committed the Live screen with every project's latest run (src/renderer/live/live-view.tsx);
// - live complete: 'vigil:live-complete', once each project's card also shows what changed since
//   the run before and its failure groups;
// - first contentful paint (the browser's paint timing), for reference.
// Usage: node bench/first-paint.bench.js [--samples 7] [--warmup 1] [--runs 2000] [--tests 5000]
//        [--out bench/data/first-paint-results.json]
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';
import { TREND_BUDGET_MS } from './compare.bench.js';
import { HISTORY_VERSION, writeHistory } from './lib/compare-history.js';
import { machineFacts } from './lib/machine.js';
import { median } from './lib/measure.js';

export const FIRST_PAINT_BUDGET_MS = 1000;
export const RUN_TABLE_BUDGET_MS = 1000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function findChromium() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path)) ?? null;
}

async function ensureHistory(path, runs, tests) {
  if (existsSync(path)) return { source: 'kept', seconds: null };
  mkdirSync(dirname(path), { recursive: true });
  const shared = join(repoRoot, `bench/data/compare-history-v${HISTORY_VERSION}-${runs}x${tests}.db`);
  // Only a store at rest is copied: an empty (or absent) WAL means every write is in the main file.
  const atRest = existsSync(shared) && (!existsSync(`${shared}-wal`) || statSync(`${shared}-wal`).size === 0);
  if (atRest) {
    console.error(`copying ${shared} (same generator, version ${HISTORY_VERSION}) ...`);
    copyFileSync(shared, path);
    return { source: `copied from ${shared}`, seconds: null };
  }
  console.error(`generating ${path} (${runs} runs x ${tests} tests; ~10 min on 2 cores) ...`);
  register();
  const src = (file) => import(join(repoRoot, 'src/main/engine', file));
  const { openDatabase } = await src('store/open-database.ts');
  const { RunWriter } = await src('store/run-writer.ts');
  const { testId } = await src('model/test-identity.ts');
  const { createRootCauseService } = await src('analysis/root-cause-service.ts');
  const { RootCauseStore } = await src('store/root-cause-store.ts');
  const db = openDatabase(path);
  const causes = createRootCauseService(new RootCauseStore(db));
  const writer = new RunWriter(db, (run) => causes.writeRunCauses(run));
  const started = performance.now();
  writeHistory({ writer, testId, runs, tests, progress: (done, total) => console.error(`  wrote ${done}/${total} runs`) });
  db.close();
  return { source: 'generated', seconds: (performance.now() - started) / 1000 };
}

async function startServe(db) {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/vigil.js'), 'serve', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => {
    stderr += text;
  });
  const closed = new Promise((done) => child.on('close', done));
  const url = await new Promise((done, fail) => {
    child.stdout.setEncoding('utf8').once('data', (text) => done(text.split('\n')[0]));
    child.once('close', () => fail(new Error(`vigil serve exited: ${stderr.slice(-400)}`)));
  });
  return { url, stop: async () => (child.kill('SIGINT'), closed) };
}

async function sample(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('vigil:live-complete').length > 0, null, { timeout: 30_000 });
    const live = await page.evaluate(() => ({
      liveRunsMs: performance.getEntriesByName('vigil:live-runs')[0]?.startTime ?? null,
      liveCompleteMs: performance.getEntriesByName('vigil:live-complete')[0]?.startTime ?? null,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      cards: document.querySelectorAll('.project-card').length,
      passRate: document.querySelector('.project-card .pass-rate')?.textContent ?? null,
    }));
    // The run table of the latest run (5,000 tests): click in Live's list to rows on screen, timed in the page.
    const runTableMs = await page.evaluate(async () => {
      const link = document.querySelector('table.data-table tbody tr th button');
      if (!link) throw new Error('no run in the Live list');
      const started = performance.now();
      link.click();
      await new Promise((done) => {
        const poll = () => (document.querySelector('.test-row') && /^5,000 of/.test(document.querySelector('.count-label')?.textContent ?? '') ? done() : requestAnimationFrame(poll));
        poll();
      });
      return performance.now() - started;
    });
    // History (PRODUCT.md: "a 90-day trend in at most 100 ms"; the history spans 90 days, shown
    // whole): click in the side bar to the four charts and the runs table on screen.
    const historyMs = await page.evaluate(async () => {
      const nav = [...document.querySelectorAll('nav button')].find((button) => button.textContent?.trim() === 'History');
      if (!nav) throw new Error('no History button in the side bar');
      const started = performance.now();
      nav.click();
      await new Promise((done) => {
        const drawn = () => document.querySelectorAll('figure.chart svg, figure.chart .chart-empty').length === 4 && document.querySelector('table.data-table tbody tr input[type=checkbox]');
        const poll = () => (drawn() ? done() : requestAnimationFrame(poll));
        poll();
      });
      return performance.now() - started;
    });
    return { ...live, runTableMs, historyMs };
  } finally {
    await context.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      samples: { type: 'string', default: '7' },
      warmup: { type: 'string', default: '1' },
      runs: { type: 'string', default: '2000' },
      tests: { type: 'string', default: '5000' },
      out: { type: 'string', default: join(repoRoot, 'bench/data/first-paint-results.json') },
    },
  });
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('no Chromium: apt-get install chromium (or set CHROMIUM_PATH)');
  if (!existsSync(join(repoRoot, 'out/renderer/index.html'))) throw new Error('the app is not built: npm run build');
  const runs = Number(values.runs);
  const tests = Number(values.tests);
  const db = join(repoRoot, `bench/data/first-paint-history-v${HISTORY_VERSION}-${runs}x${tests}.db`);
  const history = await ensureHistory(db, runs, tests);
  const server = await startServe(db);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
  const samples = [];
  try {
    const total = Number(values.warmup) + Number(values.samples);
    for (let i = 0; i < total; i++) {
      const result = await sample(browser, server.url);
      const warm = i < Number(values.warmup);
      console.error(`  ${warm ? 'warm-up' : `sample ${i - Number(values.warmup) + 1}`}: live data ${result.liveRunsMs?.toFixed(0)} ms, complete ${result.liveCompleteMs?.toFixed(0)} ms, FCP ${result.fcpMs?.toFixed(0)} ms, run table ${result.runTableMs.toFixed(0)} ms, history ${result.historyMs.toFixed(0)} ms`);
      if (!warm) samples.push(result);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const stat = (key) => {
    const list = samples.map((s) => s[key]).filter((v) => typeof v === 'number');
    return { medianMs: Number(median(list).toFixed(1)), minMs: Number(Math.min(...list).toFixed(1)), maxMs: Number(Math.max(...list).toFixed(1)) };
  };
  const record = {
    date: new Date().toISOString(),
    machine: machineFacts(),
    chromium: chromiumPath,
    history: { runs, tests, generatorVersion: HISTORY_VERSION, store: db, storeBytes: statSync(db).size, ...history },
    samples: samples.length,
    figures: { liveDataPainted: stat('liveRunsMs'), liveComplete: stat('liveCompleteMs'), firstContentfulPaint: stat('fcpMs'), runTable5000: stat('runTableMs'), history2000: stat('historyMs') },
    checks: { cards: samples[0]?.cards, passRate: samples[0]?.passRate },
    raw: samples,
  };
  if (!samples.every((s) => s.cards >= 1 && s.passRate)) throw new Error(`the Live screen showed no run: ${JSON.stringify(record.checks)}`);
  writeFileSync(values.out, `${JSON.stringify(record, null, 2)}\n`);
  const f = record.figures;
  const verdict = (ms, budget) => (ms <= budget ? 'met' : '**not met**');
  console.log(`| figure (median of ${samples.length}) | result | budget |`);
  console.log('|---|---:|---|');
  console.log(`| Live: latest run of each project painted (mark \`vigil:live-runs\`) | **${f.liveDataPainted.medianMs} ms** (min ${f.liveDataPainted.minMs}, max ${f.liveDataPainted.maxMs}) | ≤ ${FIRST_PAINT_BUDGET_MS} ms: ${verdict(f.liveDataPainted.medianMs, FIRST_PAINT_BUDGET_MS)} |`);
  console.log(`| Live complete: changes since the run before and failure groups (\`vigil:live-complete\`) | ${f.liveComplete.medianMs} ms (min ${f.liveComplete.minMs}, max ${f.liveComplete.maxMs}) | |`);
  console.log(`| first contentful paint | ${f.firstContentfulPaint.medianMs} ms | |`);
  console.log(`| Run: 5,000-test table, click to rows on screen | **${f.runTable5000.medianMs} ms** (min ${f.runTable5000.minMs}, max ${f.runTable5000.maxMs}) | ≤ ${RUN_TABLE_BUDGET_MS} ms: ${verdict(f.runTable5000.medianMs, RUN_TABLE_BUDGET_MS)} |`);
  console.log(`| History: 2,000 runs (90 days), click to four charts and the runs table on screen | **${f.history2000.medianMs} ms** (min ${f.history2000.minMs}, max ${f.history2000.maxMs}) | trend ≤ ${TREND_BUDGET_MS} ms (engine, bench/compare.bench.js) |`);
  return f.liveDataPainted.medianMs <= FIRST_PAINT_BUDGET_MS ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`first-paint bench: ${error.stack ?? error}`);
    process.exitCode = 2;
  },
);
