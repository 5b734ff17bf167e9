// What the watcher never looks at: the folders a folder walk skips (IGNORED_DIRS: node_modules,
// .git, virtualenvs, caches), and Vigil's own database files, which change on every ingest and
// would otherwise wake the watcher in a loop when the store sits inside a watched folder.
import { relative, sep } from 'node:path';
import { IGNORED_DIRS } from '../ingest/expand-paths.js';

/** The files SQLite keeps beside a database in WAL mode (and in rollback mode). */
export function databaseFiles(dbPath: string): string[] {
  return dbPath === ':memory:' ? [] : [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`];
}

/** A chokidar `ignored` function for one watched root. */
export function ignoreMatcher(root: string, ignoredFiles: readonly string[]): (path: string) => boolean {
  const files = new Set(ignoredFiles);
  return (path) => {
    if (files.has(path)) return true;
    const rel = relative(root, path);
    // Only the part below the root counts: a root that is itself inside `.cache` is still watched.
    if (rel === '' || rel.startsWith('..')) return false;
    return rel.split(sep).some((segment) => IGNORED_DIRS.has(segment));
  };
}
