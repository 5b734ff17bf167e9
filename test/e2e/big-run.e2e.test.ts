/// <reference lib="dom" />
// A run of 100,000 tests opens in the Run screen and scrolls smoothly: the list is virtualised
// (a few dozen rows in the DOM whatever the run's size), the table comes over the slim
// getRunTests call, and scrolling from top to bottom keeps frames short.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkipReason, launchChromium } from './support/browser.js';
import { writeBigJunit } from './support/big-junit.js';
import { requireBuild, screenshotPath, serve, vigil, type Served } from './support/serve.js';

const TESTS = 100_000;
const chromium = chromiumOrSkipReason();
const skip = 'skip' in chromium ? chromium.skip : null;

describe.skipIf(skip !== null)(`a 100,000-test run${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let dir: string;
  let server: Served;
  let browser: Browser;
  let page: Page;
  let failed = 0;

  beforeAll(async () => {
    requireBuild();
    dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-big-'));
    const reports = join(dir, 'big');
    mkdirSync(reports);
    ({ failed } = writeBigJunit(join(reports, 'junit.xml'), TESTS));
    const db = join(dir, 'vigil.db');
    const ingest = vigil(['ingest', reports, '--project', 'big', '--db', db]);
    expect(ingest.status, ingest.stderr).toBe(0);
    server = await serve(db);
    if (!('path' in chromium)) throw new Error('unreachable: skipped without Chromium');
    browser = await launchChromium(chromium.path);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.locator('table.data-table tbody tr').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens with every test listed and only the visible rows in the DOM', async () => {
    const started = Date.now();
    await page.locator('table.data-table tbody tr th button').first().click();
    await page.locator('.test-row').first().waitFor();
    await expect.poll(() => page.locator('.count-label').textContent()).toBe(`${TESTS.toLocaleString('en-US')} of ${TESTS.toLocaleString('en-US')} tests`);
    const openMs = Date.now() - started;
    console.log(`vigil e2e: the 100,000-test run table opened in ${openMs} ms (click to rows on screen, over HTTP)`);
    expect(await page.locator('.test-row').count()).toBeLessThan(100);
    // The failures come with their category once grouped.
    await expect.poll(() => page.locator('.filter-bar select option').first().textContent()).toBe('All root causes');
    await page.screenshot({ path: screenshotPath('run-100k') });
  });

  it('scrolls from top to bottom in short frames and reaches the last test', async () => {
    const list = page.locator('.test-list');
    await list.hover();
    // Frame times while the wheel scrolls the list: a full render of 100,000 rows would stall for seconds.
    await page.evaluate(() => {
      const state = window as unknown as { frames: number[]; recording: boolean };
      state.frames = [];
      state.recording = true;
      let last = performance.now();
      const tick = (now: number): void => {
        state.frames.push(now - last);
        last = now;
        if (state.recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    for (let step = 0; step < 60; step++) await page.mouse.wheel(0, 2_000);
    const frames = await page.evaluate(() => {
      const state = window as unknown as { frames: number[]; recording: boolean };
      state.recording = false;
      return state.frames;
    });
    const sorted = [...frames].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
    console.log(`vigil e2e: scrolling 100,000 rows: ${frames.length} frames, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`);
    expect(p95).toBeLessThan(100);
    expect(await page.locator('.test-row').count()).toBeLessThan(100);

    await list.focus();
    await page.keyboard.press('End');
    const last = page.locator(`.test-row[aria-posinset="${TESTS}"]`);
    await last.waitFor();
    expect(await last.locator('.test-name').textContent()).toBe(`test_case_${TESTS - 1}`);
    await page.screenshot({ path: screenshotPath('run-100k-end') });
  });

  it('filters the 100,000 tests down to the failures', async () => {
    await page.getByRole('button', { name: /^passed/ }).click();
    await page.getByRole('button', { name: /^skipped/ }).click();
    await expect.poll(() => page.locator('.count-label').textContent()).toBe(`${failed.toLocaleString('en-US')} of ${TESTS.toLocaleString('en-US')} tests`);
    await page.getByLabel('Filter tests by text').fill('test_case_99987');
    await expect.poll(() => page.locator('.count-label').textContent()).toBe(`1 of ${TESTS.toLocaleString('en-US')} tests`);
  });
});
