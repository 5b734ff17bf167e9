// Collects one file's per-line data while a report streams: hits per line and branches per line.
// A line listed twice (Cobertura's inner classes of one file, repeated lcov records, Go blocks
// that share a line) counts once: a line is covered when any entry covering it ran, which is
// how gocover-cobertura and gcov2lcov count Go lines and how lcov merges tracefiles.
import type { CoverageCounts, RawFileCoverage } from '../model/raw-coverage.js';

export class LineTable {
  private readonly hits = new Map<number, number>();
  /** Lines arrive in order in every real report; only when they do not is the map re-sorted. */
  private ascending = true;
  private lastLine = 0;
  private readonly branchesByLine = new Map<number, CoverageCounts>();
  private functionsSeen: CoverageCounts | null = null;

  line(number: number, hits: number): void {
    const seen = this.hits.get(number);
    if (seen === undefined) {
      if (number < this.lastLine) this.ascending = false;
      this.lastLine = number;
      this.hits.set(number, hits);
    } else if (hits > seen) {
      this.hits.set(number, hits);
    }
  }

  /** Branches of one line; a line given twice keeps its fuller entry. */
  branches(number: number, covered: number, valid: number): void {
    const seen = this.branchesByLine.get(number);
    if (!seen || valid > seen.valid || (valid === seen.valid && covered > seen.covered)) {
      this.branchesByLine.set(number, { covered, valid });
    }
  }

  function(covered: boolean): void {
    this.functionsSeen ??= { covered: 0, valid: 0 };
    this.functionsSeen.valid += 1;
    if (covered) this.functionsSeen.covered += 1;
  }

  get lineCount(): number {
    return this.hits.size;
  }

  lineCounts(): CoverageCounts {
    let covered = 0;
    this.hits.forEach((hits) => {
      if (hits > 0) covered += 1;
    });
    return { covered, valid: this.hits.size };
  }

  /** Sum over lines, or null when no line had branch data. */
  branchCounts(): CoverageCounts | null {
    if (this.branchesByLine.size === 0) return null;
    const total = { covered: 0, valid: 0 };
    for (const counts of this.branchesByLine.values()) {
      total.covered += counts.covered;
      total.valid += counts.valid;
    }
    return total;
  }

  functionCounts(): CoverageCounts | null {
    return this.functionsSeen ? { ...this.functionsSeen } : null;
  }

  /**
   * The file as the sink takes it; `overrides` replace what the lines say (a format's own
   * counters). The table hands over its lines: it is not used after this.
   */
  toFile(path: string, overrides: Partial<Omit<RawFileCoverage, 'path' | 'lineHits'>> = {}): RawFileCoverage {
    return {
      path,
      lines: overrides.lines ?? this.lineCounts(),
      branches: overrides.branches !== undefined ? overrides.branches : this.branchCounts(),
      functions: overrides.functions !== undefined ? overrides.functions : this.functionCounts(),
      statements: overrides.statements ?? null,
      lineHits: this.ascending ? this.hits : new Map([...this.hits].sort((a, b) => a[0] - b[0])),
    };
  }
}
