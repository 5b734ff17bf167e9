// POST /api/<method> with the method's one argument as the JSON body. The method and its
// argument go through the shared contract (src/shared/api-contract.ts) before the engine sees
// them; nothing but EngineApi is reachable.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatchCall } from '../../shared/api-contract.js';
import type { EngineApi } from '../../shared/types.js';
import { HttpError, sendJson } from './http-error.js';
import { readJsonBody } from './read-json-body.js';

export const API_PREFIX = '/api/';

export async function handleApi(req: IncomingMessage, res: ServerResponse, engine: EngineApi, pathname: string): Promise<void> {
  // GET /api/events, the live event stream, is answered before this (event-stream.ts).
  const method = pathname.slice(API_PREFIX.length);
  if (req.method !== 'POST') throw new HttpError(405, `${req.method ?? '?'} not allowed on /api: use POST`, { Allow: 'POST' });
  const args = await readJsonBody(req);
  const value = await dispatchCall(engine, method, args);
  sendJson(res, 200, value);
}
