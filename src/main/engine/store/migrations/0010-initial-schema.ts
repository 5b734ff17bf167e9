import type { Migration } from './migration.js';

// Sized for 2,000 runs x 5,000 tests (10 M result rows): results are keyed by (run, test) for
// run views and compare, and indexed by test for history; nothing is updated per row later.
export const migration0010: Migration = {
  version: 10,
  description: 'projects, runs, source files, tests, results, attempts, run properties',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        root TEXT
      );

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        started_at INTEGER NOT NULL,      -- ms since epoch: the report's own time, else mtime
        duration_ms REAL,
        format TEXT NOT NULL,
        folder TEXT NOT NULL,
        hostname TEXT,
        tests INTEGER NOT NULL,
        passed INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        errored INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        ingested_at INTEGER NOT NULL
      );
      CREATE INDEX runs_by_project_time ON runs(project_id, started_at);

      CREATE TABLE source_files (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('tests', 'coverage'))
      );
      -- The same content is stored once, wherever and however often it is seen.
      CREATE UNIQUE INDEX source_files_by_sha256 ON source_files(sha256);
      CREATE INDEX source_files_by_run ON source_files(run_id);

      CREATE TABLE tests (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        key TEXT NOT NULL,                -- stable id shown to users (t_...)
        suite TEXT NOT NULL,
        name TEXT NOT NULL,
        file TEXT,
        UNIQUE (project_id, key)
      );

      CREATE TABLE results (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        test_id INTEGER NOT NULL REFERENCES tests(id),
        ordinal INTEGER NOT NULL,         -- position in the run, for "order of tests" evidence
        status TEXT NOT NULL CHECK (status IN ('passed', 'failed', 'errored', 'skipped')),
        duration_ms REAL,
        started_at TEXT,
        message TEXT,
        trace TEXT,
        stdout TEXT,
        stderr TEXT,
        attempts INTEGER NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX results_by_run_test ON results(run_id, test_id);
      CREATE INDEX results_by_test ON results(test_id);

      CREATE TABLE result_attempts (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        test_id INTEGER NOT NULL REFERENCES tests(id),
        attempt INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('passed', 'failed', 'errored', 'skipped')),
        duration_ms REAL,
        message TEXT,
        trace TEXT,
        stdout TEXT,
        stderr TEXT,
        PRIMARY KEY (run_id, test_id, attempt)
      ) WITHOUT ROWID;

      CREATE TABLE run_properties (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (run_id, key)
      ) WITHOUT ROWID;
    `);
  },
};
