// Order dependence: the test fails when certain tests ran before it and passes when they did
// not (go test -shuffle, vitest --sequence.shuffle, pytest-randomly, or a test run alone). The
// likely polluters are the tests that ran before it in every failing run and in no passing one.
import { isFailing, type HistorySignal, type TestHistory } from './history-types.js';

/** Test ids of a run in the order they ran (undefined: not known or too big to load). */
export interface RunOrders {
  get(runId: string): readonly string[] | undefined;
}

/** Where each test ran in each run: built once per order, so a run of 5,000 tests costs 5,000 steps, not 5,000². */
const POSITIONS = new WeakMap<readonly string[], Map<string, number>>();

function positions(order: readonly string[]): Map<string, number> {
  let map = POSITIONS.get(order);
  if (!map) {
    map = new Map(order.map((id, index) => [id, index]));
    POSITIONS.set(order, map);
  }
  return map;
}

const MAX_NAMED = 3;

function testsBefore(order: readonly string[], testId: string): Set<string> | null {
  const at = positions(order).get(testId);
  return at === undefined ? null : new Set(order.slice(0, at));
}

export function orderDependenceSignal(history: TestHistory, orders: RunOrders, nameOf: (testId: string) => string): HistorySignal | null {
  let common: Set<string> | undefined;
  const seenBeforePassing = new Set<string>();
  let failingRuns = 0;
  let passingRuns = 0;
  const distance = new Map<string, number>();
  for (const outcome of history.outcomes) {
    if (outcome.status === 'skipped') continue;
    const order = orders.get(outcome.runId);
    if (!order) continue;
    const before = testsBefore(order, history.testId);
    if (!before) continue;
    if (isFailing(outcome.status)) {
      failingRuns += 1;
      const kept: Set<string> = common ?? before;
      common = new Set([...kept].filter((id) => before.has(id)));
      const where = positions(order);
      const at = where.get(history.testId) ?? 0;
      for (const id of before) distance.set(id, (distance.get(id) ?? 0) + (at - (where.get(id) ?? 0)));
    } else {
      passingRuns += 1;
      for (const id of before) seenBeforePassing.add(id);
    }
  }
  if (failingRuns === 0 || passingRuns === 0 || common === undefined) return null;
  const candidates = [...common].filter((id) => !seenBeforePassing.has(id));
  if (candidates.length === 0) return null;
  // Nearest first: state is most often left by the test that ran just before.
  candidates.sort((a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0));
  const named = candidates.slice(0, MAX_NAMED).map(nameOf);
  const more = candidates.length > MAX_NAMED ? ` and ${candidates.length - MAX_NAMED} more` : '';
  const confidence = Math.min(0.9, 0.55 + 0.08 * Math.min(failingRuns, 3) + 0.05 * Math.min(passingRuns, 3) - (candidates.length > 5 ? 0.15 : 0));
  return {
    kind: 'order_dependence',
    category: 'isolation_leak',
    confidence: Math.round(confidence * 100) / 100,
    evidence: [
      `order-dependent: failed in ${failingRuns} run(s) where ${named.join(', ')}${more} ran before it, passed in ${passingRuns} run(s) where ${candidates.length === 1 ? 'it' : 'they'} did not`,
      `likely polluter: ${named[0]}`,
    ],
  };
}
