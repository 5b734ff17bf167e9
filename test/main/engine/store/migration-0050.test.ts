// Migration 0050 (per-run failure counts by category; causes by signature and message key) on a
// version-40 store that already holds a real history with the user's overrides: the counts it
// fills in are the ones the store keeps from then on, and the indexes are there.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../../src/main/engine/engine.js';
import { schemaVersion } from '../../../../src/main/engine/store/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../src/main/engine/store/migrations/index.js';
import { SHOP_RUNS_DIR } from '../../../support/shop-history.js';
import { tempDir } from '../../../support/temp.js';

const countsOf = (db: Database.Database): unknown[] => db.prepare(`SELECT run_id, category, n FROM run_cause_counts ORDER BY run_id, category`).all();

describe('migration 0050: run cause counts', () => {
  it('comes right after 0040', () => {
    const index = MIGRATIONS.findIndex((migration) => migration.version === 50);
    expect(MIGRATIONS[index - 1]?.version).toBe(40);
  });

  it('counts the failures of every stored run under the categories the user sees', async () => {
    const path = join(tempDir(), 'vigil.db');
    // The history as the engine keeps it today, with a group and a failure moved by the user.
    const engine = openEngine({ dbPath: path });
    let kept: unknown[];
    let trend: unknown;
    try {
      expect((await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' })).runs).toHaveLength(7);
      const { groups } = await engine.getFailures({ run: 'latest', project: 'shop' });
      const [first, second] = groups;
      if (!first || !second) throw new Error('expected two failure groups in the latest shop run');
      await engine.setCategory({ run: 'latest', project: 'shop', target: first.id, category: 'external_blocker' });
      await engine.setCategory({ run: 'latest', project: 'shop', target: second.tests[0] ?? '', category: 'flaky' });
      trend = await engine.getFailureTrend({ project: 'shop' });
    } finally {
      engine.close();
    }

    // The same store as version 40 left it: the same rows, without what 0050 adds.
    const old = new Database(path);
    try {
      kept = countsOf(old);
      expect(kept.length).toBeGreaterThanOrEqual(7);
      old.exec(`
        DROP TABLE run_cause_counts;
        DROP INDEX result_causes_by_signature;
        DROP INDEX result_causes_by_message_key;
        PRAGMA user_version = 40;
      `);
      expect(old.prepare(`SELECT count(*) FROM category_overrides`).pluck().get()).toBe(2);
    } finally {
      old.close();
    }

    const reopened = openEngine({ dbPath: path });
    try {
      expect(await reopened.getFailureTrend({ project: 'shop' })).toEqual(trend);
    } finally {
      reopened.close();
    }
    const after = new Database(path);
    try {
      expect(schemaVersion(after)).toBe(LATEST_SCHEMA_VERSION);
      expect(countsOf(after)).toEqual(kept);
      const indexes = after.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'result_causes'`).pluck().all();
      expect(indexes).toEqual(expect.arrayContaining(['result_causes_by_signature', 'result_causes_by_message_key']));
    } finally {
      after.close();
    }
  });
});
