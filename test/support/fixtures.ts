// Access to ../shared/fixtures: real reports and the counts each must yield. Never edit them.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..');
export const FIXTURES = resolve(REPO_ROOT, '..', 'shared', 'fixtures');

export interface ExpectedCounts {
  tests: number | null;
  passed: number | null;
  failed: number | null;
  errored: number | null;
  skipped: number | null;
  todo?: number | null;
  xfailed?: number;
  xpassed?: number;
}

export interface ExpectedEntry {
  format: string;
  source: string;
  origin: string;
  how: string;
  expected?: ExpectedCounts;
  expected_parse_error?: string;
  [key: string]: unknown;
}

let cache: Record<string, ExpectedEntry> | null = null;

export function expectedEntries(): Record<string, ExpectedEntry> {
  cache ??= (JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as { entries: Record<string, ExpectedEntry> }).entries;
  return cache;
}

/** Entries of one format directory that state counts, as [relative path, entry]. */
export function entriesWithCounts(format: string): [string, ExpectedEntry][] {
  return Object.entries(expectedEntries()).filter(([, entry]) => entry.format === format && entry.expected !== undefined);
}

export function fixturePath(relative: string): string {
  return join(FIXTURES, relative);
}
