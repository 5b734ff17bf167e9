import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/fixtures.js';
import { cli } from '../../support/capture-io.js';
import { tempDir } from '../../support/temp.js';
import { generate } from '../../../bench/generate-junit.js';

const VITEST = join(REPO_ROOT, 'test', 'fixtures', 'vitest');
const RUN_KEYS = ['coverage', 'durationMs', 'format', 'id', 'project', 'sources', 'startedAt', 'totals'];

describe('vigil ingest / runs / show (CLI.md contract)', () => {
  it('ingests with --json in the contract shape and lists and shows the run', async () => {
    const db = join(tempDir(), 'vigil.db');
    const ingest = await cli('ingest', join(VITEST, 'one-run-two-reporters'), '--project', 'calc', '--db', db, '--json');
    expect(ingest.stderr).toBe('');
    expect(ingest.code).toBe(0);
    const outcome = JSON.parse(ingest.stdout);
    expect(Object.keys(outcome).sort()).toEqual(['duplicates', 'errors', 'runs', 'warnings']);
    const run = outcome.runs[0];
    expect(Object.keys(run).sort()).toEqual(RUN_KEYS);
    expect(run).toMatchObject({ project: 'calc', format: 'jest-json', coverage: null });
    expect(run.id).toMatch(/^r_[0-9a-f]+$/);
    expect(run.totals).toEqual({ tests: 6, passed: 2, failed: 2, errored: 0, skipped: 2 });

    const runs = JSON.parse((await cli('runs', '--db', db, '--json')).stdout);
    expect(runs.runs.map((listed: { id: string }) => listed.id)).toEqual([run.id]);

    const show = await cli('show', 'latest', '--db', db, '--json');
    expect(show.code).toBe(0);
    const detail = JSON.parse(show.stdout);
    expect(detail.run).toEqual(run);
    expect(detail.tests).toHaveLength(6);
    const failing = detail.tests.find((test: { name: string }) => test.name === 'inserts a user');
    expect(failing).toMatchObject({ suite: 'db', status: 'failed', rootCause: { category: 'isolation_leak', groupId: expect.stringMatching(/^g_/) } });
    expect(failing.message).toMatch(/UNIQUE constraint failed: users\.email/);
    expect(failing.id).toMatch(/^t_[0-9a-f]{16}$/);
  });

  it('gives the same test the same id in every run of its project', async () => {
    const db = join(tempDir(), 'vigil.db');
    await cli('ingest', join(VITEST, 'one-run-two-reporters'), join(VITEST, 'second-run'), '--project', 'calc', '--db', db);
    const first = JSON.parse((await cli('show', 'first', '--db', db, '--json')).stdout);
    const latest = JSON.parse((await cli('show', 'latest', '--db', db, '--json')).stdout);
    const idOf = (detail: { tests: { id: string; name: string }[] }, name: string) => detail.tests.find((test) => test.name === name)?.id;
    expect(idOf(first, 'rounds money')).toBeDefined();
    expect(idOf(first, 'rounds money')).toBe(idOf(latest, 'rounds money'));
    expect(first.tests.find((test: { name: string }) => test.name === 'rounds money').status).toBe('failed');
    expect(latest.tests.find((test: { name: string }) => test.name === 'rounds money').status).toBe('passed');
  });

  it('prints readable tables without --json', async () => {
    const db = join(tempDir(), 'vigil.db');
    const ingest = await cli('ingest', join(VITEST, 'second-run'), '--project', 'calc', '--db', db);
    expect(ingest.stdout).toMatch(/stored +r_\w+ +calc .* 6 tests: 3 passed, 1 failed, 0 errored, 2 skipped +pass rate 3\/6 \(50\.0%\)/);
    const runs = await cli('runs', '--db', db);
    expect(runs.stdout.split('\n')[0]).toMatch(/^RUN +PROJECT +STARTED +FORMAT +TESTS +PASSED +FAILED +ERRORED +SKIPPED +PASS RATE/);
    const show = await cli('show', 'latest', '--db', db);
    expect(show.stdout).toMatch(/pass rate 3\/6 \(50\.0%\)/);
    expect(show.stdout).toMatch(/FAILED +db › inserts a user/);
  });

  it('exits 1 with one stderr line per bad file, and still stores the good ones', async () => {
    const db = join(tempDir(), 'vigil.db');
    const folder = tempDir();
    const { copyFileSync, writeFileSync } = await import('node:fs');
    copyFileSync(join(VITEST, 'second-run', 'junit.xml'), join(folder, 'junit.xml'));
    writeFileSync(join(folder, 'broken.json'), '{"numTotalTests": 3, "testResults": [');
    const result = await cli('ingest', folder, '--db', db, '--json');
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^vigil: ${join(folder, 'broken.json').replace(/[.]/g, '\\.')}: .+`));
    expect(JSON.parse(result.stdout).runs).toHaveLength(1);
  });

  it('treats bad usage as exit 2 and an unknown run as exit 1', async () => {
    const db = join(tempDir(), 'vigil.db');
    expect((await cli('ingest', '--db', db)).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('runs', '--no-such-flag')).code).toBe(2);
    const unknown = await cli('show', 'r_doesnotexist', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^vigil: no run matches 'r_doesnotexist'/);
  });

  it('accepts run selectors: first, latest, latest~N, a date, an id prefix', async () => {
    const db = join(tempDir(), 'vigil.db');
    await cli('ingest', join(VITEST, 'one-run-two-reporters'), join(VITEST, 'second-run'), '--project', 'calc', '--db', db);
    const runs = JSON.parse((await cli('runs', '--db', db, '--json')).stdout).runs as { id: string; startedAt: string }[];
    const idFor = async (selector: string) => JSON.parse((await cli('show', selector, '--db', db, '--json')).stdout).run.id;
    expect(await idFor('first')).toBe(runs[0]?.id);
    expect(await idFor('latest')).toBe(runs[1]?.id);
    expect(await idFor('latest~1')).toBe(runs[0]?.id);
    const day = new Date(runs[1]!.startedAt);
    const isoDay = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect(await idFor(isoDay)).toBe(runs[1]?.id);
    expect(await idFor(runs[0]!.id.slice(0, 8))).toBe(runs[0]?.id);
  });
});

describe('the built `vigil` binary', () => {
  const bin = join(REPO_ROOT, 'bin', 'vigil.js');
  const built = existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js'));

  it('is built (npm test builds before testing)', () => {
    expect(built, 'out/main/cli.js is missing: run `npm run build` first').toBe(true);
  });

  it('answers --help and ingests through the real process', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/vigil ingest PATH\.\.\./);
    const db = join(tempDir(), 'vigil.db');
    const ingest = spawnSync(process.execPath, [bin, 'ingest', join(VITEST, 'second-run'), '--db', db, '--json'], { encoding: 'utf8' });
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
    expect(JSON.parse(ingest.stdout).runs[0].totals.tests).toBe(6);
  });

  it('stores a large report through the parse worker it starts before loading the CLI', () => {
    // 4 MiB and more is parsed on the worker while stored; bin/vigil.js starts that worker first.
    const dir = tempDir();
    const path = join(dir, 'junit.xml');
    const expected = generate(12_000, path, 11);
    expect(expected.bytes).toBeGreaterThan(4 * 1024 * 1024);
    const db = join(dir, 'vigil.db');
    const ingest = spawnSync(process.execPath, [bin, 'ingest', path, '--db', db, '--json'], { encoding: 'utf8' });
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
    const { tests, passed, failed, errored, skipped } = expected;
    expect(JSON.parse(ingest.stdout).runs[0].totals).toEqual({ tests, passed, failed, errored, skipped });
    const store = new Database(db, { readonly: true });
    try {
      // Every failure classified and stored with the run, by row id of the tests the worker encoded.
      expect(store.prepare(`SELECT count(*) FROM result_causes c JOIN results r USING (run_id, test_id) WHERE r.status IN ('failed', 'errored')`).pluck().get()).toBe(failed + errored);
      expect(store.prepare(`SELECT count(*) FROM tests`).pluck().get()).toBe(tests);
    } finally {
      store.close();
    }
  });

  it('uses $VIGIL_DB when --db is not given', () => {
    const db = join(tempDir(), 'from-env.db');
    spawnSync(process.execPath, [bin, 'ingest', join(VITEST, 'second-run')], { encoding: 'utf8', env: { ...process.env, VIGIL_DB: db } });
    expect(existsSync(db)).toBe(true);
  });
});
