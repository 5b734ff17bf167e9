/// <reference lib="dom" />
// A run that grows while it is open: Maven Surefire writes one TEST-*.xml per class as the run
// goes on; the watcher stores the first class as a run, and the next class file, seconds later,
// joins it and replaces it under a new id. The Run screen open on the first id follows it.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/shared/types.js';
import { fixturePath } from '../support/fixtures.js';
import { chromiumOrSkipReason, launchChromium } from './support/browser.js';
import { api, requireBuild, screenshotPath, serve, type Served } from './support/serve.js';

const SUREFIRE = 'junit-xml/action-junit-report/tests/utils/target/surefire-reports';
const CLASSES = ['TEST-action.surefire.report.calc.CalcUtilsTest.xml', 'TEST-action.surefire.report.calc.StringUtilsTest.xml'];

const chromium = chromiumOrSkipReason();
const skip = 'skip' in chromium ? chromium.skip : null;

describe.skipIf(skip !== null)(`a run that grows while it is open${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let dir: string;
  let reports: string;
  let server: Served;
  let browser: Browser;
  let page: Page;
  const listRuns = (): Promise<RunSummary[]> => api<RunSummary[]>(server.url, 'listRuns', { project: 'calc' });

  beforeAll(async () => {
    requireBuild();
    dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-grow-'));
    reports = join(dir, 'target', 'surefire-reports');
    mkdirSync(reports, { recursive: true });
    server = await serve(join(dir, 'vigil.db'));
    await api(server.url, 'addWatchFolder', { path: reports, project: 'calc' });
    if (!('path' in chromium)) throw new Error('unreachable: skipped without Chromium');
    browser = await launchChromium(chromium.path);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
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
