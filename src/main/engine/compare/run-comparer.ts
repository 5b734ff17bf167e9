// Compares two stored runs: reads both runs' results once and hands them to the pure
// comparison, with failure groups and coverage from whichever sources this engine has.
import type { RunComparison } from '../../../shared/compare-types.js';
import type { RunSummary } from '../../../shared/types.js';
import type { CompareQueries, ResultFacts } from '../store/compare-queries.js';
import { compareResults, isFailing } from './compare-results.js';
import type { CoverageSource } from './coverage-source.js';
import { matchGroups, type GroupSource } from './failure-groups.js';

export interface ComparerSources {
  groups: GroupSource;
  coverage: CoverageSource;
}

export interface ComparedRuns {
  comparison: RunComparison;
  beforeResults: ResultFacts[];
  afterResults: ResultFacts[];
}

export class RunComparer {
  constructor(
    private readonly queries: CompareQueries,
    private readonly sources: ComparerSources,
  ) {}

  compare(before: RunSummary, after: RunSummary): ComparedRuns {
    const beforeResults = this.queries.results(before.id);
    const afterResults = before.id === after.id ? beforeResults : this.queries.results(after.id);
    const failing = (results: ResultFacts[]): ResultFacts[] => results.filter((result) => isFailing(result.status));
    const groups = matchGroups(
      this.sources.groups.kind,
      this.sources.groups.groupsOf(before.id, failing(beforeResults)),
      this.sources.groups.groupsOf(after.id, failing(afterResults)),
    );
    const comparison = compareResults({
      before,
      after,
      beforeResults,
      afterResults,
      groups,
      coverage: this.sources.coverage.compare(before.id, after.id),
    });
    return { comparison, beforeResults, afterResults };
  }
}
