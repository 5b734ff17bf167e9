// The renderer's one EngineApi: the preload's `window.vigil` inside Electron, else the HTTP API
// of `vigil serve`. Features import `engine` from here and never know which one it is.
import { createEngineClient } from '../../shared/engine-client.js';
import type { EngineApi, VigilBridge } from '../../shared/types.js';
import { httpTransport } from './http-transport.js';
import { readToken } from './read-token.js';

declare global {
  interface Window {
    /** Set by the Electron preload (src/preload/index.ts). */
    readonly vigil?: VigilBridge;
  }
}

function chooseEngine(): EngineApi {
  if (window.vigil) return window.vigil;
  const token = readToken();
  if (token) return createEngineClient(httpTransport(token));
  // Neither Electron nor `vigil serve` (e.g. index.html opened from disk): every call fails
  // with a message that says how to open the UI properly.
  return createEngineClient(async () => {
    throw new Error('no Vigil engine: open the UI with `npm start` or `vigil serve`');
  });
}

export const engine: EngineApi = chooseEngine();
