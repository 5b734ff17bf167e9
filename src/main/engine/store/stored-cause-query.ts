// The causes the analysis stored for a run's failing results at ingest (migration 0040): one
// row per failure, read by the run's primary key, so it costs the run's failures and nothing of
// its history.
import type { Database, Statement } from 'better-sqlite3';
import type { RootCauseCategory } from '../../../shared/types.js';

export interface StoredCause {
  testId: string;
  classifier: number;
  signature: string;
  messageKey: string;
  title: string;
  category: RootCauseCategory;
}

export class StoredCauseQuery {
  private readonly causesOfRun: Statement;

  constructor(db: Database) {
    this.causesOfRun = db.prepare(
      `SELECT t.key AS testId, c.classifier, c.signature, c.message_key AS messageKey, c.title, c.category
       FROM result_causes c JOIN tests t ON t.id = c.test_id WHERE c.run_id = ?`,
    );
  }

  causes(runId: string): StoredCause[] {
    return this.causesOfRun.all(runId) as StoredCause[];
  }
}
