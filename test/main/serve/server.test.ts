import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../src/main/engine/engine.js';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/serve/content-security-policy.js';
import { startServer, type RunningServer } from '../../../src/main/serve/server.js';
import type { IngestOutcome, RunDetail, TestResultDetail } from '../../../src/shared/types.js';
import { rawRequest, type RawResponse } from './http-request.js';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-UI';
const JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="calc" tests="2" failures="1" errors="0" skipped="0" timestamp="2025-12-17T09:00:00" time="0.5">
  <testcase classname="calc.Add" name="adds" time="0.1"/>
  <testcase classname="calc.Add" name="overflows" time="0.2"><failure message="expected 3 got 4">AssertionError: expected 3 got 4
  at calc.test.js:12</failure><system-out>computing 1+2</system-out></testcase>
</testsuite>
`;

let dir: string;
let engine: Engine;
let server: RunningServer;
let host: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-serve-'));
  const ui = join(dir, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><html><head><title>Vigil</title></head><body><div id="root"></div></body></html>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log("ui");');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(ui, 'assets', 'link.txt'));
  mkdirSync(join(dir, 'project', 'reports'), { recursive: true });
  writeFileSync(join(dir, 'project', 'package.json'), '{}');
  writeFileSync(join(dir, 'project', 'reports', 'junit.xml'), JUNIT);

  engine = openEngine({ dbPath: join(dir, 'vigil.db') });
  server = await startServer({ engine, staticDir: ui });
  host = new URL(server.url).host;
});

afterAll(async () => {
  await server?.close();
  engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

function api(method: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(server.url, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Vigil-Token': server.token, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  });
}

function json<T>(response: RawResponse): T {
  return JSON.parse(response.body) as T;
}

describe('startServer', () => {
  it('prints a loopback URL and makes a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('refuses hosts that are not loopback, before binding anything', async () => {
    for (const bad of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '10.0.0.1']) {
      await expect(startServer({ engine, host: bad, staticDir: join(dir, 'ui') })).rejects.toThrow(/only loopback/);
    }
  });

  it('accepts the other loopback spellings', async () => {
    const other = await startServer({ engine, host: 'localhost', staticDir: join(dir, 'ui') });
    expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await other.close();
  });

  it('refuses a folder without a built UI', async () => {
    await expect(startServer({ engine, staticDir: join(dir, 'project') })).rejects.toThrow(/not built/);
  });
});

describe('static UI', () => {
  it('serves index.html with the strict CSP and the token meta tag', async () => {
    const response = await rawRequest(server.url, { path: '/' });
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain(`<meta name="vigil-token" content="${server.token}">`);
  });

  it('serves assets with their type and the same CSP', async () => {
    const response = await rawRequest(server.url, { path: '/assets/app.js' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.body).toBe('console.log("ui");');
  });

  it('answers 404 for a missing file', async () => {
    const response = await rawRequest(server.url, { path: '/nope.js' });
    expect(response.status).toBe(404);
    expect(json<{ error: string }>(response).error).toMatch(/no such file/);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2F..%2Fsecret.txt',
    '/..%5csecret.txt',
    '/assets/link.txt',
    '/%00',
    '/%E0%A4%A',
  ])('never serves anything outside the UI folder: %s', async (path) => {
    const response = await rawRequest(server.url, { path });
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
    expect(json<{ error: string }>(response).error).toEqual(expect.any(String));
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await rawRequest(server.url, { method: 'PUT', path: '/index.html' });
    expect(response.status).toBe(405);
  });
});

describe('API', () => {
  it('answers a call that carries the token', async () => {
    const response = await api('listProjects', undefined);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(json<string[]>(response)).toEqual([]);
  });

  it('runs the real engine end to end: ingest, list, open a run, open a test', async () => {
    const ingested = json<IngestOutcome>(await api('ingestPaths', { paths: [join(dir, 'project', 'reports', 'junit.xml')] }));
    expect(ingested.errors).toEqual([]);
    expect(ingested.runs).toHaveLength(1);
    const run = ingested.runs[0]!;
    expect(run.totals).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });

    expect(json<string[]>(await api('listProjects', {}))).toEqual([run.project]);
    expect(json<unknown[]>(await api('listRuns', { project: run.project }))).toHaveLength(1);
    const detail = json<RunDetail>(await api('getRun', { run: run.id }));
    const failed = detail.tests.find((test) => test.status === 'failed');
    expect(failed?.name).toBe('overflows');
    const test = json<TestResultDetail>(await api('getTest', { run: run.id, testId: failed!.id }));
    expect(test.trace).toContain('AssertionError');
    expect(test.stdout).toContain('computing 1+2');
  });

  it('maps "not found" to 404 with a one-line error', async () => {
    const response = await api('getRun', { run: 'r_does_not_exist' });
    expect(response.status).toBe(404);
    expect(json<{ error: string }>(response).error).toMatch(/no run matches/);
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const missing = await rawRequest(server.url, { method: 'POST', path: '/api/listProjects', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    expect(json<{ error: string }>(missing).error).toBe('missing API token');
    const wrong = await api('listProjects', {}, { 'X-Vigil-Token': 'x'.repeat(server.token.length) });
    expect(wrong.status).toBe(401);
    const short = await api('listProjects', {}, { 'X-Vigil-Token': 'abc' });
    expect(short.status).toBe(401);
  });

  it('refuses a foreign Origin and accepts its own', async () => {
    const foreign = await api('listProjects', {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(json<{ error: string }>(foreign).error).toMatch(/Origin/);
    const nullOrigin = await api('listProjects', {}, { Origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const own = await api('listProjects', {}, { Origin: `http://${host}` });
    expect(own.status).toBe(200);
  });

  it('refuses a Host that is not the loopback address and port (DNS rebinding)', async () => {
    const port = new URL(server.url).port;
    for (const bad of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${Number(port) + 1}`, `127.0.0.1`]) {
      const response = await api('listProjects', {}, { Host: bad });
      expect(response.status, bad).toBe(403);
      const page = await rawRequest(server.url, { path: '/', headers: { Host: bad } });
      expect(page.status, bad).toBe(403);
      expect(page.body).not.toContain(server.token);
    }
    const viaLocalhost = await api('listProjects', {}, { Host: `localhost:${port}` });
    expect(viaLocalhost.status).toBe(200);
  });

  it('refuses unknown methods, bad arguments and bad bodies with 4xx and one line', async () => {
    const cases: [RawResponse, number, RegExp][] = [
      [await api('close', {}), 404, /unknown method "close"/],
      [await api('resolveRun', { selector: 'latest' }), 404, /unknown method/],
      [await api('__proto__', {}), 404, /unknown method/],
      [await api('getRun', {}), 400, /argument\.run is required/],
      [await api('getRun', { run: 7 }), 400, /argument\.run must be a string/],
      [await api('listRuns', { project: 'a', extra: 1 }), 400, /unknown field "extra"/],
      [await api('ingestPaths', { paths: [] }), 400, /at least 1 item/],
      [await api('listProjects', { a: 1 }), 400, /takes no arguments/],
      [await rawRequest(server.url, { method: 'POST', path: '/api/getRun', headers: { 'X-Vigil-Token': server.token, 'Content-Type': 'text/plain' }, body: '{"run":"x"}' }), 415, /application\/json/],
      [await rawRequest(server.url, { method: 'POST', path: '/api/getRun', headers: { 'X-Vigil-Token': server.token, 'Content-Type': 'application/json' }, body: '{"run":' }), 400, /not valid JSON/],
      [await rawRequest(server.url, { method: 'GET', path: '/api/listProjects', headers: { 'X-Vigil-Token': server.token } }), 405, /use POST/],
    ];
    for (const [response, status, message] of cases) {
      expect(response.status).toBe(status);
      const { error } = json<{ error: string }>(response);
      expect(error).toMatch(message);
      expect(error).not.toContain('\n');
    }
  });

  it('refuses a body larger than 1 MiB', async () => {
    const response = await api('listRuns', { project: 'x'.repeat(1024 * 1024 + 10) });
    expect(response.status).toBe(413);
  });

  it('answers GET /api/events with 501 when the server was given no events, behind the token', async () => {
    expect((await rawRequest(server.url, { path: '/api/events' })).status).toBe(401);
    const reserved = await rawRequest(server.url, { path: '/api/events', headers: { 'X-Vigil-Token': server.token } });
    expect(reserved.status).toBe(501);
  });
});
