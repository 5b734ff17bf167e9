// Order dependence: the test fails when certain tests ran before it and passes when they did
// not (go test -shuffle, vitest --sequence.shuffle, pytest-randomly, or a test run alone). The
// likely polluters are the tests that ran before it in every failing run and in no passing one.
import { isFailing, type HistorySignal, type TestOutcome } from './history-types.js';

/** Test ids of a run in the order they ran (undefined: not known or too big to load). */
export interface RunOrders<Id = string> {
  get(runId: string): readonly Id[] | undefined;
}

/** The outcomes of one test, oldest first; its id is of the same kind as the orders' ids. */
export interface OrderedHistory<Id = string> {
  testId: Id;
  outcomes: readonly TestOutcome[];
}

/** Where each test ran in each run: built once per order and shared by every failure of the analysis. */
const POSITIONS = new WeakMap<readonly unknown[], Map<unknown, number>>();

function positions<Id>(order: readonly Id[]): Map<Id, number> {
  let map = POSITIONS.get(order) as Map<Id, number> | undefined;
  if (!map) {
    map = new Map();
    // The first place wins: a test listed twice ran before the tests after its first listing.
    for (let index = 0; index < order.length; index++) if (!map.has(order[index] as Id)) map.set(order[index] as Id, index);
    POSITIONS.set(order, map as Map<unknown, number>);
  }
  return map;
}

interface Placed<Id> {
  order: readonly Id[];
  where: Map<Id, number>;
  /** Where the test itself ran in that run. */
  at: number;
}

const MAX_NAMED = 3;

/** True when `id` ran before the test in that run. */
function ranBefore<Id>(run: Placed<Id>, id: Id): boolean {
  const position = run.where.get(id);
  return position !== undefined && position < run.at;
}

export function orderDependenceSignal<Id>(history: OrderedHistory<Id>, orders: RunOrders<Id>, nameOf: (testId: Id) => string): HistorySignal | null {
  const failing: Placed<Id>[] = [];
  const passing: Placed<Id>[] = [];
  for (const outcome of history.outcomes) {
    if (outcome.status === 'skipped') continue;
    const order = orders.get(outcome.runId);
    if (!order) continue;
    const where = positions(order);
    const at = where.get(history.testId);
    if (at === undefined) continue;
    (isFailing(outcome.status) ? failing : passing).push({ order, where, at });
  }
  const [firstFailing] = failing;
  if (!firstFailing || passing.length === 0) return null;
  // A polluter ran before the test in every failing run, so it is among the tests before it in
  // the failing run where it ran earliest: only those are checked, each against the other runs
  // until one rules it out (O(tests before it x runs), never a set of every run's tests). Passing
  // runs are checked first: in a suite that keeps its order they rule out every test at once.
  const narrowest = failing.reduce((best, run) => (run.at < best.at ? run : best));
  const distance = new Map<Id, number>();
  for (let index = 0; index < narrowest.at; index++) {
    const id = narrowest.order[index] as Id;
    if (id === history.testId || distance.has(id)) continue;
    if (passing.some((run) => ranBefore(run, id))) continue;
    if (!failing.every((run) => ranBefore(run, id))) continue;
    distance.set(id, failing.reduce((sum, run) => sum + (run.at - (run.where.get(id) ?? 0)), 0));
  }
  if (distance.size === 0) return null;
  // Nearest first: state is most often left by the test that ran just before. Ties keep the
  // order of the first failing run, so the same history always names the same tests.
  const candidates = [...distance.keys()].sort(
    (a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0) || (firstFailing.where.get(a) ?? 0) - (firstFailing.where.get(b) ?? 0),
  );
  const named = candidates.slice(0, MAX_NAMED).map(nameOf);
  const more = candidates.length > MAX_NAMED ? ` and ${candidates.length - MAX_NAMED} more` : '';
  const failingRuns = failing.length;
  const passingRuns = passing.length;
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
