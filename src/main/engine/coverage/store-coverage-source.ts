// Coverage for `vigil compare` and the report, from the store: implements the compare module's
// CoverageSource (compare/coverage-source.ts) over CoverageQueries and compareCoverage.
import type { CoverageSource } from '../compare/coverage-source.js';
import type { CoverageQueries } from '../store/coverage-queries.js';
import { compareCoverage } from './compare-coverage.js';

export function storeCoverageSource(queries: CoverageQueries): CoverageSource {
  return {
    compare(beforeRunId, afterRunId) {
      return compareCoverage(queries.fileCounts(beforeRunId), queries.fileCounts(afterRunId));
    },
    fileRate(runId, path) {
      const files = queries.fileCounts(runId);
      // The caller may name a file by a longer or shorter path than the store's (suffix match).
      const file = files?.find((candidate) => candidate.path === path) ?? files?.find((candidate) => path.endsWith(`/${candidate.path}`) || candidate.path.endsWith(`/${path}`));
      return file ? (file.linesValid > 0 ? file.linesCovered / file.linesValid : 0) : null;
    },
  };
}
