// The browser's way to the engine under `vigil serve`: POST /api/<method> with the argument as
// JSON and the per-launch token in a header (a header also keeps the request out of reach of
// plain cross-site forms).
import type { EngineTransport } from '../../shared/engine-client.js';

export function httpTransport(token: string, base = '/api/'): EngineTransport {
  return async (method, args) => {
    const response = await fetch(`${base}${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Vigil-Token': token },
      body: JSON.stringify(args ?? {}),
      credentials: 'omit',
      cache: 'no-store',
    });
    const body: unknown = await response.json().catch((error: unknown) => {
      throw new Error(`${method}: the server answered ${response.status} without JSON (${(error as Error).message})`);
    });
    if (!response.ok) {
      const message = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : `HTTP ${response.status}`;
      throw new Error(message);
    }
    return body;
  };
}
