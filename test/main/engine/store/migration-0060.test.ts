// Migration 0060 (tests without the unique key index) on a version-50 store that holds a real
// history: every test keeps its row id and key, everything read through them is unchanged, and
// later runs find the project's tests again instead of adding them twice.
import Database from 'better-sqlite3';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../../src/main/engine/engine.js';
import { openDatabase } from '../../../../src/main/engine/store/open-database.js';
import { schemaVersion } from '../../../../src/main/engine/store/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../src/main/engine/store/migrations/index.js';
import { SHOP_RUNS_DIR } from '../../../support/shop-history.js';
import { tempDir } from '../../../support/temp.js';

const testRows = (db: Database.Database): unknown[] => db.prepare(`SELECT id, project_id, key, suite, name, file FROM tests ORDER BY id`).all();
const indexesOfTests = (db: Database.Database): unknown[] =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tests' ORDER BY name`).pluck().all();

/** The tests table as migrations 0010-0050 made it, with the same rows. */
function backToVersion50(path: string): void {
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = OFF');
    db.exec(`
      BEGIN;
      CREATE TABLE tests_50 (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        key TEXT NOT NULL,
        suite TEXT NOT NULL,
        name TEXT NOT NULL,
        file TEXT,
        UNIQUE (project_id, key)
      );
      INSERT INTO tests_50 SELECT id, project_id, key, suite, name, file FROM tests;
      DROP TABLE tests;
      ALTER TABLE tests_50 RENAME TO tests;
      PRAGMA user_version = 50;
      COMMIT;
    `);
    expect(indexesOfTests(db)).toEqual(['sqlite_autoindex_tests_1']);
  } finally {
    db.close();
  }
}

describe('migration 0060: tests without the unique key index', () => {
  it('comes right after 0050 and rebuilds tests with foreign keys off', () => {
    const index = MIGRATIONS.findIndex((migration) => migration.version === 60);
    expect(MIGRATIONS[index - 1]?.version).toBe(50);
    expect(MIGRATIONS[index]?.rebuilds).toEqual(['tests']);
  });

  it('keeps every test, its id and what is read through it, and later runs reuse the tests', async () => {
    const runs = readdirSync(SHOP_RUNS_DIR).sort();
    const early = join(tempDir(), 'early');
    for (const run of runs.slice(0, 5)) cpSync(join(SHOP_RUNS_DIR, run), join(early, run), { recursive: true });
    const path = join(tempDir(), 'vigil.db');

    const engine = openEngine({ dbPath: path });
    let before: { tests: unknown[]; run: unknown; failures: unknown; trend: unknown; test: unknown };
    try {
      expect((await engine.ingestPaths({ paths: [early], project: 'shop' })).runs).toHaveLength(5);
      const failures = await engine.getFailures({ run: 'latest', project: 'shop' });
      const failing = failures.groups[0]?.tests[0];
      if (!failing) throw new Error('expected a failing test in the fifth shop run');
      const db = new Database(path, { readonly: true });
      const tests = testRows(db);
      db.close();
      before = {
        tests,
        run: await engine.getRun({ run: 'latest', project: 'shop' }),
        failures,
        trend: await engine.getFailureTrend({ project: 'shop' }),
        test: await engine.getTest({ run: 'latest', testId: failing }),
      };
      expect(before.tests.length).toBeGreaterThanOrEqual(8);
    } finally {
      engine.close();
    }

    backToVersion50(path);
    // The migrator turns foreign keys off for the rebuild only: the connection has them on after.
    const migrated = openDatabase(path);
    try {
      expect(schemaVersion(migrated)).toBe(LATEST_SCHEMA_VERSION);
      expect(migrated.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      migrated.close();
    }

    const reopened = openEngine({ dbPath: path });
    try {
      const failures = await reopened.getFailures({ run: 'latest', project: 'shop' });
      expect(await reopened.getRun({ run: 'latest', project: 'shop' })).toEqual(before.run);
      expect(failures).toEqual(before.failures);
      expect(await reopened.getFailureTrend({ project: 'shop' })).toEqual(before.trend);
      const failing = failures.groups[0]?.tests[0] ?? '';
      expect(await reopened.getTest({ run: 'latest', testId: failing })).toEqual(before.test);
      // The last two runs: their tests are the project's known ones, found by key, not new rows.
      expect((await reopened.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' })).runs).toHaveLength(2);
    } finally {
      reopened.close();
    }

    const after = new Database(path, { readonly: true });
    try {
      expect(schemaVersion(after)).toBe(LATEST_SCHEMA_VERSION);
      expect(indexesOfTests(after)).toEqual(['tests_by_project']);
      const rows = testRows(after) as { key: string }[];
      expect(rows.slice(0, before.tests.length)).toEqual(before.tests);
      expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
      expect(after.pragma('foreign_key_check')).toEqual([]);
    } finally {
      after.close();
    }
  });
});
