import type { Migration } from './migration.js';

// Coverage per run and per file. Files are named once per project (coverage_files), like tests,
// so a file's history across runs is one index lookup (coverage_results_by_file). A run's totals
// are stored beside it (run_coverage) so run lists never sum per-file rows. Counts are INTEGER:
// SQLite keeps the rare fractional count of a hand-edited summary as REAL without loss.
export const migration0020: Migration = {
  version: 20,
  description: 'coverage: per-run totals, per-file coverage with history, the reports read and their headers',
  up(db) {
    db.exec(`
      CREATE TABLE coverage_files (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id),
        path TEXT NOT NULL,               -- relative to the project root, '/'-separated
        UNIQUE (project_id, path)
      );

      CREATE TABLE run_coverage (
        run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        format TEXT NOT NULL,             -- the format used ('+'-joined when coverages were combined)
        files INTEGER NOT NULL,
        lines_covered INTEGER NOT NULL,
        lines_valid INTEGER NOT NULL,
        branches_covered INTEGER,         -- NULL: no branch data
        branches_valid INTEGER,
        functions_covered INTEGER,
        functions_valid INTEGER,
        statements_covered INTEGER,
        statements_valid INTEGER
      ) WITHOUT ROWID;

      CREATE TABLE coverage_results (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        file_id INTEGER NOT NULL REFERENCES coverage_files(id),
        lines_covered INTEGER NOT NULL,
        lines_valid INTEGER NOT NULL,
        branches_covered INTEGER,
        branches_valid INTEGER,
        functions_covered INTEGER,
        functions_valid INTEGER,
        statements_covered INTEGER,
        statements_valid INTEGER,
        missed_lines TEXT,                -- "5-7,12": lines without hits, where the report lists lines
        PRIMARY KEY (run_id, file_id)
      ) WITHOUT ROWID;
      CREATE INDEX coverage_results_by_file ON coverage_results(file_id);

      CREATE TABLE coverage_reports (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        path TEXT NOT NULL,
        format TEXT NOT NULL,
        used INTEGER NOT NULL CHECK (used IN (0, 1)),
        header TEXT,                      -- JSON: the totals the report states about itself
        body TEXT NOT NULL,               -- JSON: the totals of the report's own files
        notes TEXT NOT NULL,              -- JSON array: header/body and format disagreements
        PRIMARY KEY (run_id, ordinal)
      ) WITHOUT ROWID;
    `);
  },
};
