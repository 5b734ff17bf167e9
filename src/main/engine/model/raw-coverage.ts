// What a coverage reader pushes into its sink: per-file counts in the report's own terms (its
// own paths, its own idea of a line), plus the totals the report states about itself. One place
// (coverage/combine-coverage.ts) turns them into the run's coverage.

/** Covered out of valid: lines, branches, functions or statements of one file or a run. */
export interface CoverageCounts {
  covered: number;
  valid: number;
}

/** One figure a report states in its header: counts, a rate, or both. */
export interface HeaderFigure {
  covered?: number;
  valid?: number;
  /** 0..1 */
  rate?: number;
}

/** The totals a report writes about itself (Cobertura root attributes, JaCoCo report counters...). */
export interface CoverageHeader {
  lines?: HeaderFigure;
  branches?: HeaderFigure;
  functions?: HeaderFigure;
  statements?: HeaderFigure;
  /** JaCoCo's headline figure. */
  instructions?: HeaderFigure;
}

export interface RawFileCoverage {
  /** The file as the report names it (absolute, relative to a source root, a Go import path...). */
  path: string;
  lines: CoverageCounts;
  /** null: the report has no branch data for this file. */
  branches: CoverageCounts | null;
  /** null: the report has no function data for this file. */
  functions: CoverageCounts | null;
  /** null: the format does not count statements. */
  statements: CoverageCounts | null;
  /** Hits per line number where the report lists lines; null when it only gives counts. */
  lineHits: ReadonlyMap<number, number> | null;
}

export interface RawCoverageInfo {
  /** ISO time from the report's own data (Cobertura timestamp, JaCoCo session start...). */
  startedAt?: string;
  /** Folders the report's relative paths are relative to (Cobertura <sources>). */
  sourceRoots?: string[];
  /** The tool and version that wrote the report, where it says. */
  tool?: string;
}

/** Where coverage readers push what they find. They describe; the engine decides. */
export interface CoverageSink {
  info(info: RawCoverageInfo): void;
  header(header: CoverageHeader): void;
  file(file: RawFileCoverage): void;
  /** Something odd but not fatal. */
  warn(message: string): void;
}
