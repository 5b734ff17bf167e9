// Migration 0020 (coverage) on a store filled at version 10 with real runs: the runs stay, they
// have no coverage, and coverage ingested afterwards is stored beside them.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../../src/main/engine/engine.js';
import { migrate, schemaVersion } from '../../../../src/main/engine/store/migrate.js';
import { MIGRATIONS } from '../../../../src/main/engine/store/migrations/index.js';
import { OWN_COVERAGE } from '../../../support/coverage-fixtures.js';
import { REPO_ROOT } from '../../../support/fixtures.js';
import { keptRows, snapshotStore } from '../../../support/store-snapshot.js';
import { tempDir } from '../../../support/temp.js';
import { fillFirstSchemaStore } from '../../../support/v10-store.js';

const COVERAGE_TABLES = ['coverage_files', 'coverage_reports', 'coverage_results', 'run_coverage'];

describe('migration 0020: coverage', () => {
  it('is version 20, right after the first schema', () => {
    expect(MIGRATIONS.map((migration) => migration.version).slice(0, 2)).toEqual([10, 20]);
  });

  it('upgrades a populated version-10 store: its runs stay, without coverage; new runs get theirs', async () => {
    const path = join(tempDir(), 'vigil.db');
    const db = new Database(path);
    const stored = await fillFirstSchemaStore(db, path, [
      join(REPO_ROOT, 'test', 'fixtures', 'vitest', 'one-run-two-reporters', 'junit.xml'),
      join(REPO_ROOT, 'test', 'fixtures', 'vitest', 'second-run', 'junit.xml'),
    ]);
    const before = snapshotStore(db);
    migrate(db, path, MIGRATIONS.filter((migration) => migration.version <= 20));
    expect(schemaVersion(db)).toBe(20);
    expect(keptRows(before, db)).toEqual(before);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(COVERAGE_TABLES));
    for (const table of COVERAGE_TABLES) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    db.close();

    // The engine migrates the rest of the way and reads the old runs as runs without coverage.
    const engine = openEngine({ dbPath: path });
    try {
      const runs = await engine.listRuns({});
      expect(runs.map((run) => run.id).sort()).toEqual(stored.map((run) => run.id).sort());
      expect(runs.every((run) => run.coverage === null)).toBe(true);
      expect((await engine.getRun({ run: stored[0]?.id ?? '' })).coverage).toBeNull();
      const outcome = await engine.ingestPaths({ paths: [join(OWN_COVERAGE, 'cart')] });
      expect(outcome.runs[0]?.coverage).toMatchObject({ linesCovered: 26, linesValid: 34 });
      expect(await engine.listRuns({})).toHaveLength(stored.length + 1);
    } finally {
      engine.close();
    }
  });
});
