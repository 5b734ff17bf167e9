// better-sqlite3 in node_modules is compiled for Node's ABI; Electron needs its own build,
// which scripts/postinstall.js makes in .electron-native/ when the Electron binary is present.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_NATIVE_DIR = '.electron-native';

export function electronNativeBindingPath(appRoot: string): string {
  return join(appRoot, ELECTRON_NATIVE_DIR, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** The Electron-ABI better-sqlite3 binary, when running under Electron and it was built. */
export function electronNativeBinding(appRoot: string): string | undefined {
  if (!process.versions.electron) return undefined;
  const path = electronNativeBindingPath(appRoot);
  return existsSync(path) ? path : undefined;
}
