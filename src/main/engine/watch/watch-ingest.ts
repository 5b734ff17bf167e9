// The ingest the watcher uses: the plain one (ingest/ingest-paths.ts) with joining on, so reports
// that land after their run was stored join it (ingest/join-runs.ts) instead of making a run of
// their own. Direct calls (`vigil ingest`, importExisting) keep the plain ingest: a batch they are
// given stands alone. Both share the engine's writer, queries and parse worker.
import type { Database } from 'better-sqlite3';
import type { IngestOutcome } from '../../../shared/types.js';
import { ingestPaths, type IngestDeps } from '../ingest/ingest-paths.js';
import { ReportCache } from '../ingest/report-cache.js';
import { RunReplacer } from '../store/run-replacer.js';
import { StoredRunSources } from '../store/stored-run-sources.js';

export type WatchIngest = (paths: string[], project: string | undefined) => Promise<IngestOutcome>;

export function joiningIngest(db: Database, plain: IngestDeps): WatchIngest {
  const deps: IngestDeps = { ...plain, join: { runs: new StoredRunSources(db), replacer: new RunReplacer(db, plain.writer), cache: new ReportCache() } };
  return (paths, project) => ingestPaths(deps, paths, project);
}
