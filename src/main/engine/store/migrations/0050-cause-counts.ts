import type { Migration } from './migration.js';

// What the History screen and the Root causes screen read across a project's runs, without
// reading every stored cause. In a 2,000-run x 5,000-test history (500,000 causes) the trend of
// failures by category took ~480 ms and a run's group history ~1.1 s, each a scan of the
// project's causes:
// - run_cause_counts: each run's failing tests by the category the user sees (the stored one,
//   or the user's override of its signature, else of its message key), counted again whenever
//   a run's causes are written or an override is set (store/run-cause-counts.ts);
// - causes by signature and by message key: a new override and a group's history find the runs
//   of one failure through them instead of scanning every cause.
export const migration0050: Migration = {
  version: 50,
  description: 'failures by category per run; causes by signature and message key',
  up(db) {
    db.exec(`
      CREATE TABLE run_cause_counts (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (run_id, category)
      ) WITHOUT ROWID;
      INSERT INTO run_cause_counts (run_id, category, n)
        SELECT c.run_id,
               COALESCE(
                 (SELECT o.category FROM category_overrides o WHERE o.project_id = r.project_id AND o.signature = c.signature),
                 (SELECT o.category FROM category_overrides o WHERE o.project_id = r.project_id AND o.signature = c.message_key),
                 c.category),
               count(*)
        FROM result_causes c JOIN runs r ON r.id = c.run_id
        GROUP BY 1, 2;
      CREATE INDEX result_causes_by_signature ON result_causes(signature);
      CREATE INDEX result_causes_by_message_key ON result_causes(message_key);
    `);
  },
};
