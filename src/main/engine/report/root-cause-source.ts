// Where the report gets root causes and flakiness from. The root-cause analysis
// (src/main/engine/analysis/) plugs in here; without it the report says "root causes: NO DATA"
// and "flaky tests: NO DATA" rather than guessing.
import type { FailureGroup } from '../../../shared/root-cause-types.js';
import type { RunStamp } from '../store/compare-queries.js';

/** A failure group of one run, as `vigil failures` shows it (the shared API's FailureGroup). */
export type RootCauseGroup = FailureGroup;

/** The unbroken streak of runs, ending at the analysed run, in which the group's failure shows. */
export interface FailingSince {
  runId: string;
  startedAt: string;
  runs: number;
  /** The streak was followed back only so far; it may be longer. */
  capped: boolean;
}

export interface FlakyTest {
  id: string;
  suite: string;
  name: string;
  /** Status changes between consecutive runs that ran the test. */
  flips: number;
  /** Consecutive pairs of runs that both ran the test (the denominator of the flip rate). */
  pairs: number;
  /** 95% interval of the flip rate (Wilson score): wide when few runs are behind it. */
  low: number;
  high: number;
}

export interface FlakyFindings {
  /** The runs looked at, oldest first: the period, or its most recent part when it is long. */
  window: RunStamp[];
  tests: FlakyTest[];
}

export interface RootCauseSource {
  /** The run's groups; null when no analysis exists for it. */
  groupsOf(runId: string): RootCauseGroup[] | null;
  /** Since when the group has been failing; `history` ends with the group's run. */
  failingSince(history: readonly RunStamp[], group: RootCauseGroup): FailingSince | null;
  /** Tests that flip within these runs (oldest first); null when no analysis is available. */
  flaky(period: readonly RunStamp[]): FlakyFindings | null;
}

export const noRootCauses: RootCauseSource = {
  groupsOf: () => null,
  failingSince: () => null,
  flaky: () => null,
};
