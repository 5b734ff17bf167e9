import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, devServerUrl, isUiUrl, uiOrigin } from '../../../src/main/electron/app-origin.js';

describe('app origin', () => {
  it('recognises the UI on the app protocol and nothing else', () => {
    expect(isUiUrl('vigil://app/index.html', APP_ORIGIN)).toBe(true);
    expect(isUiUrl('vigil://app/', APP_ORIGIN)).toBe(true);
    for (const url of ['vigil://evil/index.html', 'vigil://app.evil/', 'vigil://x@evil/', 'https://app/', 'file:///index.html', 'about:blank', '']) {
      expect(isUiUrl(url, APP_ORIGIN), url).toBe(false);
    }
  });

  it('uses the dev server only when unpackaged and asked to', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(devServerUrl(false, env)).toBe('http://localhost:5173');
    expect(devServerUrl(true, env)).toBeNull();
    expect(devServerUrl(false, {})).toBeNull();
    expect(uiOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(isUiUrl('http://localhost:5173/src/main.tsx', uiOrigin('http://localhost:5173'))).toBe(true);
    expect(isUiUrl('http://localhost:5174/', uiOrigin('http://localhost:5173'))).toBe(false);
    expect(uiOrigin(null)).toBe(APP_ORIGIN);
  });
});
