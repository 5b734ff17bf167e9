import type { Migration } from './migration.js';
import { migration0010 } from './0010-initial-schema.js';

/** Every migration, oldest first. Add a file per version; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [migration0010];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
