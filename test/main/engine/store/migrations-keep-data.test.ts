// Every migration, on a store that already holds real runs: a store filled at the first schema
// (version 10) is migrated up to each later version in turn, and every row stored before must
// still be there, unchanged (columns may be added). A new migration is covered by this test as
// soon as it is listed in migrations/index.ts; its own test adds what is specific to it.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src/main/engine/store/migrate.js';
import { MIGRATIONS } from '../../../../src/main/engine/store/migrations/index.js';
import { REPO_ROOT, fixturePath } from '../../../support/fixtures.js';
import { keptRows, rowCount, snapshotStore } from '../../../support/store-snapshot.js';
import { tempDir } from '../../../support/temp.js';
import { FIRST_SCHEMA_VERSION, fillFirstSchemaStore } from '../../../support/v10-store.js';

/** Real reports: one run written by two reporters, Surefire's per-class files, a retried test. */
const FIRST_SCHEMA_REPORTS = [
  join(REPO_ROOT, 'test', 'fixtures', 'vitest', 'one-run-two-reporters', 'junit.xml'),
  join(REPO_ROOT, 'test', 'fixtures', 'vitest', 'one-run-two-reporters', 'results.json'),
  join(REPO_ROOT, 'test', 'fixtures', 'vitest', 'second-run', 'junit.xml'),
  fixturePath('junit-xml/action-junit-report/tests/utils/target/surefire-reports/TEST-action.surefire.report.calc.StringUtilsTest.xml'),
  fixturePath('junit-xml/action-junit-report/tests/utils/target/surefire-reports/TEST-action.surefire.report.calc.CalcUtilsTest.xml'),
  join(REPO_ROOT, 'test', 'fixtures', 'coverage', 'calc', 'reports', 'junit.xml'),
];

describe('every migration keeps a populated store', () => {
  for (const migration of MIGRATIONS.filter((step) => step.version > FIRST_SCHEMA_VERSION)) {
    it(`migrating a version-${FIRST_SCHEMA_VERSION} store up to ${migration.version} (${migration.description}) loses nothing`, async () => {
      const path = join(tempDir(), 'vigil.db');
      const db = new Database(path);
      try {
        const runs = await fillFirstSchemaStore(db, path, FIRST_SCHEMA_REPORTS);
        expect(runs.length).toBeGreaterThanOrEqual(4);
        const before = snapshotStore(db);
        expect(rowCount(before)).toBeGreaterThan(50);
        migrate(db, path, MIGRATIONS.filter((step) => step.version <= migration.version));
        expect(schemaVersion(db)).toBe(migration.version);
        expect(keptRows(before, db)).toEqual(before);
      } finally {
        db.close();
      }
    });
  }
});
