/// <reference lib="dom" />
// A run that grows while it is open: Maven Surefire writes one TEST-*.xml per class as the run
// goes on; the watcher stores the first class as a run, and the next class file, seconds later,
// joins it and replaces it under a new id. The Run screen open on the first id follows it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/shared/types.js';
import { fixturePath } from '../support/fixtures.js';
import { chromiumOrSkipReason } from './support/browser.js';
import { api, screenshotPath } from './support/serve.js';
import { openServedPage, type ServedPage } from './support/served-page.js';

const SUREFIRE = 'junit-xml/action-junit-report/tests/utils/target/surefire-reports';
const CLASSES = ['TEST-action.surefire.report.calc.CalcUtilsTest.xml', 'TEST-action.surefire.report.calc.StringUtilsTest.xml'];

const chromium = chromiumOrSkipReason();
const skip = 'skip' in chromium ? chromium.skip : null;

describe.skipIf(skip !== null)(`a run that grows while it is open${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let served: ServedPage;
  let reports: string;
  let page: Page;
  const listRuns = (): Promise<RunSummary[]> => api<RunSummary[]>(served.server.url, 'listRuns', { project: 'calc' });

  beforeAll(async () => {
    if (!('path' in chromium)) throw new Error('unreachable: skipped without Chromium');
    served = await openServedPage(chromium.path, 'vigil-e2e-grow-', async ({ dir, server }) => {
      reports = join(dir, 'target', 'surefire-reports');
      mkdirSync(reports, { recursive: true });
      await api(server.url, 'addWatchFolder', { path: reports, project: 'calc' });
    });
    page = served.page;
  });

  afterAll(async () => {
    await served?.close();
  });

  it('keeps showing the run on the Run screen when a later class file replaces it', async () => {
    copyFileSync(fixturePath(`${SUREFIRE}/${CLASSES[0]}`), join(reports, CLASSES[0]!));
    await expect.poll(async () => (await listRuns()).length, { timeout: 15_000 }).toBe(1);
    const [first] = await listRuns();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.locator(`button[title="${first!.id}"]`).click();
    const count = page.locator('.count-label');
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toBe(`${first!.totals.tests} of ${first!.totals.tests} tests`);

    copyFileSync(fixturePath(`${SUREFIRE}/${CLASSES[1]}`), join(reports, CLASSES[1]!));
    await expect.poll(async () => (await listRuns()).map((run) => run.id), { timeout: 15_000 }).not.toEqual([first!.id]);
    const runs = await listRuns();
    expect(runs).toHaveLength(1);
    const grown = runs[0]!;
    expect(grown.totals.tests).toBeGreaterThan(first!.totals.tests);
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toBe(`${grown.totals.tests} of ${grown.totals.tests} tests`);
    expect(await page.locator('.error, [role=alert]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('run-grown'), fullPage: true });
  });
});
