import type { Migration } from './migration.js';

const CATEGORIES = `('isolation_leak', 'config_mismatch', 'external_blocker', 'product_defect', 'test_defect', 'flaky', 'cascade', 'unknown')`;

// Root causes: each failing result's classification from its own content, written at ingest in
// the run's transaction (cheap to read: `vigil show` needs no trace); the user's overrides by
// failure signature (applied to that signature in later runs) and the user's rules.
export const migration0040: Migration = {
  version: 40,
  description: 'result causes, category overrides, user rules',
  up(db) {
    db.exec(`
      CREATE TABLE result_causes (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        test_id INTEGER NOT NULL REFERENCES tests(id),
        classifier INTEGER NOT NULL,      -- version of the rules that wrote it; older rows are recomputed on read
        signature TEXT NOT NULL,
        message_key TEXT NOT NULL,
        title TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ${CATEGORIES}),
        confidence REAL NOT NULL,
        evidence TEXT NOT NULL,           -- JSON array of one-line strings
        rules TEXT NOT NULL,              -- JSON array of rule ids
        alt_category TEXT CHECK (alt_category IS NULL OR alt_category IN ${CATEGORIES}),
        alt_confidence REAL,
        PRIMARY KEY (run_id, test_id)
      ) WITHOUT ROWID;

      CREATE TABLE category_overrides (
        project_id INTEGER NOT NULL REFERENCES projects(id),
        signature TEXT NOT NULL,          -- a failure signature or a group's message key
        category TEXT NOT NULL CHECK (category IN ${CATEGORIES}),
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (project_id, signature)
      ) WITHOUT ROWID;

      CREATE TABLE user_rules (
        id INTEGER PRIMARY KEY,
        project_id INTEGER REFERENCES projects(id),   -- NULL: every project
        category TEXT NOT NULL CHECK (category IN ${CATEGORIES}),
        field TEXT NOT NULL CHECK (field IN ('message', 'trace', 'output', 'name', 'any')),
        pattern TEXT NOT NULL,
        description TEXT,
        created_at INTEGER NOT NULL
      );
    `);
  },
};
