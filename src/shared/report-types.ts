// The handoff report and the session's goals checked against stored runs (`vigil report`,
// `vigil gate`). Every figure names the run it comes from.
import type { RunSummary } from './types.js';

export type GoalStatus = 'met' | 'not_met' | 'no_data';

export const GOAL_STATUS_LABEL: Record<GoalStatus, string> = {
  met: 'MET',
  not_met: 'NOT MET',
  no_data: 'NO DATA',
};

export interface GoalResult {
  /** Its position in the goals file (0-based), so a result can be traced to its line. */
  index: number;
  /** The goal's own name, else a description made from its fields. */
  name: string;
  /** "pass-rate", "test-count", "failures", "coverage", "duration", "isolation". */
  type: string;
  /** What was asked, e.g. "≥ 95.0%". */
  target: string;
  status: GoalStatus;
  /** The figure found, e.g. "9/15 (60.0%)"; null when there is no data. */
  actual: string | null;
  /** The run(s) the figure comes from. */
  runIds: string[];
  /** One line: where the figure comes from, or why there is no data. */
  detail: string;
}

export interface GoalsOutcome {
  /** Where the goals were read from; null when no goals file was found. */
  source: string | null;
  /** The goals file could not be used (one line naming the problem); results are then empty. */
  error: string | null;
  /** Where a goals file was looked for, when none was found. */
  searched: string[];
  results: GoalResult[];
}

export interface HandoffReport {
  project: string;
  before: RunSummary;
  after: RunSummary;
  markdown: string;
  /** UTF-8 size of `markdown`. */
  bytes: number;
  /** The limit asked for, null for none. */
  maxBytes: number | null;
  /** False when even the most folded report is over maxBytes. */
  fits: boolean;
  /** How many list items were folded into counts to fit. */
  foldedItems: number;
  goals: GoalsOutcome;
}

/** getReport's argument: the defaults are the project's first and latest runs. */
export interface ReportQuery {
  project?: string;
  before?: string;
  after?: string;
  /** Fold lists until the Markdown is at most this many bytes (GitHub comments: 65,536). */
  maxBytes?: number;
}

/** What `vigil gate --json` prints: the goals checked against one run. */
export interface GoalsCheck {
  project: string;
  run: RunSummary;
  goals: GoalsOutcome;
}
