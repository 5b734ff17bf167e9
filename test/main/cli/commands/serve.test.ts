import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServe } from '../../../../src/main/cli/commands/serve.js';

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

  it('refuses a host that is not loopback, a bad port and unknown options with status 2', async () => {
    for (const argv of [['--host', '0.0.0.0'], ['--port', 'abc'], ['--port', '70000'], ['--verbose'], ['extra']]) {
      const { io, err } = capture();
      await expect(runServe(argv, io, { staticDir: ui }), argv.join(' ')).resolves.toBe(2);
      expect(err.join('')).toMatch(/^vigil: /);
    }
  });
});
