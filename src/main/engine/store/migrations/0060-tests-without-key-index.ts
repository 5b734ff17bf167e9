import type { Migration } from './migration.js';

// Tests lose their unique (project_id, key) index. Keys are hashes, so every new test landed at
// a random place in that index: for a 100,000-test report that was the largest part of storing
// its tests (~40% of their insert time, and it forced one INSERT per new test). A run's writer
// already loads the project's keys into memory to find its tests' ids (result-rows.ts), which
// is what keeps a key unique per project; lookups by key go through a run's results or this
// per-project index, which only ever grows at its end.
//
// SQLite cannot drop a constraint's index, so the table is rebuilt (the 12-step procedure of
// https://www.sqlite.org/lang_altertable.html: foreign keys off, copy, drop, rename, check).
export const migration0060: Migration = {
  version: 60,
  description: 'tests without the unique key index (the run writer keeps keys unique)',
  rebuilds: ['tests'],
  up(db) {
    db.exec(`
      CREATE TABLE tests_0060 (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        key TEXT NOT NULL,                -- stable id shown to users (t_...), unique per project
        suite TEXT NOT NULL,
        name TEXT NOT NULL,
        file TEXT
      );
      INSERT INTO tests_0060 (id, project_id, key, suite, name, file) SELECT id, project_id, key, suite, name, file FROM tests;
    `);
    const copied = db.prepare(`SELECT (SELECT count(*) FROM tests_0060) = (SELECT count(*) FROM tests)`).pluck().get();
    if (copied !== 1) throw new Error('migration 60: the copy of tests differs from tests');
    db.exec(`
      DROP TABLE tests;
      ALTER TABLE tests_0060 RENAME TO tests;
      CREATE INDEX tests_by_project ON tests(project_id);
    `);
  },
};
