// Debian's Chromium for the end-to-end tests (playwright-core drives it; no browser is
// downloaded). Where it is missing the tests are skipped with the reason, except under CI
// (CI=true), where a missing browser is a failure: CI installs it (.ci/run).
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function findChromium(): string | null {
  return CANDIDATES.find((path): path is string => typeof path === 'string' && existsSync(path)) ?? null;
}

/** Null when there is no Chromium and that is acceptable here; throws under CI. */
export function chromiumOrSkipReason(): { path: string } | { skip: string } {
  const path = findChromium();
  if (path) return { path };
  const reason = 'no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)';
  if (process.env.CI === 'true') throw new Error(`e2e under CI: ${reason}`);
  return { skip: reason };
}

export async function launchChromium(path: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true });
}
