// One browser page on `vigil serve` over a new store in a temp folder: what an e2e test that
// starts from an empty store sets up and tears down.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { requireBuild, serve, type Served } from './serve.js';

export interface ServedPage {
  dir: string;
  server: Served;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** `prepare` runs once the server is up, before the page opens (add watched folders there). */
export async function openServedPage(chromiumPath: string, prefix: string, prepare: (served: { dir: string; server: Served }) => Promise<void> = async () => undefined): Promise<ServedPage> {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const server = await serve(join(dir, 'vigil.db'));
  let browser: Browser | null = null;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await prepare({ dir, server });
    browser = await launchChromium(chromiumPath);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    return { dir, server, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
