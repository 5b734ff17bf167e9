import { createHash } from 'node:crypto';
import type { SourceRecord } from '../model/assembled-run.js';

/** Content-derived: the same reports always make the same run id. */
export function runId(sources: SourceRecord[]): string {
  const hash = createHash('sha256');
  for (const sha of sources.map((source) => source.sha256).sort()) hash.update(sha);
  return `r_${hash.digest('hex').slice(0, 16)}`;
}
