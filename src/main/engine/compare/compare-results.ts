// The comparison of two runs' results by test id. The before run's failures are the
// denominator: each ends in exactly one of fixed, still failing, skipped, or removed, so a
// failing test that is skipped or deleted is never counted as fixed.
import type { ComparedTest, CoverageComparison, GroupComparison, RunComparison } from '../../../shared/compare-types.js';
import type { RunSummary, TestStatus } from '../../../shared/types.js';
import type { ResultFacts } from '../store/compare-queries.js';

export const isFailing = (status: TestStatus | null): boolean => status === 'failed' || status === 'errored';

export interface CompareInput {
  before: RunSummary;
  after: RunSummary;
  beforeResults: readonly ResultFacts[];
  afterResults: readonly ResultFacts[];
  groups: GroupComparison;
  coverage: CoverageComparison | null;
}

export function compareResults(input: CompareInput): RunComparison {
  const beforeById = new Map(input.beforeResults.map((result) => [result.id, result]));
  const afterById = new Map(input.afterResults.map((result) => [result.id, result]));
  const lists = {
    fixed: [] as string[],
    regressed: [] as string[],
    stillFailing: [] as string[],
    added: [] as string[],
    removed: [] as string[],
    newlySkipped: [] as string[],
    failingBefore: [] as string[],
    skippedWhileFailing: [] as string[],
    removedWhileFailing: [] as string[],
    addedFailing: [] as string[],
  };
  const named = new Set<string>();
  const name = (id: string, list: string[]): void => {
    list.push(id);
    named.add(id);
  };

  // Before order first, then tests only in the after run, each in its run's own order.
  for (const was of input.beforeResults) {
    const now = afterById.get(was.id);
    if (isFailing(was.status)) name(was.id, lists.failingBefore);
    if (!now) {
      name(was.id, lists.removed);
      if (isFailing(was.status)) lists.removedWhileFailing.push(was.id);
      continue;
    }
    if (isFailing(was.status)) {
      if (now.status === 'passed') name(was.id, lists.fixed);
      else if (isFailing(now.status)) name(was.id, lists.stillFailing);
      else name(was.id, lists.skippedWhileFailing);
    } else if (isFailing(now.status)) {
      name(was.id, lists.regressed);
    }
    if (was.status !== 'skipped' && now.status === 'skipped') name(was.id, lists.newlySkipped);
  }
  for (const now of input.afterResults) {
    if (beforeById.has(now.id)) continue;
    name(now.id, lists.added);
    if (isFailing(now.status)) lists.addedFailing.push(now.id);
  }

  const tests: Record<string, ComparedTest> = {};
  for (const id of named) {
    const was = beforeById.get(id);
    const now = afterById.get(id);
    const known = now ?? was;
    if (!known) continue;
    const message = now && isFailing(now.status) ? now.message : (was?.message ?? now?.message ?? null);
    tests[id] = {
      id,
      suite: known.suite,
      name: known.name,
      file: known.file,
      before: was?.status ?? null,
      after: now?.status ?? null,
      message,
    };
  }

  return {
    before: input.before,
    after: input.after,
    fixed: lists.fixed,
    regressed: lists.regressed,
    stillFailing: lists.stillFailing,
    added: lists.added,
    removed: lists.removed,
    newlySkipped: lists.newlySkipped,
    coverage: input.coverage,
    failingBefore: lists.failingBefore,
    skippedWhileFailing: lists.skippedWhileFailing,
    removedWhileFailing: lists.removedWhileFailing,
    addedFailing: lists.addedFailing,
    groups: input.groups,
    tests,
  };
}
