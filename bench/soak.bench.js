#!/usr/bin/env node
// Left open for a day: PRODUCT.md's user leaves Vigil open through a whole test session. This runs
// `vigil serve --watch DIR` with the Live screen open in Chromium (its event stream connected) and
// rewrites the watched junit.xml --runs times (a 1,000-test report with 20 failures, as pytest
// rewrites its own), waiting each time for the Live screen to count the new run. The server's
// resident memory (/proc/PID/status VmRSS) and the page's JS heap are sampled every --every runs:
// a leak shows as growth that goes on with the runs; a bounded cache as growth that stops.
// Usage: node bench/soak.bench.js [--runs 400] [--every 50] [--out bench/data/soak-results.json]
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineFacts } from './lib/machine.js';
import { findChromium, openLive, serveWatched, storedMoreThan } from './lib/watch-ui.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(repoRoot, 'bin', 'vigil.js');
const TESTS = 1_000;

/** A 1,000-test report; `n` makes its content, start time and so its run new; 20 failures of 4 kinds. */
function report(n) {
  const started = new Date(Date.UTC(2026, 10, 21, 9, 0, 0) + n * 60_000).toISOString().slice(0, 19);
  const kinds = [
    (i) => `AssertionError: assert ${i} == ${i + 1}`,
    () => `sqlalchemy.exc.IntegrityError: UNIQUE constraint failed: users.email`,
    () => `requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8081): Max retries exceeded`,
    (i) => `TimeoutError: waited ${1000 + (n % 7)} ms for element #submit-${i % 3}`,
  ];
  const cases = [];
  for (let i = 0; i < TESTS; i++) {
    const failing = i % 50 === (n % 50);
    const message = kinds[i % 4](i);
    cases.push(
      failing
        ? `  <testcase classname="app.module${i % 40}.Tests" name="test_case_${i}" time="0.0${i % 9}"><failure message="${message.replace(/"/g, '&quot;')}">${message}\n  at app/module${i % 40}.py:${i}</failure></testcase>`
        : `  <testcase classname="app.module${i % 40}.Tests" name="test_case_${i}" time="0.0${i % 9}"/>`,
    );
  }
  const failures = cases.filter((line) => line.includes('<failure')).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="app" tests="${TESTS}" failures="${failures}" errors="0" skipped="0" timestamp="${started}" time="12.5">\n${cases.join('\n')}\n</testsuite>\n`;
}

const rssMiB = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '400' },
      every: { type: 'string', default: '50' },
      out: { type: 'string', default: join(repoRoot, 'bench/data/soak-results.json') },
    },
  });
  const runs = Number(values.runs);
  const every = Number(values.every);
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('no Chromium: apt-get install chromium (or set CHROMIUM_PATH)');
  const home = mkdtempSync(join(tmpdir(), 'vigil-soak-'));
  const project = join(home, 'app');
  const dir = join(project, 'reports');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(project, 'package.json'), '{}\n');
  writeFileSync(join(dir, 'junit.xml'), report(0));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  const samples = [];
  const started = performance.now();
  let served = null;
  try {
    served = await serveWatched(BIN, join(home, 'vigil.db'), dir);
    const page = await openLive(browser, served.url, dir);
    const sample = async (n) => {
      const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
      const entry = { runs: n, serverRssMiB: Number(rssMiB(served.pid).toFixed(1)), pageHeapMiB: heap === null ? null : Number((heap / 1048576).toFixed(1)), elapsedS: Number(((performance.now() - started) / 1000).toFixed(0)) };
      samples.push(entry);
      console.error(`  ${n} runs: server ${entry.serverRssMiB} MiB, page heap ${entry.pageHeapMiB} MiB, ${entry.elapsedS} s`);
    };
    await sample(1);
    for (let n = 2; n <= runs; n++) {
      const fd = openSync(join(dir, 'junit.xml'), 'w');
      writeSync(fd, report(n));
      closeSync(fd);
      await storedMoreThan(page, n - 1, 30_000);
      if (n % every === 0) await sample(n);
    }
  } finally {
    await browser.close();
    await served?.stop();
    rmSync(home, { recursive: true, force: true });
  }
  const secondHalf = samples.filter((s) => s.runs >= runs / 2);
  const record = { date: new Date().toISOString(), machine: machineFacts(), runs, testsPerRun: TESTS, samples, serverRssGrowthSecondHalfMiB: Number(((samples.at(-1)?.serverRssMiB ?? 0) - (secondHalf[0]?.serverRssMiB ?? 0)).toFixed(1)) };
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(JSON.stringify({ samples, serverRssGrowthSecondHalfMiB: record.serverRssGrowthSecondHalfMiB }, null, 2));
}

main().catch((error) => {
  console.error(`soak bench: ${error.stack ?? error}`);
  process.exitCode = 2;
});
