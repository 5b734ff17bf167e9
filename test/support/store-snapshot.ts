// For migration tests: every row of every table, so a test can check that a migration kept all
// that was stored before it (columns a migration adds are allowed; nothing may change or go).
import type Database from 'better-sqlite3';

export interface TableSnapshot {
  columns: string[];
  rows: unknown[][];
}

export type StoreSnapshot = Record<string, TableSnapshot>;

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function snapshotStore(db: Database.Database): StoreSnapshot {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const snapshot: StoreSnapshot = {};
  for (const table of tables) {
    const columns = (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((column) => column.name);
    const list = columns.map(quote).join(', ');
    const rows = db.prepare(`SELECT ${list} FROM ${quote(table)} ORDER BY ${list}`).raw().all() as unknown[][];
    snapshot[table] = { columns, rows };
  }
  return snapshot;
}

/** The rows of `before`, read from `after` with `before`'s columns only. */
export function keptRows(before: StoreSnapshot, db: Database.Database): StoreSnapshot {
  const kept: StoreSnapshot = {};
  for (const [table, { columns }] of Object.entries(before)) {
    const list = columns.map(quote).join(', ');
    kept[table] = { columns, rows: db.prepare(`SELECT ${list} FROM ${quote(table)} ORDER BY ${list}`).raw().all() as unknown[][] };
  }
  return kept;
}

export function rowCount(snapshot: StoreSnapshot): number {
  return Object.values(snapshot).reduce((sum, table) => sum + table.rows.length, 0);
}
