// Electron security checklist, applied to every web contents the app ever creates: the UI
// never navigates away, never opens windows, never embeds webviews, never gets permissions.
import { app, session, type WebContents } from 'electron';
import { isUiUrl } from './app-origin.js';

export function hardenWebContents(uiOrigin: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      // Reloading the UI itself is fine; leaving it is not.
      if (!isUiUrl(url, uiOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isUiUrl(url, uiOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/**
 * Under `electron-vite dev` the UI comes from Vite's dev server, whose React refresh preamble
 * is an inline script and whose hot reload uses a WebSocket; this looser policy applies to
 * that dev server only. Builds use the strict policy sent by the app protocol.
 */
export function applyDevContentSecurityPolicy(devOrigin: string): void {
  const ws = devOrigin.replace(/^http/, 'ws');
  const policy = `default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self' ${ws}; img-src 'self' data:; object-src 'none'; base-uri 'none'`;
  session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, respond) => {
    respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
