import type { Database } from 'better-sqlite3';

/**
 * One schema step. Versions go up in steps of 10 (after Signal Desktop) so a fix-up can be
 * slotted between two released versions. `up` runs inside the migrator's transaction.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  /**
   * Tables it rebuilds (copy, drop, rename) that other tables reference: foreign keys are off
   * while it runs (the pragma cannot change inside a transaction), and the rebuilt tables' own
   * references are checked before it commits. Their children are not re-checked (in a full
   * history that is every result row); the migration copies every row with its id instead.
   */
  readonly rebuilds?: readonly string[];
  up(db: Database): void;
}
