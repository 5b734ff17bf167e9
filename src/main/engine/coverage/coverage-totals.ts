// Totals are always computed from the files, never taken from a report's header.
import type { CoverageTotals } from '../model/file-coverage.js';
import type { CoverageCounts } from '../model/raw-coverage.js';

interface Counted {
  lines: CoverageCounts;
  branches: CoverageCounts | null;
  functions: CoverageCounts | null;
  statements: CoverageCounts | null;
}

function add(into: CoverageCounts | null, counts: CoverageCounts | null): CoverageCounts | null {
  if (!counts) return into;
  return { covered: (into?.covered ?? 0) + counts.covered, valid: (into?.valid ?? 0) + counts.valid };
}

export function totalsOf(files: Iterable<Counted>): CoverageTotals {
  const totals: CoverageTotals = { files: 0, lines: { covered: 0, valid: 0 }, branches: null, functions: null, statements: null };
  for (const file of files) {
    totals.files += 1;
    totals.lines = add(totals.lines, file.lines) ?? totals.lines;
    totals.branches = add(totals.branches, file.branches);
    totals.functions = add(totals.functions, file.functions);
    totals.statements = add(totals.statements, file.statements);
  }
  return totals;
}

/** covered / valid; 0 when nothing is valid (Istanbul's html reporter and coverage.py do the same). */
export function rateOf(counts: CoverageCounts | null): number {
  return counts && counts.valid > 0 ? counts.covered / counts.valid : 0;
}

/** "31/34 (91.2%)". */
export function describeCounts(counts: CoverageCounts | null): string {
  if (!counts) return 'none';
  if (counts.valid === 0) return '0/0';
  return `${counts.covered}/${counts.valid} (${(rateOf(counts) * 100).toFixed(1)}%)`;
}
