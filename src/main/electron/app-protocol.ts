// Serves the built renderer on vigil://app/ with the same CSP and security headers as
// `vigil serve`, resolving paths with the same traversal-safe lookup.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../serve/content-security-policy.js';
import { contentType, resolveStaticFile } from '../serve/static-files.js';
import { APP_SCHEME } from './app-origin.js';

/** Must run before the app is ready: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and a real origin for 'self'; secure: a secure context;
    // corsEnabled: Chromium fetches module scripts (crossorigin) in CORS mode.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app' || request.method !== 'GET') return new Response('not found', { status: 404, headers: securityHeaders() });
    const found = resolveStaticFile(rendererDir, url.pathname);
    if (found.kind === 'bad-path') return new Response(found.reason, { status: 400, headers: securityHeaders() });
    if (found.kind === 'not-found') return new Response('not found', { status: 404, headers: securityHeaders() });
    const body = await readFile(found.path);
    return new Response(body, { status: 200, headers: { ...securityHeaders(), 'Content-Type': contentType(found.path) } });
  });
}
