// What `vigil compare --json` prints and compareRuns returns (../shared/CLI.md, `vigil compare`).
// The contract's fields come first; the rest are additions that say how each list was reached.
import type { RootCauseCategory, RunSummary, TestStatus } from './types.js';

/** One test named in any list of a comparison, with its status on each side (null: absent). */
export interface ComparedTest {
  id: string;
  suite: string;
  name: string;
  file: string | null;
  before: TestStatus | null;
  after: TestStatus | null;
  /** The after run's message where it failed there, else the before run's. */
  message: string | null;
}

export interface FileCoverageChange {
  path: string;
  /** Line rate 0..1; null when the file is not in that run's coverage. */
  before: number | null;
  after: number | null;
}

export interface CoverageComparison {
  /** Total line rate 0..1; null when that run has no coverage. */
  before: number | null;
  after: number | null;
  files: FileCoverageChange[];
}

/** One failure group (one thing to fix) seen in one or both runs, matched by signature. */
export interface GroupMatch {
  signature: string;
  title: string;
  /** Null when the groups come from message signatures rather than root-cause analysis. */
  category: RootCauseCategory | null;
  /** The group's failing tests in each run (empty on the side where it is absent). */
  beforeTests: string[];
  afterTests: string[];
}

export interface GroupComparison {
  /**
   * `analysis`: groups of the root-cause analysis; `message`: failures grouped by a normalised
   * first line of their message, used while no analysis is available.
   */
  source: 'analysis' | 'message';
  /** Failing before, not after. */
  resolved: GroupMatch[];
  /** Failing after, not before. */
  new: GroupMatch[];
  persisting: GroupMatch[];
}

export interface RunComparison {
  before: RunSummary;
  after: RunSummary;
  /** Failed or errored before, passed after. */
  fixed: string[];
  /** In both runs, not failing before (passed or skipped), failed or errored after. */
  regressed: string[];
  /** Failed or errored in both. */
  stillFailing: string[];
  /** In the after run only. */
  added: string[];
  /** In the before run only. */
  removed: string[];
  /** In both runs, not skipped before, skipped after. */
  newlySkipped: string[];
  /** Null when neither run has coverage. */
  coverage: CoverageComparison | null;
  /**
   * The denominator of "fixed": the tests failing in the before run. Every one of them is in
   * exactly one of fixed, stillFailing, skippedWhileFailing, removedWhileFailing.
   */
  failingBefore: string[];
  /** Failing before, skipped after: not a fix (also in newlySkipped). */
  skippedWhileFailing: string[];
  /** Failing before, gone after: not a fix (also in removed). */
  removedWhileFailing: string[];
  /** Added tests that fail in the after run (also in added). */
  addedFailing: string[];
  groups: GroupComparison;
  /** Every test named in the lists above, by id. */
  tests: Record<string, ComparedTest>;
}
