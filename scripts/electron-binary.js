// Whether the Electron binary was downloaded: shared by postinstall.js and start.js.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron executable's path, or null when electron or its binary is missing. */
export function electronBinaryPath() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch (error) {
    // electron/index.js throws when its binary was never downloaded, and a production install
    // has no electron at all: both mean "no binary", which is what we test for.
    if (error instanceof Error) return null;
    throw error;
  }
}
