// Checks that every request really comes from the page this server handed out:
// - Host must name the loopback address and port, so a DNS-rebinding page (evil.example
//   resolving to 127.0.0.1) is refused even though its requests reach the socket;
// - Origin, when the browser sends one, must be this server's own origin, so another site
//   cannot drive the API from a victim's browser;
// - /api additionally needs the per-launch token that only our index.html carries.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

export const TOKEN_HEADER = 'x-vigil-token';

export interface GuardOptions {
  /** Host header values accepted, lower case, with port (e.g. `127.0.0.1:5123`). */
  hosts: ReadonlySet<string>;
  token: string;
}

/** The validated Host header of the request. */
export function checkHostAndOrigin(req: IncomingMessage, options: GuardOptions): string {
  const host = req.headers.host?.toLowerCase();
  if (!host || !options.hosts.has(host)) throw new HttpError(403, `refused: Host "${(host ?? '').slice(0, 80)}" is not this server`);
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    throw new HttpError(403, `refused: Origin "${origin.slice(0, 80)}" is not this server`);
  }
  return host;
}

/**
 * The token comes in its header; `fromQuery` (the `?token=` of a URL) is accepted only where
 * the caller allows it: the event stream, since EventSource cannot send headers.
 */
export function checkToken(req: IncomingMessage, options: GuardOptions, fromQuery: string | null = null): void {
  const header = req.headers[TOKEN_HEADER];
  const given = typeof header === 'string' && header.length > 0 ? header : fromQuery;
  if (typeof given !== 'string' || given.length === 0) throw new HttpError(401, 'missing API token');
  const a = Buffer.from(given);
  const b = Buffer.from(options.token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new HttpError(401, 'wrong API token');
}
