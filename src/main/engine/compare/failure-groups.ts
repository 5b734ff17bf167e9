// Failure groups of one run, from whichever source is available, and their matching across two
// runs by signature: resolved (before only), new (after only), persisting (both).
import type { GroupComparison, GroupMatch } from '../../../shared/compare-types.js';
import type { RootCauseCategory } from '../../../shared/types.js';
import type { ResultFacts } from '../store/compare-queries.js';
import { firstMessageLine, messageSignature } from './message-signature.js';

/** One thing to fix in one run. */
export interface RunGroup {
  signature: string;
  title: string;
  category: RootCauseCategory | null;
  tests: string[];
}

export interface GroupSource {
  readonly kind: GroupComparison['source'];
  /** The run's failure groups; `failing` are its failed and errored results. */
  groupsOf(runId: string, failing: readonly ResultFacts[]): RunGroup[];
}

const MAX_TITLE_CHARS = 120;

/** Groups by normalised message: the fallback while no root-cause analysis is available. */
export const messageGroups: GroupSource = {
  kind: 'message',
  groupsOf(_runId, failing) {
    const bySignature = new Map<string, RunGroup>();
    for (const test of failing) {
      const signature = messageSignature(test);
      const group = bySignature.get(signature);
      if (group) group.tests.push(test.id);
      else {
        const line = firstMessageLine(test.message) || '(no message)';
        const title = line.length > MAX_TITLE_CHARS ? `${line.slice(0, MAX_TITLE_CHARS - 3)}...` : line;
        bySignature.set(signature, { signature, title, category: null, tests: [test.id] });
      }
    }
    return [...bySignature.values()];
  },
};

/** Largest first, then by title, so the order is the same for the same data. */
function ranked(matches: GroupMatch[], size: (match: GroupMatch) => number): GroupMatch[] {
  return matches.sort((a, b) => size(b) - size(a) || a.title.localeCompare(b.title) || a.signature.localeCompare(b.signature));
}

export function matchGroups(kind: GroupComparison['source'], before: readonly RunGroup[], after: readonly RunGroup[]): GroupComparison {
  const afterBySignature = new Map(after.map((group) => [group.signature, group]));
  const beforeSignatures = new Set(before.map((group) => group.signature));
  const resolved: GroupMatch[] = [];
  const persisting: GroupMatch[] = [];
  for (const group of before) {
    const later = afterBySignature.get(group.signature);
    const match: GroupMatch = {
      signature: group.signature,
      title: later?.title ?? group.title,
      category: later?.category ?? group.category,
      beforeTests: [...group.tests],
      afterTests: later ? [...later.tests] : [],
    };
    (later ? persisting : resolved).push(match);
  }
  const fresh: GroupMatch[] = after
    .filter((group) => !beforeSignatures.has(group.signature))
    .map((group) => ({ signature: group.signature, title: group.title, category: group.category, beforeTests: [], afterTests: [...group.tests] }));
  return {
    source: kind,
    resolved: ranked(resolved, (match) => match.beforeTests.length),
    new: ranked(fresh, (match) => match.afterTests.length),
    persisting: ranked(persisting, (match) => match.afterTests.length),
  };
}
