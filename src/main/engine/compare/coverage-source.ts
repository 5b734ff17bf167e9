// Where a comparison gets coverage from. The coverage store (src/main/engine/coverage/) plugs in
// here; without it every run has none and the comparison says `coverage: null`.
import type { CoverageComparison } from '../../../shared/compare-types.js';

export interface CoverageSource {
  /** Totals and per-file line rates of two runs; null when neither run has coverage. */
  compare(beforeRunId: string, afterRunId: string): CoverageComparison | null;
  /** A file's line rate in a run (suffix match on the path); null when unknown. */
  fileRate(runId: string, path: string): number | null;
}

export const noCoverage: CoverageSource = {
  compare: () => null,
  fileRate: () => null,
};

/** Files ordered by how far they moved, largest first; files on one side only come last. */
export function filesByMovement(coverage: CoverageComparison): CoverageComparison['files'] {
  const movement = (file: CoverageComparison['files'][number]): number =>
    file.before === null || file.after === null ? -1 : Math.abs(file.after - file.before);
  return [...coverage.files].sort((a, b) => movement(b) - movement(a) || a.path.localeCompare(b.path));
}
