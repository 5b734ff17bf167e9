// A crash or kill during ingestion leaves the store as it was before that file (PRODUCT.md).
// We kill a real `vigil ingest` process at several moments of a large ingest and check that the
// store then holds either nothing or the whole run, never part of one.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const BIN = join(REPO_ROOT, 'bin', 'vigil.js');
const TESTS = 60_000;

async function writeBigJunit(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('<?xml version="1.0"?>\n<testsuites>\n<testsuite name="big" timestamp="2026-11-20T10:00:00" tests="60000">\n');
  for (let i = 0; i < TESTS; i++) {
    const failure = i % 20 === 0 ? `<failure message="boom ${i}">${'at frame (file.js:1:1)\n'.repeat(20)}</failure>` : '';
    out.write(`<testcase classname="pkg.Class${i % 500}" name="test_${i}" time="0.001">${failure}</testcase>\n`);
  }
  out.write('</testsuite>\n</testsuites>\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function killAfter(ms: number, args: string[]): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('killing vigil ingest', () => {
  it('never leaves a partial run in the store', async () => {
    expect(existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js')), 'run `npm run build` first').toBe(true);
    const dir = tempDir();
    const report = join(dir, 'junit.xml');
    await writeBigJunit(report);
    const seen = new Set<string>();
    for (const delay of [150, 400, 700, 1000, 1400, 2000, 5000]) {
      const db = join(dir, `kill-${delay}.db`);
      await killAfter(delay, ['ingest', report, '--db', db]);
      if (!existsSync(db)) {
        seen.add('no database yet');
        continue;
      }
      const handle = new Database(db, { fileMustExist: true });
      const hasRuns = handle.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'runs'`).pluck().get() === 1;
      const runs = hasRuns ? (handle.prepare('SELECT id, tests FROM runs').all() as { id: string; tests: number }[]) : [];
      const results = hasRuns ? (handle.prepare('SELECT count(*) FROM results').pluck().get() as number) : 0;
      handle.close();
      if (runs.length === 0) {
        expect(results).toBe(0);
        seen.add('empty');
      } else {
        expect(runs).toHaveLength(1);
        expect(runs[0]?.tests).toBe(TESTS);
        expect(results).toBe(TESTS);
        seen.add('complete');
      }
    }
    // The last delay is long enough to finish: the run must then be there, whole.
    expect(seen.has('complete')).toBe(true);
  }, 120_000);
});
