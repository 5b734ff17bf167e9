// One path given twice in one report (lcov records of one file from two test names, a file in two
// JaCoCo groups) becomes one file. With per-line hits the lines are united (a line is covered
// when either entry covered it); without them the counts are added.
import type { CoverageCounts, RawFileCoverage } from '../model/raw-coverage.js';

function sum(a: CoverageCounts | null, b: CoverageCounts | null): CoverageCounts | null {
  if (!a) return b;
  if (!b) return a;
  return { covered: a.covered + b.covered, valid: a.valid + b.valid };
}

function unite(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): Map<number, number> {
  const united = new Map(a);
  for (const [line, hits] of b) united.set(line, Math.max(hits, united.get(line) ?? 0));
  return new Map([...united].sort((x, y) => x[0] - y[0]));
}

function countLines(hits: ReadonlyMap<number, number>): CoverageCounts {
  let covered = 0;
  for (const value of hits.values()) if (value > 0) covered += 1;
  return { covered, valid: hits.size };
}

export function mergeFiles(a: RawFileCoverage, b: RawFileCoverage): RawFileCoverage {
  if (a.lineHits && b.lineHits) {
    const lineHits = unite(a.lineHits, b.lineHits);
    return {
      path: a.path,
      lines: countLines(lineHits),
      branches: sum(a.branches, b.branches),
      functions: sum(a.functions, b.functions),
      statements: sum(a.statements, b.statements),
      lineHits,
    };
  }
  return {
    path: a.path,
    lines: sum(a.lines, b.lines) ?? a.lines,
    branches: sum(a.branches, b.branches),
    functions: sum(a.functions, b.functions),
    statements: sum(a.statements, b.statements),
    lineHits: null,
  };
}
