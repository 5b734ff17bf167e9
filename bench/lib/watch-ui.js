// The end-to-end figure behind PRODUCT.md's "a result file closed by its runner shows in the
// open UI within 500 ms": `vigil serve --watch DIR` with the UI open in a real Chromium
// (playwright-core, a dev dependency; the browser is the system's). Each sample rewrites the
// watched report and times close() to the Live screen counting the new run. `store`, when
// given, is a store to start from (a copy of it: a long history already open).
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  return CANDIDATES.find((path) => path && existsSync(path)) ?? null;
}

export async function measureUiLatency({ home, bin, report, samples, warmup, chromium, store = null }) {
  const { chromium: playwright } = await import('playwright-core');
  const db = join(home, store ? 'ui-history.db' : 'ui.db');
  if (store) copyFileSync(store, db);
  const project = join(home, store ? 'ui-history' : 'ui', 'app');
  const dir = join(project, 'reports');
  mkdirSync(dir, { recursive: true });
  // A project marker, so every run lands in one project and one history table.
  writeFileSync(join(project, 'package.json'), '{}\n');
  writeFileSync(join(dir, 'junit.xml'), report(-1));
  const browser = await playwright.launch({ executablePath: chromium, args: ['--no-sandbox'] });
  let served = null;
  try {
    served = await serveWatched(bin, db, dir);
    const page = await openLive(browser, served.url, dir);
    const latencies = [];
    for (let sample = 0; sample < warmup + samples; sample++) {
      const before = await storedRuns(page);
      const fd = openSync(join(dir, 'junit.xml'), 'w');
      writeSync(fd, report(sample + 1000));
      closeSync(fd);
      const closedAt = performance.now();
      await storedMoreThan(page, before, 10_000);
      const ms = performance.now() - closedAt;
      if (sample >= warmup) latencies.push(Number(ms.toFixed(1)));
      console.error(`  UI ${sample < warmup ? 'warm-up' : `sample ${sample - warmup + 1}/${samples}`}: ${ms.toFixed(0)} ms`);
      await new Promise((done) => setTimeout(done, 250));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    return { samples: latencies.length, medianMs: median(latencies), p90Ms: sorted[Math.floor(sorted.length * 0.9)] ?? null, maxMs: sorted.at(-1) ?? null, latenciesMs: latencies };
  } finally {
    await browser.close();
    await served?.stop();
  }
}

/** `vigil serve --db DB --watch DIR`, once it has printed its URL; `stop` ends it. */
export async function serveWatched(bin, db, dir) {
  const server = spawn(process.execPath, [bin, 'serve', '--db', db, '--watch', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.setEncoding('utf8').on('data', (text) => {
    stderr += text;
  });
  const exited = new Promise((done) => server.on('close', (code, signal) => done({ code, signal })));
  const url = await new Promise((done, fail) => {
    server.stdout.setEncoding('utf8').once('data', (text) => done(text.split('\n')[0]));
    server.once('close', () => fail(new Error(`vigil serve exited: ${stderr.slice(-400)}`)));
  });
  return { url, pid: server.pid, stop: async () => (server.kill('SIGINT'), exited) };
}

/** The watched folder's reports imported (the page gets a project to open on), then a page on Live. */
export async function openLive(browser, url, dir) {
  await fetchJson(url, 'importExisting', { path: dir }, await tokenOf(url));
  const page = await browser.newPage();
  await page.goto(url);
  await storedMoreThan(page, 0, 30_000);
  return page;
}

/** Live's "N runs stored", which the page writes once the list with the new run is in. */
export function storedRuns(page) {
  return page.evaluate(() => Number(/^([\d,]+) runs? stored/.exec(document.querySelector('.screen-sub')?.textContent ?? '')?.[1]?.replace(/,/g, '') ?? NaN));
}

/** Waits until Live counts more than `count` runs (a function, not a string: the page's CSP forbids eval). */
export function storedMoreThan(page, count, timeout) {
  const more = (want) => Number(/^([\d,]+) runs? stored/.exec(document.querySelector('.screen-sub')?.textContent ?? '')?.[1]?.replace(/,/g, '') ?? NaN) > want;
  return page.waitForFunction(more, count, { timeout, polling: 'raf' });
}

export async function tokenOf(url) {
  const html = await (await fetch(url)).text();
  const token = /name="vigil-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the served page carries no API token');
  return token;
}

export async function fetchJson(url, method, body, token) {
  const response = await fetch(`${url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Vigil-Token': token },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
