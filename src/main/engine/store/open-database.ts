import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError, migrate } from './migrate.js';

const PAGE_SIZE = 16_384;
/** SQLite's page cache of every connection (retention.ts raises it while it deletes). */
export const PAGE_CACHE_KIB = 16_384;

export interface OpenDatabaseOptions {
  /** An Electron-ABI build of better-sqlite3 when running inside Electron. */
  nativeBinding?: string;
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new StoreError(`${path}: cannot open database (${(error as Error).message})`);
  }
  try {
    // 16 KiB pages for a new store (an existing one keeps its size: changing it needs a VACUUM).
    // A 100,000-test ingest writes ~60 MB; larger pages mean fewer B-tree splits and page
    // headers, and a quicker checkpoint, ~10% of its store time. Must precede the first write.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the
    // last transactions, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 16 MiB of page cache: a 100,000-test ingest inserts into indexes keyed by hashes (random
    // order), which SQLite's 2 MiB default serves worse (~10% of the write time). Larger caches
    // gained little more and cost their size in the 400 MB ingest memory budget.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    migrate(db, path);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${path}: not a usable Vigil database (${(error as Error).message})`);
  }
  return db;
}
