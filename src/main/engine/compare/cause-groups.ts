// Failure groups for a comparison from the causes the analysis stored with each failing result
// at ingest: grouped the way the analysis groups (analysis/analyse-run.ts: failures whose cause
// lies in the environment by their message, the others by their signature). The history signals
// of `vigil failures` (flips, order, leaks across runs) are left out: they read the test's whole
// history, which a comparison in a 2,000-run store cannot afford within its budget, and the
// signature that matches groups across runs does not depend on them. A failure without a stored
// cause of the current classifier falls back to its message signature.
import type { RootCauseCategory } from '../../../shared/types.js';
import { CLASSIFIER_VERSION } from '../analysis/result-cause.js';
import type { StoredCauseQuery } from '../store/stored-cause-query.js';
import { messageGroups, type GroupSource, type RunGroup } from './failure-groups.js';

/** As in analysis/analyse-run.ts: causes shared wherever they happen are grouped by message. */
const BY_MESSAGE: ReadonlySet<RootCauseCategory> = new Set(['isolation_leak', 'config_mismatch', 'external_blocker', 'cascade']);

export function storedCauseGroups(query: StoredCauseQuery): GroupSource {
  return {
    kind: 'analysis',
    groupsOf(runId, failing) {
      const causes = new Map(query.causes(runId).filter((cause) => cause.classifier === CLASSIFIER_VERSION).map((cause) => [cause.testId, cause]));
      const groups = new Map<string, RunGroup>();
      const uncaused = [];
      for (const test of failing) {
        const cause = causes.get(test.id);
        if (!cause) {
          uncaused.push(test);
          continue;
        }
        const signature = BY_MESSAGE.has(cause.category) ? cause.messageKey : cause.signature;
        const key = `${cause.category}\u0000${signature}`;
        const group = groups.get(key);
        if (group) group.tests.push(test.id);
        else groups.set(key, { signature, title: cause.title, category: cause.category, tests: [test.id] });
      }
      return [...groups.values(), ...messageGroups.groupsOf(runId, uncaused)];
    },
  };
}
