import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServe } from '../../../../src/main/cli/commands/serve.js';
import { junitXml, waitFor } from '../../engine/watch/watch-harness.js';

let dir: string;
let ui: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-serve-cmd-'));
  ui = join(dir, 'ui');
  mkdirSync(ui);
  writeFileSync(join(ui, 'index.html'), '<html><head></head><body></body></html>');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } }, out, err };
}

describe('vigil serve', () => {
  it('prints the URL as its first line, serves, and stops when asked', async () => {
    const { io, out } = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runServe(['--db', join(dir, 'vigil.db'), '--port', '0'], io, { stop: stopped, staticDir: ui });
    await expect.poll(() => out.length).toBeGreaterThan(0);
    const url = out.join('').split('\n')[0]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="vigil-token"');
    stop();
    await expect(running).resolves.toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('watches with --watch DIR... and streams what it ingests to the page (GET /api/events)', async () => {
    const { io, out, err } = capture();
    const reports = join(dir, 'watched');
    const more = join(dir, 'watched-too');
    mkdirSync(reports);
    mkdirSync(more);
    let stop!: () => void;
    const running = runServe(['--db', join(dir, 'watch.db'), '--watch', reports, more], io, { stop: new Promise<void>((resolve) => (stop = resolve)), staticDir: ui });
    await expect.poll(() => out.length).toBeGreaterThan(0);
    const url = out.join('').split('\n')[0]!;
    const token = /name="vigil-token" content="([^"]+)"/.exec(await (await fetch(url)).text())?.[1];
    expect(token).toBeTruthy();
    expect(err.join('')).toMatch(/watching 2 folder\(s\)/);

    const controller = new AbortController();
    const stream = await fetch(`${url}api/events?token=${encodeURIComponent(token!)}`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    let text = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of stream.body!) text += decoder.decode(chunk as Uint8Array, { stream: true });
    })().catch((error: Error) => {
      if (error.name !== 'AbortError') throw error;
    });
    writeFileSync(join(more, 'junit.xml'), junitXml({ tests: 2, timestamp: '2025-12-17T09:00:00' }));
    await waitFor('the run event', () => text.includes('"type":"didIngestRun"'));
    expect(text).toContain(`"folder":${JSON.stringify(more)}`);
    controller.abort();
    await reading;
    stop();
    await expect(running).resolves.toBe(0);
  });

  it('refuses a host that is not loopback, a bad port and unknown options with status 2', async () => {
    for (const argv of [['--host', '0.0.0.0'], ['--port', 'abc'], ['--port', '70000'], ['--verbose'], ['extra'], ['--watch']]) {
      const { io, err } = capture();
      await expect(runServe(argv, io, { staticDir: ui }), argv.join(' ')).resolves.toBe(2);
      expect(err.join('')).toMatch(/^vigil: /);
    }
  });
});
