/// <reference lib="dom" />
// The Live screen with two projects while a run of one lands: that project's card shows the new
// run, and the other project's card keeps what it shows without asking the engine again (in a
// 2,000-run store, each card asking again cost the new run ~150 ms on its way to the screen).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestOutcome } from '../../src/shared/types.js';
import { REPO } from './support/serve.js';
import { chromiumOrSkipReason } from './support/browser.js';
import { api } from './support/serve.js';
import { openServedPage, type ServedPage } from './support/served-page.js';

const SHOP = join(REPO, 'test', 'fixtures', 'vitest-history', 'runs');
const CALC = join(REPO, 'test', 'fixtures', 'coverage', 'calc', 'reports');

const chromium = chromiumOrSkipReason();
const skip = 'skip' in chromium ? chromium.skip : null;

interface ApiCall {
  method: string;
  body: string;
}

describe.skipIf(skip !== null)(`Live with two projects as a run lands${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let served: ServedPage;
  let page: Page;
  let reports: string;
  let calcRun: string;
  let shopRun: string;
  const calls: ApiCall[] = [];

  beforeAll(async () => {
    if (!('path' in chromium)) throw new Error('unreachable: skipped without Chromium');
    served = await openServedPage(chromium.path, 'vigil-e2e-cards-', async ({ dir, server }) => {
      const calc = await api<IngestOutcome>(server.url, 'ingestPaths', { paths: [join(CALC, 'junit.xml')], project: 'calc' });
      const shop = await api<IngestOutcome>(server.url, 'ingestPaths', { paths: [join(SHOP, '1-2026-11-16-morning')], project: 'shop' });
      calcRun = calc.runs[0]!.id;
      shopRun = shop.runs[0]!.id;
      reports = join(dir, 'shop', 'reports');
      mkdirSync(reports, { recursive: true });
      await api(server.url, 'addWatchFolder', { path: reports, project: 'shop' });
    });
    page = served.page;
    page.on('request', (request: Request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/') && request.method() === 'POST') calls.push({ method: path.slice('/api/'.length), body: request.postData() ?? '' });
    });
  });

  afterAll(async () => {
    await served?.close();
  });

  it('asks again only for the project whose run landed', async () => {
    const cards = page.locator('.project-card[data-ready=true]');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(2);
    const calcCard = page.locator('.project-card', { hasText: 'calc' });
    const calcBefore = await calcCard.textContent();
    calls.length = 0;

    for (const file of ['junit.xml', 'results.json']) copyFileSync(join(SHOP, '2-2026-11-16-evening', file), join(reports, file));
    await expect.poll(() => page.locator('.screen-sub').textContent(), { timeout: 15_000 }).toMatch(/^3 runs stored/);
    const shopCard = page.locator('.project-card', { hasText: 'shop' });
    await expect.poll(() => shopCard.locator('.change-list').textContent(), { timeout: 10_000 }).toMatch(/fixed/);
    // Whatever the page was going to ask has been asked by now.
    await page.waitForTimeout(500);

    const asked = calls.map((call) => call.method);
    expect(asked).toContain('listRuns');
    // The shop card compares its new latest run with the run before it...
    expect(calls.some((call) => call.method === 'compareRuns' && call.body.includes(shopRun))).toBe(true);
    expect(calls.filter((call) => call.method === 'getFailures')).toHaveLength(1);
    // ...and nothing asks about calc's run, whose card shows what it showed.
    expect(calls.filter((call) => call.body.includes(calcRun))).toEqual([]);
    expect(calls.filter((call) => call.body.includes('"calc"'))).toEqual([]);
    expect(await calcCard.textContent()).toBe(calcBefore);
  });
});
