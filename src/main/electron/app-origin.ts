// Where the desktop UI lives. In a build it is served by our own `vigil://app/` protocol
// (not file://, which would give the page the reach of the whole file system); under
// `electron-vite dev` it is the Vite dev server.

export const APP_SCHEME = 'vigil';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** The dev server's URL, only when running unpackaged under `electron-vite dev`. */
export function devServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.ELECTRON_RENDERER_URL;
  return !isPackaged && url ? url : null;
}

/** The origin the UI is loaded from, which is the only one allowed to call the engine. */
export function uiOrigin(devUrl: string | null): string {
  if (!devUrl) return APP_ORIGIN;
  const parsed = new URL(devUrl);
  return `${parsed.protocol}//${parsed.host}`;
}

/** True when `url` belongs to the UI's origin (frames of any other origin are refused). */
export function isUiUrl(url: string, origin: string): boolean {
  try {
    // Not URL#origin: for a custom scheme such as vigil: the WHATWG URL origin is "null".
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === origin;
  } catch (error) {
    // Not a URL at all (e.g. an empty string from a frame that is gone): never the UI.
    if (error instanceof TypeError) return false;
    throw error;
  }
}
