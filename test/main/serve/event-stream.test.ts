// GET /api/events: the engine's events as Server-Sent Events, for the page of `vigil serve`.
// The token comes in the query (EventSource cannot send headers); Host and Origin are checked.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../src/main/engine/engine.js';
import { startServer, type RunningServer } from '../../../src/main/serve/server.js';
import type { EngineEvent } from '../../../src/shared/types.js';
import { tempDir } from '../../support/temp.js';
import { junitXml, waitFor } from '../engine/watch/watch-harness.js';
import { rawRequest } from './http-request.js';

let engine: Engine;
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = tempDir('vigil-sse-');
  mkdirSync(join(dir, 'ui'));
  writeFileSync(join(dir, 'ui', 'index.html'), '<html><head></head><body></body></html>');
  engine = openEngine({ dbPath: join(dir, 'vigil.db') });
  server = await startServer({ engine, events: engine, staticDir: join(dir, 'ui') });
});

afterAll(async () => {
  await server.close();
  engine.close();
});

/** Opens the stream and collects its events until `close()`. */
function openStream(path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(server.url);
  const events: EngineEvent[] = [];
  let text = '';
  let response: IncomingMessage | null = null;
  const req = httpRequest({ host: hostname, port, path, headers }, (res) => {
    response = res;
    res.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      for (const match of chunk.matchAll(/^data: (.*)$/gm)) events.push(JSON.parse(match[1]!) as EngineEvent);
    });
  });
  req.end();
  return { events, text: () => text, response: () => response, close: () => req.destroy() };
}

describe('GET /api/events', () => {
  it('streams each stored run to every open stream, with the token in the query', async () => {
    const first = openStream(`/api/events?token=${encodeURIComponent(server.token)}`);
    const second = openStream('/api/events', { 'X-Vigil-Token': server.token });
    try {
      await waitFor('both streams open', () => first.text().includes(': connected') && second.text().includes(': connected'));
      expect(first.response()?.statusCode).toBe(200);
      expect(first.response()?.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(first.response()?.headers['content-security-policy']).toContain("default-src 'self'");

      writeFileSync(join(dir, 'junit.xml'), junitXml({ tests: 3, failed: 1, timestamp: '2025-12-17T09:00:00' }));
      const outcome = await engine.ingestPaths({ paths: [join(dir, 'junit.xml')] });
      for (const stream of [first, second]) {
        await waitFor('the run event', () => stream.events.length > 0);
        expect(stream.events[0]).toEqual({ type: 'didIngestRun', run: outcome.runs[0], folder: null });
      }
    } finally {
      first.close();
      second.close();
    }
  });

  it('refuses a missing or wrong token, a foreign Origin or Host, and methods other than GET', async () => {
    const port = new URL(server.url).port;
    expect((await rawRequest(server.url, { path: '/api/events' })).status).toBe(401);
    expect((await rawRequest(server.url, { path: `/api/events?token=${'x'.repeat(server.token.length)}` })).status).toBe(401);
    const token = `?token=${encodeURIComponent(server.token)}`;
    expect((await rawRequest(server.url, { path: `/api/events${token}`, headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    expect((await rawRequest(server.url, { path: `/api/events${token}`, headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect((await rawRequest(server.url, { method: 'POST', path: `/api/events${token}` })).status).toBe(405);
    // The query token is for the event stream only: the rest of the API still wants the header.
    const call = await rawRequest(server.url, { method: 'POST', path: `/api/listProjects${token}`, headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
  });
});
