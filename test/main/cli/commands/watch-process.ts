// The real `vigil watch` process (bin/vigil.js, built into out/): its stdout lines and stderr
// as they come, and its exit.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../support/fixtures.js';
import { waitFor } from '../../engine/watch/watch-harness.js';

export interface WatchProcess {
  child: ChildProcess;
  lines: string[];
  stderr(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the process says it is watching. */
  ready(): Promise<void>;
}

export function startWatchProcess(args: string[], options: SpawnOptions = {}): WatchProcess {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'vigil.js'), 'watch', ...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
  return {
    child,
    lines,
    stderr: () => stderr,
    exit,
    ready: () => waitFor(`"watching" on stderr (stderr so far: ${stderr})`, () => /vigil watch: watching \d+ folder/.test(stderr), 10_000),
  };
}
