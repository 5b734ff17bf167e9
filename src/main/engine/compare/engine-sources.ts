// The one place that says where comparisons and reports get failure groups, root causes,
// flakiness and coverage. A store with the root-cause analysis' tables gets groups from the
// causes stored at ingest (compare), the analysis' groups with history (report) and flip counts;
// one without gets groups by message signature and NO DATA for the rest. Coverage comes from the
// coverage store (src/main/engine/coverage/).
import type { Database } from 'better-sqlite3';
import { analysisRootCauses, analysisService, hasAnalysis } from '../report/analysis-sources.js';
import { noRootCauses, type RootCauseSource } from '../report/root-cause-source.js';
import type { CompareQueries } from '../store/compare-queries.js';
import { StoredCauseQuery } from '../store/stored-cause-query.js';
import { storedCauseGroups } from './cause-groups.js';
import { storeCoverageSource } from '../coverage/store-coverage-source.js';
import { CoverageQueries } from '../store/coverage-queries.js';
import type { CoverageSource } from './coverage-source.js';
import { messageGroups, type GroupSource } from './failure-groups.js';

export interface EngineSources {
  groups: GroupSource;
  coverage: CoverageSource;
  rootCauses: RootCauseSource;
}

export function engineSources(db: Database, queries: CompareQueries): EngineSources {
  const coverage = storeCoverageSource(new CoverageQueries(db));
  if (!hasAnalysis(db)) return { groups: messageGroups, coverage, rootCauses: noRootCauses };
  const service = analysisService(db);
  return { groups: storedCauseGroups(new StoredCauseQuery(db)), coverage, rootCauses: analysisRootCauses(db, service, queries) };
}
