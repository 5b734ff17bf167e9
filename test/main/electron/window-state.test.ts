import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, loadWindowState, parseWindowState, saveWindowState, visibleOnSomeDisplay } from '../../../src/main/electron/window-state.js';

describe('window state', () => {
  it('round-trips through its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-window-'));
    const file = join(dir, 'nested', 'window-state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(file, { x: 10, y: 20, width: 900, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true });
    writeFileSync(file, '{"width": 9');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    rmSync(dir, { recursive: true, force: true });
  });

  it('clamps sizes and drops a position that is not whole numbers', () => {
    expect(parseWindowState('{"width": 5, "height": 1e9, "x": 1.5, "y": 2}')).toEqual({ width: 400, height: 100000, maximized: false });
    expect(parseWindowState('null')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a position only when the window would be on a display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(visibleOnSomeDisplay({ x: 100, y: 100, width: 800, height: 600, maximized: false }, displays)).toBe(true);
    expect(visibleOnSomeDisplay({ x: 5000, y: 100, width: 800, height: 600, maximized: false }, displays)).toBe(false);
    expect(visibleOnSomeDisplay(DEFAULT_WINDOW_STATE, displays)).toBe(false);
  });
});
