import type { Database } from 'better-sqlite3';

/**
 * One schema step. Versions go up in steps of 10 (after Signal Desktop) so a fix-up can be
 * slotted between two released versions. `up` runs inside the migrator's transaction.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  up(db: Database): void;
}
