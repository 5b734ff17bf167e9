// Coverage in the strict model: one entry per file, paths relative to the project root, and the
// run's totals computed from the files (never taken from a report's header).
import type { CoverageFormat } from '../coverage/coverage-reader.js';
import type { CoverageCounts, CoverageHeader, RawCoverageInfo, RawFileCoverage } from './raw-coverage.js';

export interface FileCoverage {
  /** Relative to the project root, '/'-separated: the same file in every run, machine and format. */
  path: string;
  lines: CoverageCounts;
  branches: CoverageCounts | null;
  functions: CoverageCounts | null;
  statements: CoverageCounts | null;
  lineHits: ReadonlyMap<number, number> | null;
}

export interface CoverageTotals {
  files: number;
  lines: CoverageCounts;
  /** null when no file has branch data. */
  branches: CoverageCounts | null;
  functions: CoverageCounts | null;
  statements: CoverageCounts | null;
}

/** A coverage file read whole and checked: nothing of it is stored until it is complete. */
export interface ParsedCoverage {
  path: string;
  format: CoverageFormat;
  size: number;
  mtimeMs: number;
  sha256: string;
  info: RawCoverageInfo;
  header: CoverageHeader | null;
  /** One entry per path the report names (repeats merged), paths as the report writes them. */
  files: RawFileCoverage[];
  warnings: string[];
}

/** What became of one coverage report of a run. */
export interface CoverageReportRecord {
  path: string;
  format: CoverageFormat;
  /** False when another format of the same coverage was used instead. */
  used: boolean;
  header: CoverageHeader | null;
  /** Totals of this report's own files. */
  body: CoverageTotals;
  /** Header/body disagreements, disagreements with the format that was used. */
  notes: string[];
}

/** A run's coverage, ready to store. */
export interface AssembledCoverage {
  /** The format whose files were used (several joined by '+' when distinct coverages were combined). */
  format: string;
  files: FileCoverage[];
  totals: CoverageTotals;
  reports: CoverageReportRecord[];
  /** Found while combining (formats that disagree), for the ingest output. */
  warnings: { path: string; warning: string }[];
}
