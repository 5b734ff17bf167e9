// Replaces stored runs by the runs assembled again from their reports and the reports that joined
// them (a Surefire class file written seconds after the others, a go test -json stream that grew),
// in one transaction: the old runs are gone only if every new one is in. The old runs' results,
// attempts, causes, coverage and source files go by ON DELETE CASCADE (migrations 0010-0040), as
// in retention.ts; the user's category overrides are by project and failure signature, so they
// stay and apply to the new run. The new run's causes are written by the writer's hook, as for
// any run.
import type { Database, Statement } from 'better-sqlite3';
import type { AssembledRun } from '../model/assembled-run.js';
import type { RunWriter } from './run-writer.js';

export class RunReplacer {
  private readonly deleteRun: Statement;

  constructor(
    private readonly db: Database,
    private readonly writer: RunWriter,
  ) {
    this.deleteRun = db.prepare(`DELETE FROM runs WHERE id = ?`);
  }

  /**
   * Deletes `oldIds` and writes `runs`. The writer's own transaction becomes a savepoint inside
   * this one (better-sqlite3 nests them), so a failure anywhere rolls everything back.
   */
  replace(oldIds: readonly string[], runs: readonly AssembledRun[]): void {
    // The pragma cannot change inside a transaction; without it the delete would leave the old
    // run's rows behind (and their source hashes would refuse the new run's sources).
    if (this.db.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('foreign keys are off: cannot replace a run');
    this.db.transaction(() => {
      // A run deleted meanwhile (retention in another client) is simply not there to replace.
      for (const id of oldIds) this.deleteRun.run(id);
      for (const run of runs) this.writer.write(run);
    })();
  }
}
