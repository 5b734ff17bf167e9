// The desktop-only dialogs (src/shared/desktop-contract.ts): present inside Electron, absent
// under `vigil serve`, where the screens fall back to a typed path and a browser download.
import type { DesktopApi } from '../../shared/desktop-contract.js';

declare global {
  interface Window {
    /** Set by the Electron preload (src/preload/index.ts). */
    readonly vigilDesktop?: DesktopApi;
  }
}

export function desktop(): DesktopApi | null {
  return window.vigilDesktop ?? null;
}
