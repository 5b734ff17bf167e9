// The main window's size and position, remembered across launches in a small JSON file in
// the user-data folder. A missing or damaged file just means the default size.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false };
const MIN_SIZE = 400;
const MAX_SIZE = 100_000;

export function parseWindowState(text: string): WindowState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return DEFAULT_WINDOW_STATE;
    throw error;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_WINDOW_STATE;
  const record = value as Record<string, unknown>;
  const size = (n: unknown, fallback: number): number =>
    typeof n === 'number' && Number.isFinite(n) ? Math.min(MAX_SIZE, Math.max(MIN_SIZE, Math.round(n))) : fallback;
  const state: WindowState = {
    width: size(record.width, DEFAULT_WINDOW_STATE.width),
    height: size(record.height, DEFAULT_WINDOW_STATE.height),
    maximized: record.maximized === true,
  };
  if (Number.isInteger(record.x) && Number.isInteger(record.y)) {
    state.x = record.x as number;
    state.y = record.y as number;
  }
  return state;
}

export function loadWindowState(file: string): WindowState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_WINDOW_STATE;
    throw error;
  }
  return parseWindowState(text);
}

/** Written to a temporary file first, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state)}\n`);
  renameSync(temp, file);
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Keeps a remembered position only if enough of the window would be on some display. */
export function visibleOnSomeDisplay(state: WindowState, workAreas: readonly Rect[]): boolean {
  if (state.x === undefined || state.y === undefined) return false;
  const { x, y } = state;
  return workAreas.some((area) => {
    const overlapW = Math.min(x + state.width, area.x + area.width) - Math.max(x, area.x);
    const overlapH = Math.min(y + state.height, area.y + area.height) - Math.max(y, area.y);
    return overlapW >= 100 && overlapH >= 50;
  });
}
