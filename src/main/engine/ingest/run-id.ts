import { createHash } from 'node:crypto';
import type { SourceRecord } from '../model/assembled-run.js';

/** Content-derived: the same reports always make the same run id. */
export function runId(sources: SourceRecord[]): string {
  return runIdOfContents(sources.map((source) => source.sha256));
}

/** The run id of reports with these contents (their SHA-256s), in any order. */
export function runIdOfContents(sha256s: readonly string[]): string {
  const hash = createHash('sha256');
  for (const sha of [...sha256s].sort()) hash.update(sha);
  return `r_${hash.digest('hex').slice(0, 16)}`;
}
