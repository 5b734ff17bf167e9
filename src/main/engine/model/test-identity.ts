import { createHash } from 'node:crypto';

/**
 * A test's id: a short hash of suite, name and file, so it is the same in every run of its
 * project whatever the order or the run. \u0000 separates parts so ("a b","c") != ("a","b c").
 */
export function testId(suite: string, name: string, file: string | null): string {
  const hash = createHash('sha256').update(`${suite}\u0000${name}\u0000${file ?? ''}`).digest('hex');
  return `t_${hash.slice(0, 16)}`;
}
