// Migration 0030 (watched folders) on a database that already holds runs: everything stored
// before stays, and the new table works as the watcher uses it.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../../src/main/engine/engine.js';
import { migrate, schemaVersion } from '../../../../src/main/engine/store/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../src/main/engine/store/migrations/index.js';
import { WatchedFolderStore } from '../../../../src/main/engine/store/watched-folders.js';
import { tempDir } from '../../../support/temp.js';

const JUNIT = `<?xml version="1.0"?>
<testsuite name="calc" tests="2" failures="1" timestamp="2025-12-17T09:00:00" time="0.3">
  <testcase classname="calc" name="adds" time="0.1"/>
  <testcase classname="calc" name="divides" time="0.2"><failure message="boom">boom</failure></testcase>
</testsuite>
`;

describe('migration 0030: watched folders', () => {
  it('comes after the versions before it', () => {
    const index = MIGRATIONS.findIndex((migration) => migration.version === 30);
    expect(index).toBeGreaterThan(0);
    expect(MIGRATIONS.slice(0, index).every((migration) => migration.version < 30)).toBe(true);
  });

  it('upgrades a populated database from the version before it and keeps its runs', async () => {
    const dir = tempDir();
    const path = join(dir, 'vigil.db');
    // A store as the previous release left it: migrated up to just before 30, with a run in it.
    const before = new Database(path);
    migrate(before, path, MIGRATIONS.filter((migration) => migration.version < 30));
    expect(schemaVersion(before)).toBeLessThan(30);
    before.exec(`
      INSERT INTO projects (id, name) VALUES (1, 'atom');
      INSERT INTO runs (id, project_id, started_at, format, folder, tests, passed, failed, errored, skipped, ingested_at)
      VALUES ('r_old', 1, 1765962000000, 'junit-xml', '/reports', 2, 1, 1, 0, 0, 1765962000000);
    `);
    before.close();

    // Opening through the engine runs the remaining migrations, 0030 among them.
    writeFileSync(join(dir, 'junit.xml'), JUNIT);
    const engine = openEngine({ dbPath: path });
    try {
      expect((await engine.listRuns({ project: 'atom' })).map((run) => run.id)).toEqual(['r_old']);
      const outcome = await engine.ingestPaths({ paths: [join(dir, 'junit.xml')], project: 'atom' });
      expect(outcome.runs).toHaveLength(1);
      await engine.addWatchFolder({ path: join(dir, 'reports'), project: 'atom' });
    } finally {
      engine.close();
    }

    const after = new Database(path);
    try {
      expect(schemaVersion(after)).toBe(LATEST_SCHEMA_VERSION);
      expect(after.prepare('SELECT id FROM runs ORDER BY started_at').pluck().all()).toEqual(['r_old', expect.stringMatching(/^r_/)]);
      const folders = new WatchedFolderStore(after);
      expect(folders.list()).toEqual([
        { path: join(dir, 'reports'), project: 'atom', polling: false, addedAtMs: expect.any(Number), importedAtMs: null },
      ]);
      // One row per path; polling is a boolean.
      expect(() => after.prepare(`INSERT INTO watched_folders (path, added_at) VALUES (?, 0)`).run(join(dir, 'reports'))).toThrow(/UNIQUE/);
      expect(() => after.exec(`INSERT INTO watched_folders (path, polling, added_at) VALUES ('/x', 2, 0)`)).toThrow(/CHECK/);
    } finally {
      after.close();
    }
  });
});
