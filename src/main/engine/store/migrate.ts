import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.js';
import { MIGRATIONS } from './migrations/index.js';
import { withoutForeignKeys } from './foreign-keys.js';

export class StoreError extends Error {
  override name = 'StoreError';
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the newest schema, each step in its own transaction so a crash
 * leaves the last complete version. A database newer than this code is refused: writing to
 * it with an old schema in mind could corrupt what a newer Vigil stored.
 */
export function migrate(db: Database, path: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new StoreError(
      `${path}: database schema version ${current} is newer than this Vigil supports (${latest}); upgrade Vigil or use another --db`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const step = db.transaction(() => {
      migration.up(db);
      for (const table of migration.rebuilds ?? []) refuseBrokenReferences(db, path, migration, table);
      db.pragma(`user_version = ${migration.version}`);
    });
    if (migration.rebuilds?.length) withoutForeignKeys(db, step);
    else step();
  }
  return schemaVersion(db);
}

function refuseBrokenReferences(db: Database, path: string, migration: Migration, table: string): void {
  const broken = db.pragma(`foreign_key_check(${table})`) as { table: string; parent: string }[];
  const first = broken[0];
  if (first) {
    throw new StoreError(
      `${path}: migration ${migration.version} would leave ${broken.length} rows of ${first.table} pointing at missing rows of ${first.parent}; nothing was changed`,
    );
  }
}
