// Turns the paths a user names into the files to read. Files named directly must be reports;
// files found by walking a folder are only candidates (most files in a tree are not reports).
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IngestError } from '../../../shared/types.js';

/** Folders that never hold a runner's reports and can be huge. */
export const IGNORED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '.tox', '.nox', '__pycache__', '.mypy_cache',
  '.pytest_cache', '.gradle', '.idea', '.vscode', 'site-packages', '.cache',
]);

export interface Candidate {
  path: string;
  /** Named by the user: an unrecognised format is an error rather than a skip. */
  explicit: boolean;
}

export async function expandPaths(paths: readonly string[]): Promise<{ files: Candidate[]; errors: IngestError[] }> {
  const files: Candidate[] = [];
  const errors: IngestError[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      errors.push({ path, error: info.code === 'ENOENT' ? 'file does not exist' : `cannot read (${info.code ?? info.message})` });
    } else if (info.isDirectory()) {
      await walk(path, files, errors);
    } else {
      files.push({ path, explicit: true });
    }
  }
  return { files: dedupe(files), errors };
}

async function walk(dir: string, files: Candidate[], errors: IngestError[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => error);
  if (entries instanceof Error) {
    errors.push({ path: dir, error: `cannot read folder (${entries.code ?? entries.message})` });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) await walk(path, files, errors);
    } else if (entry.isFile()) {
      files.push({ path, explicit: false });
    }
  }
}

function dedupe(files: Candidate[]): Candidate[] {
  const byPath = new Map<string, Candidate>();
  for (const file of files) {
    const seen = byPath.get(file.path);
    byPath.set(file.path, { path: file.path, explicit: file.explicit || (seen?.explicit ?? false) });
  }
  return [...byPath.values()];
}
