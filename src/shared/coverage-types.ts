// A run's coverage as `vigil show --json` prints it (the `coverage` block) and getRun returns it.
// RUN.coverage (CoverageSummary in types.ts) is the contract's short form; this is the detail:
// per-file figures, the reports read, and where they disagreed.
import type { CoverageSummary } from './types.js';

/** A figure a report states about itself: counts, a rate (0..1), or both. */
export interface StatedFigure {
  covered?: number;
  valid?: number;
  rate?: number;
}

/** The totals a report writes in its own header (Cobertura root attributes, JaCoCo counters...). */
export interface StatedTotals {
  lines?: StatedFigure;
  branches?: StatedFigure;
  functions?: StatedFigure;
  statements?: StatedFigure;
  instructions?: StatedFigure;
}

export interface CoverageCountsView {
  covered: number;
  valid: number;
}

/** One coverage report that was read for the run. */
export interface CoverageReportView {
  path: string;
  format: string;
  /** False when another format of the same coverage was used instead (it was checked against it). */
  used: boolean;
  /** What the report states about itself; null when its format has no header. */
  header: StatedTotals | null;
  /** What its own files add up to. */
  files: number;
  lines: CoverageCountsView;
  branches: CoverageCountsView | null;
  functions: CoverageCountsView | null;
  /** Header/body disagreements, disagreements with the format used. */
  notes: string[];
}

export interface FileCoverageView {
  /** Relative to the project root, '/'-separated. */
  path: string;
  linesCovered: number;
  linesValid: number;
  lineRate: number;
  /** null: the report has no branch (function, statement) data for this file. */
  branchesCovered: number | null;
  branchesValid: number | null;
  functionsCovered: number | null;
  functionsValid: number | null;
  statementsCovered: number | null;
  statementsValid: number | null;
  /** Uncovered lines as ranges ("5-7,12"); null when the report does not list lines. */
  missedLines: string | null;
}

/** RUN.coverage plus the rest: totals computed from the files, never from a report's header. */
export interface RunCoverage extends CoverageSummary {
  /** The format whose files were used ('+'-joined when distinct coverages were combined). */
  format: string;
  fileCount: number;
  branchRate: number | null;
  functionsCovered: number | null;
  functionsValid: number | null;
  statementsCovered: number | null;
  statementsValid: number | null;
  reports: CoverageReportView[];
  /** Every note of every report, one line each (also printed by `vigil ingest`). */
  warnings: string[];
  /** Sorted by path. */
  files: FileCoverageView[];
}
