import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/engine/store/open-database.js';
import { StoreError, migrate, schemaVersion } from '../../../../src/main/engine/store/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../src/main/engine/store/migrations/index.js';
import type { Migration } from '../../../../src/main/engine/store/migrations/migration.js';
import { tempDir } from '../../../support/temp.js';

function tables(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]);
}

describe('migrations', () => {
  it('are numbered in steps of 10, oldest first', () => {
    MIGRATIONS.forEach((migration, index) => expect(migration.version).toBe((index + 1) * 10));
  });

  it('create the schema on a new file, in WAL mode', () => {
    const path = join(tempDir(), 'nested', 'vigil.db');
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(16_384);
    expect(tables(db)).toEqual(expect.arrayContaining(['projects', 'result_attempts', 'results', 'run_properties', 'runs', 'source_files', 'tests', 'watched_folders']));
    db.close();
  });

  it('keep a populated database intact when it is opened again', () => {
    const path = join(tempDir(), 'vigil.db');
    const db = openDatabase(path);
    db.prepare(`INSERT INTO projects (name) VALUES ('atom')`).run();
    db.close();
    const again = openDatabase(path);
    expect(again.prepare('SELECT name FROM projects').pluck().all()).toEqual(['atom']);
    again.close();
  });

  it('keep the page size of a store made with another one, and read and write it as before', () => {
    const path = join(tempDir(), 'small-pages.db');
    const raw = new Database(path);
    raw.pragma('page_size = 4096');
    raw.pragma('journal_mode = WAL');
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    db.prepare(`INSERT INTO projects (name) VALUES ('atom')`).run();
    expect(db.prepare('SELECT name FROM projects').pluck().all()).toEqual(['atom']);
    db.close();
  });

  it('refuse a database newer than the code, with a message naming it', () => {
    const path = join(tempDir(), 'future.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(StoreError);
    expect(() => openDatabase(path)).toThrow(/future\.db: database schema version \d+ is newer than this Vigil supports/);
  });

  it('refuse a file that is not a database', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'this is not sqlite, it is a text file of more than a hundred bytes '.repeat(20));
    expect(() => openDatabase(path)).toThrow(/notes\.db: .*not a usable Vigil database|file is not a database/);
  });

  it('leave the last complete version when a step fails midway', () => {
    const db = new Database(join(tempDir(), 'partial.db'));
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 10,
      description: 'fails after creating a table',
      up(handle) {
        handle.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, 'partial.db', [...MIGRATIONS, failing])).toThrow('disk full');
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('rebuild a referenced table with foreign keys off, and refuse one that would break references', () => {
    const db = new Database(join(tempDir(), 'rebuild.db'));
    db.pragma('foreign_keys = ON');
    db.exec(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT UNIQUE);
      CREATE TABLE child (parent_id INTEGER REFERENCES parent(id));
      CREATE TABLE owner (id INTEGER PRIMARY KEY);
      INSERT INTO parent VALUES (1, 'a'), (2, 'b');
      INSERT INTO child VALUES (1), (2);
      INSERT INTO owner VALUES (7);
    `);
    const rebuild = (version: number, copy: string): Migration => ({
      version,
      description: 'parent without its unique name',
      rebuilds: ['parent'],
      up(handle) {
        handle.exec(`
          CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT, owner_id INTEGER REFERENCES owner(id));
          INSERT INTO parent_new ${copy};
          DROP TABLE parent;
          ALTER TABLE parent_new RENAME TO parent;
        `);
      },
    });
    // With foreign keys on, dropping a parent that children point at would fail.
    expect(migrate(db, 'rebuild.db', [rebuild(10, 'SELECT id, name, 7 FROM parent')])).toBe(10);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) FROM child JOIN parent ON parent.id = child.parent_id').pluck().get()).toBe(2);
    // A rebuilt table whose own references point nowhere: refused, and nothing changes.
    expect(() => migrate(db, 'rebuild.db', [rebuild(10, 'SELECT id, name, 7 FROM parent'), rebuild(20, 'SELECT id, name, 99 FROM parent')])).toThrow(
      /rebuild\.db: migration 20 would leave 2 rows of parent pointing at missing rows of owner; nothing was changed/,
    );
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT owner_id FROM parent').pluck().all()).toEqual([7, 7]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
