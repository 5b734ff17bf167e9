// While a watched folder is missing, its nearest existing ancestor is watched (one OS watch, no
// recursion) so that a re-created folder is noticed at once rather than at the next health check.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';

async function nearestExistingAncestor(path: string): Promise<string | null> {
  let dir = dirname(path);
  for (;;) {
    const info = await stat(dir).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error) && info.isDirectory()) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Calls `onChange` whenever something changes in the nearest existing folder above `path`.
 * Best effort: when that folder cannot be watched, the caller's health check still polls.
 * Returns the function that stops watching.
 */
export async function watchForAppearance(path: string, onChange: () => void): Promise<() => void> {
  const ancestor = await nearestExistingAncestor(path);
  if (!ancestor) return () => undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(ancestor, { persistent: false }, () => onChange());
  } catch (error) {
    // E.g. ENOSPC (no inotify watches left) or EACCES: the health check's polling covers it.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    return () => undefined;
  }
  // An error later (the ancestor itself deleted) ends this watch; the caller looks again.
  watcher.on('error', () => {
    watcher.close();
    onChange();
  });
  return () => watcher.close();
}
