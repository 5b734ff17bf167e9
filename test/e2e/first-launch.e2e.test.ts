// The first launch: an empty store shows what to do, and one click loads the demo workspace of
// bundled real reports (resources/demo), which the screens then show like any other runs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkipReason } from './support/browser.js';
import { api, screenshotPath } from './support/serve.js';
import { openServedPage, type ServedPage } from './support/served-page.js';

const chromium = chromiumOrSkipReason();
const skip = 'skip' in chromium ? chromium.skip : null;

describe.skipIf(skip !== null)(`the first launch${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let served: ServedPage;
  let page: Page;

  beforeAll(async () => {
    if (!('path' in chromium)) throw new Error('unreachable: skipped without Chromium');
    served = await openServedPage(chromium.path, 'vigil-e2e-first-');
    page = served.page;
  });

  afterAll(async () => {
    await served?.close();
  });

  it('explains what to do when nothing is stored', async () => {
    const panel = page.locator('.first-launch');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('No test runs yet');
    expect(await page.getByRole('button', { name: 'Load the demo workspace' }).isEnabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('first-launch'), fullPage: true });
  });

  it('loads the demo workspace with one click', async () => {
    await page.getByRole('button', { name: 'Load the demo workspace' }).click();
    await expect.poll(() => page.locator('.project-card[data-ready=true]').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('.first-launch').count()).toBe(0);
    const projects = await api<string[]>(served.server.url, 'listProjects');
    expect(projects).toEqual(['demo', 'demo-coverage']);
    await page.screenshot({ path: screenshotPath('live-demo'), fullPage: true });
  });

  it('shows the demo\'s coverage in History', async () => {
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.locator('.history table.data-table').waitFor();
    await page.locator('.project-picker select').selectOption('demo-coverage');
    await expect.poll(() => page.locator('.history table.data-table tbody tr').count()).toBe(1);
    expect(await page.locator('.history table.data-table tbody tr').first().textContent()).toContain('6/8 (75.0%)');
    expect(await page.locator('.chart', { hasText: 'Line coverage' }).locator('svg').count()).toBe(1);
    await page.locator('.project-picker select').selectOption('demo');
    await expect.poll(() => page.locator('.history table.data-table tbody tr').count()).toBe(7);
    await page.screenshot({ path: screenshotPath('history-demo'), fullPage: true });
  });
});
