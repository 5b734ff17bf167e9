// GET /api/events: the engine's events as Server-Sent Events, one `data:` line of JSON per
// EngineEvent, for as long as the page keeps the stream open. EventSource cannot send headers,
// so this one route takes the API token from `?token=` (see server.ts); Host and Origin are
// checked as for every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineEventSource } from '../../shared/types.js';
import { securityHeaders } from './content-security-policy.js';
import { HttpError } from './http-error.js';

export const EVENTS_PATH = '/api/events';

/** A comment line now and then: proxies and the browser keep an idle stream open, and a dead client is noticed. */
const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

export function handleEvents(req: IncomingMessage, res: ServerResponse, events: EngineEventSource | undefined): void {
  if (req.method !== 'GET') throw new HttpError(405, `${req.method ?? '?'} not allowed on ${EVENTS_PATH}: use GET`, { Allow: 'GET' });
  if (!events) throw new HttpError(501, 'this server has no live events');
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
  // Between a client going away and the 'close' below, nothing more is written.
  const send = (text: string): void => {
    if (!res.destroyed && !res.writableEnded) res.write(text);
  };
  const unsubscribe = events.onEvent((event) => {
    // JSON.stringify never emits a raw newline, so one event is exactly one `data:` line.
    send(`data: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
