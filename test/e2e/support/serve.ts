// Runs the built `vigil` command line (bin/vigil.js) as a user would: `vigil ingest` to fill a
// store, `vigil serve` to serve the UI on loopback, stopped with SIGINT.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(REPO, 'bin', 'vigil.js');
export const SCREENSHOTS = join(REPO, 'test', 'e2e', 'screenshots');

export function requireBuild(): void {
  if (!existsSync(join(REPO, 'out', 'main', 'cli.js')) || !existsSync(join(REPO, 'out', 'renderer', 'index.html'))) {
    throw new Error('the app is not built: run `npm run build` first (npm test does)');
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

export function vigil(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface Served {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function serve(db: string, extra: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const closed = new Promise<void>((done) => child.on('close', () => done()));
  const url = await new Promise<string>((done, fail) => {
    child.stdout?.setEncoding('utf8').once('data', (text: string) => done(text.split('\n')[0] ?? ''));
    child.once('close', (code) => fail(new Error(`vigil serve exited (${code}): ${stderr.slice(-500)}`)));
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await closed;
    },
  };
}

/** POST /api/<method> with the page's token, as the UI does. */
export async function api<T>(url: string, method: string, args: unknown = {}): Promise<T> {
  const html = await (await fetch(url)).text();
  const token = /name="vigil-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no token in the served page');
  const response = await fetch(new URL(`/api/${method}`, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Vigil-Token': token },
    body: JSON.stringify(args),
  });
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`${method}: ${body.error ?? response.status}`);
  return body;
}
