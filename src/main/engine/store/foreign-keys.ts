import type { Database } from 'better-sqlite3';

/**
 * Runs `body` with the connection's foreign-key checks off, then puts them back as they were.
 * The pragma cannot change inside a transaction, so `body` opens its own; inside an outer
 * transaction (a run replaced) the pragma is a no-op and the checks stay on.
 */
export function withoutForeignKeys(db: Database, body: () => void): void {
  const was = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    body();
  } finally {
    db.pragma(`foreign_keys = ${was}`);
  }
}
