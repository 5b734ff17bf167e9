import type { Migration } from './migration.js';

// The folders the watcher follows, kept across restarts with the project their runs belong to.
// The project is a name, not a reference to projects(id): a folder is often added before its
// first run has created the project.
export const migration0030: Migration = {
  version: 30,
  description: 'watched folders',
  up(db) {
    db.exec(`
      CREATE TABLE watched_folders (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,        -- absolute
        project TEXT,                     -- NULL: each report's own project, as vigil ingest does
        polling INTEGER NOT NULL DEFAULT 0 CHECK (polling IN (0, 1)),
        added_at INTEGER NOT NULL,        -- ms since epoch
        imported_at INTEGER               -- when its existing reports were imported; NULL: never
      );
    `);
  },
};
