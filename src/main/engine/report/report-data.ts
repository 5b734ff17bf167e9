// Gathers everything the handoff report says, from stored runs only: the two runs, their
// comparison, the runs between them, root causes and flakiness where analysis exists, and
// the goals checked against the after run.
import type { RunComparison } from '../../../shared/compare-types.js';
import type { GoalsOutcome } from '../../../shared/report-types.js';
import type { RunSummary } from '../../../shared/types.js';
import type { CoverageSource } from '../compare/coverage-source.js';
import type { ResolvedPair } from '../compare/resolve-pair.js';
import type { RunComparer } from '../compare/run-comparer.js';
import { checkGoals, type GoalData } from '../goals/check-goals.js';
import { loadGoals } from '../goals/load-goals.js';
import type { CompareQueries, ResultFacts, RunStamp } from '../store/compare-queries.js';
import type { FailingSince, FlakyFindings, RootCauseGroup, RootCauseSource } from './root-cause-source.js';

export interface ReportDeps {
  queries: CompareQueries;
  comparer: RunComparer;
  rootCauses: RootCauseSource;
  coverage: CoverageSource;
}

export interface ReportData {
  project: string;
  before: RunSummary;
  after: RunSummary;
  /** The project's runs from `before` to `after` inclusive, oldest first. */
  period: RunStamp[];
  comparison: RunComparison;
  afterResults: ResultFacts[];
  /** Null: no root-cause analysis for the after run. */
  rootCauses: RootCauseGroup[] | null;
  /** Since when a group of the after run has been failing; looked up once, for the groups shown. */
  failingSince(group: RootCauseGroup): FailingSince | null;
  /** Null: no analysis to say which tests flip. */
  flaky: FlakyFindings | null;
  goals: GoalsOutcome;
}

/** The runs between two runs of a project, inclusive, whichever of them is older. */
export function runsBetween(runs: readonly RunStamp[], a: RunSummary, b: RunSummary): RunStamp[] {
  const from = runs.findIndex((run) => run.id === a.id);
  const to = runs.findIndex((run) => run.id === b.id);
  if (from < 0 || to < 0) throw new Error(`runsBetween: ${from < 0 ? a.id : b.id} is not a run of the project`);
  return runs.slice(Math.min(from, to), Math.max(from, to) + 1);
}

export function goalData(deps: ReportDeps, pair: ResolvedPair, afterResults: readonly ResultFacts[]): GoalData {
  const afterIndex = pair.runs.findIndex((run) => run.id === pair.after.id);
  return {
    after: pair.after,
    afterResults,
    fileCoverage: (runId, path) => deps.coverage.fileRate(runId, path),
    recentRuns: (count) =>
      pair.runs
        .slice(Math.max(0, afterIndex - count + 1), afterIndex + 1)
        .map((run) => ({ run: pair.summary(run.id), results: run.id === pair.after.id ? afterResults : deps.queries.results(run.id) })),
  };
}

export function goalsOutcome(deps: ReportDeps, pair: ResolvedPair, afterResults: readonly ResultFacts[], goalsPath?: string): GoalsOutcome {
  const loaded = loadGoals({ explicit: goalsPath, projectRoot: deps.queries.projectRoot(pair.project), sources: pair.after.sources });
  const results = loaded.error ? [] : checkGoals(loaded.goals, goalData(deps, pair, afterResults));
  return { source: loaded.source, error: loaded.error, searched: loaded.searched, results };
}

export function gatherReport(deps: ReportDeps, pair: ResolvedPair, goalsPath?: string): ReportData {
  const { comparison, afterResults } = deps.comparer.compare(pair.before, pair.after);
  const period = runsBetween(pair.runs, pair.before, pair.after);
  const seen = new Map<string, FailingSince | null>();
  const upToAfter = pair.runs.slice(0, pair.runs.findIndex((run) => run.id === pair.after.id) + 1);
  return {
    project: pair.project,
    before: pair.before,
    after: pair.after,
    period,
    comparison,
    afterResults,
    rootCauses: deps.rootCauses.groupsOf(pair.after.id),
    failingSince(group) {
      if (!seen.has(group.id)) seen.set(group.id, deps.rootCauses.failingSince(upToAfter, group));
      return seen.get(group.id) ?? null;
    },
    flaky: deps.rootCauses.flaky(period),
    goals: goalsOutcome(deps, pair, afterResults, goalsPath),
  };
}
