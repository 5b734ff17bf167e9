/// <reference lib="dom" />
// The app end to end, as a user sees it: `vigil serve` over a store holding six real Vitest
// runs, the UI in Debian's Chromium. History shows the stored runs; the seventh run's reports,
// copied into a watched folder, appear without a reload; two runs are compared; the handoff
// report is rendered, copied and saved; root causes, the run table and settings work. Every
// screen is photographed into test/e2e/screenshots/ (gitignored).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunComparison } from '../../src/shared/compare-types.js';
import type { HandoffReport } from '../../src/shared/report-types.js';
import type { RunFailures } from '../../src/shared/root-cause-types.js';
import type { RunSummary } from '../../src/shared/types.js';
import { chromiumOrSkipReason, launchChromium } from './support/browser.js';
import { api, REPO, requireBuild, screenshotPath, serve, vigil, type Served } from './support/serve.js';

const RUNS = join(REPO, 'test', 'fixtures', 'vitest-history', 'runs');
const STORED = ['1-2026-11-16-morning', '2-2026-11-16-evening', '3-2026-11-17', '4-2026-11-18', '5-2026-11-19', '6-2026-11-20-first'];
const LANDS = '7-2026-11-20-rerun';

const chromium = chromiumOrSkipReason();
const skip = 'skip' in chromium ? chromium.skip : null;

describe.skipIf(skip !== null)(`the app in Chromium against vigil serve${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let dir: string;
  let server: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reports: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuild();
    dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
    const db = join(dir, 'vigil.db');
    for (const run of STORED) {
      const result = vigil(['ingest', join(RUNS, run), '--project', 'shop', '--db', db]);
      expect(result.status, result.stderr).toBe(0);
    }
    reports = join(dir, 'shop', 'reports');
    mkdirSync(reports, { recursive: true });
    writeFileSync(join(dir, 'shop', 'package.json'), '{}\n');
    server = await serve(db);
    await api(server.url, 'addWatchFolder', { path: reports, project: 'shop' });
    if (!('path' in chromium)) throw new Error('unreachable: skipped without Chromium');
    browser = await launchChromium(chromium.path);
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens on Live with the latest run of the project', async () => {
    const card = page.locator('.project-card', { hasText: 'shop' });
    await card.waitFor();
    await expect.poll(() => card.getAttribute('data-ready')).toBe('true');
    // Run 6: 9 of 15 passed.
    expect(await card.locator('.pass-rate').textContent()).toBe('9/15 (60.0%)');
    expect(await page.locator('.folder-row').first().textContent()).toContain(reports);
    await page.screenshot({ path: screenshotPath('live'), fullPage: true });
  });

  it('shows a report copied into the watched folder without a reload', async () => {
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const rows = page.locator('table.data-table tbody tr');
    expect(await rows.count()).toBe(6);
    for (const file of ['junit.xml', 'results.json']) copyFileSync(join(RUNS, LANDS, file), join(reports, file));
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(7);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const card = page.locator('.project-card', { hasText: 'shop' });
    // Run 7 is a rerun of run 6's code: same figures, nothing changed between them.
    await expect.poll(() => card.locator('.change-list').textContent()).toContain('0 fixed0 regressed');
    expect(await card.getAttribute('data-ready')).toBe('true');
    await page.screenshot({ path: screenshotPath('live-after-new-run'), fullPage: true });
  });

  it('History shows every stored run with its trend charts', async () => {
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const rows = page.locator('.history table.data-table tbody tr');
    await expect.poll(() => rows.count()).toBe(7);
    expect(await page.locator('.chart svg').count()).toBe(3); // pass rate, failures by category, duration; no coverage in these runs
    expect(await page.locator('.chart', { hasText: 'Line coverage' }).textContent()).toContain('No data');
    const firstRow = await rows.first().textContent();
    expect(firstRow).toContain('9/15 (60.0%)');
    await page.screenshot({ path: screenshotPath('history'), fullPage: true });
  });

  it('compares two runs picked in History, with the figures of compareRuns', async () => {
    const runs = await api<RunSummary[]>(server.url, 'listRuns', { project: 'shop' });
    const rows = page.locator('.history table.data-table tbody tr');
    // Newest first: run 7 is row 0, run 1 is row 6.
    await rows.nth(6).locator('input[type=checkbox]').check();
    await rows.nth(0).locator('input[type=checkbox]').check();
    await page.getByRole('button', { name: 'Compare picked runs' }).click();
    await page.locator('.compare .tiles').waitFor();
    const expected = await api<RunComparison>(server.url, 'compareRuns', { before: runs[0]?.id, after: runs[6]?.id });
    const tile = (label: string) => page.locator('.tile', { hasText: label }).locator('.tile-value');
    expect(await tile('Fixed').textContent()).toBe(String(expected.fixed.length));
    expect(await tile('Regressed').textContent()).toBe(String(expected.regressed.length));
    expect(await tile('Still failing').textContent()).toBe(String(expected.stillFailing.length));
    expect(await page.locator('.tile').first().textContent()).toContain('8/13 (61.5%) → 9/15 (60.0%)');
    await page.screenshot({ path: screenshotPath('compare'), fullPage: true });
  });

  it('renders the handoff report of those runs, copies it and saves it as Markdown', async () => {
    await page.getByRole('button', { name: 'Report on these runs' }).click();
    const article = page.locator('article.markdown');
    await article.waitFor();
    const report = await api<HandoffReport>(server.url, 'getReport', { project: 'shop' });
    expect(await article.locator('h2').first().textContent()).toBe('Handoff report: shop');
    expect(await article.textContent()).toContain('8/13 (61.5%)');
    // Tables come out as tables, with their columns.
    expect(await article.locator('table').count()).toBeGreaterThanOrEqual(3);

    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    await expect.poll(() => page.locator('.report [role=status]').textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report.markdown);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as Markdown…' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('vigil-report-shop-2026-11-20.md');
    const path = join(dir, 'saved.md');
    await saved.saveAs(path);
    expect(readFileSync(path, 'utf8')).toBe(report.markdown);
    await page.screenshot({ path: screenshotPath('report'), fullPage: true });
  });

  it('Root causes groups the latest run\'s failures and moves one to another category', async () => {
    await page.getByRole('button', { name: 'Root causes', exact: true }).click();
    const cards = page.locator('.group-card');
    await cards.first().waitFor();
    const failures = await api<RunFailures>(server.url, 'getFailures', { run: 'latest', project: 'shop' });
    expect(await cards.count()).toBe(failures.groups.length);
    expect(await page.locator('.group-facts').first().textContent()).toMatch(/first seen .* in \d+ of 7 runs/);
    await page.screenshot({ path: screenshotPath('root-causes'), fullPage: true });

    const group = failures.groups[0];
    if (!group) throw new Error('the latest run has failures');
    const target = group.category === 'flaky' ? 'test_defect' : 'flaky';
    await page.getByLabel(`Move "${group.title}" to another category`).selectOption(target);
    await expect
      .poll(async () => (await api<RunFailures>(server.url, 'getFailures', { run: 'latest', project: 'shop' })).groups.find((g) => g.signature === group.signature)?.category)
      .toBe(target);
    await expect.poll(() => page.locator(`#cat-${target}`).count()).toBe(1);
  });

  it('Run lists every test, filters them and shows a failure with its evidence', async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.test-row').first().waitFor();
    expect(await page.locator('.count-label').textContent()).toBe('15 of 15 tests');
    await page.getByRole('button', { name: /^passed/ }).click();
    await page.getByRole('button', { name: /^skipped/ }).click();
    expect(await page.locator('.count-label').textContent()).toBe('3 of 15 tests');
    await page.locator('.test-row').first().click();
    const detail = page.locator('.test-detail');
    await detail.locator('.classification').waitFor();
    expect(await detail.textContent()).toContain('Message');
    await page.getByLabel('Filter tests by text').fill('coupon');
    await expect.poll(() => page.locator('.count-label').textContent()).toBe('1 of 15 tests');
    await page.screenshot({ path: screenshotPath('run'), fullPage: true });
  });

  it('Settings lists the watched folder and the project with its retention', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.locator('.settings-folder').first().waitFor();
    expect(await page.locator('.settings-folder').first().textContent()).toContain(reports);
    expect(await page.locator('.settings table.data-table tbody tr').first().textContent()).toContain('shop');
    await page.screenshot({ path: screenshotPath('settings'), fullPage: true });
  });

  it('switches to the dark theme and moves between screens with the keyboard', async () => {
    await page.getByRole('button', { name: 'Dark' }).first().click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.keyboard.press('Alt+1');
    await page.locator('.project-card[data-ready=true]').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('live-title');
    await page.screenshot({ path: screenshotPath('live-dark'), fullPage: true });
    await page.keyboard.press('Alt+2');
    await page.locator('.history table.data-table').waitFor();
    await page.screenshot({ path: screenshotPath('history-dark'), fullPage: true });
    await page.getByRole('button', { name: 'System' }).first().click();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
