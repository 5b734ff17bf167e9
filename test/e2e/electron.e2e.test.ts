/// <reference lib="dom" />
// A smoke test of the desktop app with Playwright's Electron driver: the window opens on the
// built UI, `window.vigil` answers over IPC, and the page has no Node. It runs only where the
// Electron binary was downloaded (`npm install` cannot fetch it everywhere); elsewhere it is
// reported as skipped with the reason, the one end-to-end test allowed to skip under CI.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, requireBuild } from './support/serve.js';

const require = createRequire(import.meta.url);

function electronBinary(): { path: string } | { reason: string } {
  let path: unknown;
  try {
    path = require('electron');
  } catch (error) {
    // electron/index.js throws when its binary was never downloaded (its message suggests a reinstall, which would not help here).
    if (!(error instanceof Error)) throw error;
    return { reason: 'the Electron binary is not installed: npm install could not download it here (see its output)' };
  }
  if (typeof path !== 'string' || !existsSync(path)) return { reason: 'the Electron binary is not installed (npm install could not download it)' };
  if (!existsSync(join(REPO, '.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))) {
    return { reason: 'better-sqlite3 was not built for Electron (.electron-native/; see npm install\'s output)' };
  }
  return { path };
}

const electron = electronBinary();

describe('the desktop app (Electron)', () => {
  it(`opens its window and answers through window.vigil${'reason' in electron ? ` (skipped: ${electron.reason})` : ''}`, async (context) => {
    if ('reason' in electron) {
      console.log(`vigil e2e: Electron smoke test skipped: ${electron.reason}`);
      context.skip(electron.reason);
      return;
    }
    requireBuild();
    const { _electron } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'vigil-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    const app = await _electron.launch({ executablePath: electron.path, args: [REPO, '--no-sandbox'], cwd: REPO, env: { ...env, VIGIL_DB: join(dir, 'vigil.db') } });
    try {
      const win = await app.firstWindow();
      await win.waitForLoadState('domcontentloaded');
      expect(await win.title()).toBe('Vigil');
      expect(win.url()).toBe('vigil://app/index.html');
      const exposed = await win.evaluate(async () => {
        const page = window as unknown as { vigil?: { listProjects(): Promise<string[]> }; vigilDesktop?: { pickFolder?: unknown } };
        return {
        projects: await page.vigil?.listProjects(),
        desktop: typeof page.vigilDesktop?.pickFolder,
        node: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        };
      });
      expect(exposed).toEqual({ projects: [], desktop: 'function', node: 'undefined', process: 'undefined' });
      await win.locator('.first-launch').waitFor();
      // One window, single instance: the main process made exactly one.
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
