import { hash } from 'node:crypto';

/**
 * A test's id: a short hash of suite, name and file, so it is the same in every run of its
 * project whatever the order or the run. \u0000 separates parts so ("a b","c") != ("a","b c").
 * One-shot crypto.hash: ingest computes 100,000 of these for a big report, and a Hash object
 * per call costs three times as much.
 */
export function testId(suite: string, name: string, file: string | null): string {
  return `t_${hash('sha256', `${suite}\u0000${name}\u0000${file ?? ''}`).slice(0, 16)}`;
}
