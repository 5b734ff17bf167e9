// What only the desktop app can do for the UI, beside EngineApi: the system's folder picker and
// save dialog. Exposed by the preload as `window.vigilDesktop` (absent under `vigil serve`, where
// the browser's own download and a typed path do the same). Every call is checked here, in the
// main process, before any dialog opens or any byte is written.
import { noArgs, objectWith, string, text, type Check } from './arg-checks.js';

export interface DesktopApi {
  /** The folder the user picked in the system dialog; null when cancelled. */
  pickFolder(): Promise<string | null>;
  /** Asks where to save (the user chooses the path), then writes the text there; null when cancelled. */
  saveTextFile(query: { suggestedName: string; text: string }): Promise<{ path: string } | null>;
}

export type DesktopMethod = keyof DesktopApi;

/** Largest text the UI may ask to save: a handoff report is far below this. */
export const MAX_SAVE_TEXT = 32 * 1024 * 1024;

/** Renderer to main for DesktopApi calls: `invoke(channel, method, args)`. */
export const IPC_DESKTOP_CHANNEL = 'vigil:desktop';

/** A bare file name for the dialog's default: no folder, no control characters. */
const fileName: Check = (value, where) => {
  const problem = string(value, where);
  if (problem) return problem;
  const name = value as string;
  if (name.length > 200) return `${where} is longer than 200 characters`;
  if (/[/\\:\p{Cc}]/u.test(name) || name === '.' || name === '..') return `${where} must be a plain file name`;
  return null;
};

export const DESKTOP_CHECKS: { readonly [M in DesktopMethod]: Check } = {
  pickFolder: noArgs,
  saveTextFile: objectWith({ suggestedName: fileName, text: text(MAX_SAVE_TEXT) }),
};

export function isDesktopMethod(name: unknown): name is DesktopMethod {
  return typeof name === 'string' && Object.hasOwn(DESKTOP_CHECKS, name);
}

/** Null when the call may go ahead, else one line saying why not. */
export function checkDesktopCall(method: unknown, args: unknown): string | null {
  if (!isDesktopMethod(method)) return `unknown desktop method ${typeof method === 'string' ? `"${method.slice(0, 60)}"` : typeof method}`;
  const problem = DESKTOP_CHECKS[method](args, 'argument');
  return problem ? `${method}: ${problem}` : null;
}
