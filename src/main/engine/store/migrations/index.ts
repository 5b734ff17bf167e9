import type { Migration } from './migration.js';
import { migration0010 } from './0010-initial-schema.js';
import { migration0020 } from './0020-coverage.js';
import { migration0030 } from './0030-watched-folders.js';
import { migration0040 } from './0040-root-causes.js';
import { migration0050 } from './0050-cause-counts.js';
import { migration0060 } from './0060-tests-without-key-index.js';

/** Every migration, oldest first. Add a file per version; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
