// Coverage of two runs side by side, in the shape of `vigil compare`'s coverage block (CLI.md):
// the total line rate of each run (computed from its files) and every file whose line rate
// moved, or that is in one run only, largest movement first. Pure: the compare command gives it
// two runs' files, however it got them.
import type { CoverageComparison, FileCoverageChange } from '../../../shared/compare-types.js';

/** A file's line counts in one run. */
export interface FileLines {
  path: string;
  linesCovered: number;
  linesValid: number;
}

export interface CompareCoverageOptions {
  /** List files whose rate did not move too (default: only the ones that moved or appeared). */
  includeUnchanged?: boolean;
}

function rate(covered: number, valid: number): number {
  return valid > 0 ? covered / valid : 0;
}

function total(files: readonly FileLines[] | null): number | null {
  if (files === null) return null;
  let covered = 0;
  let valid = 0;
  for (const file of files) {
    covered += file.linesCovered;
    valid += file.linesValid;
  }
  return rate(covered, valid);
}

function movement(file: FileCoverageChange): number {
  return file.before === null || file.after === null ? -1 : Math.abs(file.after - file.before);
}

/** `null` for a run without coverage; null overall when neither run has any. */
export function compareCoverage(
  beforeFiles: readonly FileLines[] | null,
  afterFiles: readonly FileLines[] | null,
  options: CompareCoverageOptions = {},
): CoverageComparison | null {
  if (beforeFiles === null && afterFiles === null) return null;
  const rates = new Map<string, FileCoverageChange>();
  for (const file of beforeFiles ?? []) rates.set(file.path, { path: file.path, before: rate(file.linesCovered, file.linesValid), after: null });
  for (const file of afterFiles ?? []) {
    const seen = rates.get(file.path);
    const after = rate(file.linesCovered, file.linesValid);
    rates.set(file.path, { path: file.path, before: seen?.before ?? null, after });
  }
  // With one run lacking coverage, every file would be "only in one run": list none unless asked.
  const bothCovered = beforeFiles !== null && afterFiles !== null;
  const files = [...rates.values()]
    .filter((file) => options.includeUnchanged || (bothCovered && file.before !== file.after))
    .sort((a, b) => movement(b) - movement(a) || a.path.localeCompare(b.path));
  return { before: total(beforeFiles), after: total(afterFiles), files };
}
