// The pipeline floor (bench/lib/pipeline-floor.js) is the yardstick the ingest budget is judged
// against, so it must store what Vigil's ingest stores for the benchmark's kind of report: if it
// stored less, its time would be a floor too low.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/fixtures.js';
import { cli } from '../support/capture-io.js';
import { tempDir } from '../support/temp.js';
import { generate } from '../../bench/generate-junit.js';
import { openDatabase } from '../../src/main/engine/store/open-database.js';

const FLOOR = join(REPO_ROOT, 'bench/lib/pipeline-floor.js');

function floor(file: string, stage: string, db?: string): number {
  const run = spawnSync(process.execPath, [FLOOR, file, stage, ...(db ? [db] : [])], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout).tests;
}

/** Every stored result with its test, in report order. */
function dump(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT t.key, t.suite, t.name, t.file, r.ordinal, r.status, r.duration_ms, r.message, r.trace, r.stdout, r.stderr, r.attempts
         FROM results r JOIN tests t ON t.id = r.test_id ORDER BY r.ordinal`,
      )
      .all();
  } finally {
    db.close();
  }
}

describe('the pipeline floor of the ingest benchmark', () => {
  it('stores the same tests and results as vigil ingest, and counts every test at each stage', async () => {
    const dir = tempDir();
    const report = join(dir, 'junit.xml');
    const expected = generate(3_000, report, 7);
    expect(expected.failed + expected.errored).toBeGreaterThan(0);

    const vigilDb = join(dir, 'vigil.db');
    const ingest = await cli('ingest', report, '--db', vigilDb, '--json');
    expect(ingest.code).toBe(0);

    const floorDb = join(dir, 'floor.db');
    openDatabase(floorDb).close();
    expect(floor(report, 'store', floorDb)).toBe(expected.tests);
    expect(floor(report, 'parse')).toBe(expected.tests);
    expect(floor(report, 'post')).toBe(expected.tests);

    const stored = dump(floorDb);
    expect(stored).toHaveLength(expected.tests);
    expect(stored).toEqual(dump(vigilDb));
  });
});
