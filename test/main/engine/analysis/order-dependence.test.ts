// The order-dependence signal checks only the tests that ran before the failure in its
// narrowest failing run, against the other runs until one rules each out. It must name exactly
// what the definition names: the tests that ran before it in every failing run and in no passing
// one, nearest first. Checked here against the definition written out with whole sets, over
// random histories (shuffled and fixed orders, skips, tests missing from runs).
import { describe, expect, it } from 'vitest';
import type { TestOutcome } from '../../../../src/main/engine/analysis/history/history-types.js';
import type { TestStatus } from '../../../../src/shared/types.js';
import { orderDependenceSignal } from '../../../../src/main/engine/analysis/history/order-dependence.js';

const failing = (status: TestStatus): boolean => status === 'failed' || status === 'errored';

/** The definition, with a set of the tests before it per run (quadratic, fine for small runs). */
function polluters<Id>(testId: Id, outcomes: readonly TestOutcome[], orders: ReadonlyMap<string, readonly Id[]>): { candidates: Id[]; failingRuns: number; passingRuns: number } {
  let common: Id[] | null = null;
  const beforePassing = new Set<Id>();
  const distance = new Map<Id, number>();
  let failingRuns = 0;
  let passingRuns = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'skipped') continue;
    const order = orders.get(outcome.runId);
    const at = order ? order.indexOf(testId) : -1;
    if (!order || at < 0) continue;
    const before = order.slice(0, at);
    if (failing(outcome.status)) {
      failingRuns += 1;
      common = common === null ? before : common.filter((id) => before.includes(id));
      for (const id of before) distance.set(id, (distance.get(id) ?? 0) + at - order.indexOf(id));
    } else {
      passingRuns += 1;
      for (const id of before) beforePassing.add(id);
    }
  }
  const candidates = (common ?? []).filter((id) => !beforePassing.has(id));
  candidates.sort((a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0));
  return { candidates, failingRuns, passingRuns };
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function history(seed: number): { outcomes: TestOutcome[]; orders: Map<string, number[]> } {
  const next = random(seed);
  const tests = 3 + Math.floor(next() * 12);
  const base = Array.from({ length: tests }, (_, index) => index);
  const shuffled = next() < 0.6;
  const orders = new Map<string, number[]>();
  const outcomes: TestOutcome[] = [];
  const runs = 2 + Math.floor(next() * 8);
  for (let run = 0; run < runs; run++) {
    const order = base.filter((id) => id === 0 || next() > 0.1);
    if (shuffled) order.sort(() => next() - 0.5);
    const runId = `r${run}`;
    orders.set(runId, order);
    if (!order.includes(0)) continue;
    const roll = next();
    const status: TestStatus = roll < 0.1 ? 'skipped' : roll < 0.5 ? 'failed' : roll < 0.55 ? 'errored' : 'passed';
    outcomes.push({ runId, status, ordinal: order.indexOf(0), attemptStatuses: [] });
  }
  return { outcomes, orders };
}

describe('orderDependenceSignal against its definition', () => {
  it('names the same polluters, in the same order, over 2,000 random histories', () => {
    let named = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const { outcomes, orders } = history(seed);
      const expected = polluters(0, outcomes, orders);
      const signal = orderDependenceSignal({ testId: 0, outcomes }, orders, (id) => `t${id}`);
      if (expected.failingRuns === 0 || expected.passingRuns === 0 || expected.candidates.length === 0) {
        expect(signal, `seed ${seed}`).toBeNull();
        continue;
      }
      named += 1;
      const shown = expected.candidates.slice(0, 3).map((id) => `t${id}`);
      const more = expected.candidates.length > 3 ? ` and ${expected.candidates.length - 3} more` : '';
      expect(signal?.evidence[0], `seed ${seed}`).toBe(
        `order-dependent: failed in ${expected.failingRuns} run(s) where ${shown.join(', ')}${more} ran before it, passed in ${expected.passingRuns} run(s) where ${expected.candidates.length === 1 ? 'it' : 'they'} did not`,
      );
      expect(signal?.evidence[1]).toBe(`likely polluter: ${shown[0]}`);
    }
    // The random histories must exercise the signal, not only its absence.
    expect(named).toBeGreaterThan(100);
  });

  it('reads each run once per failure, however many tests ran before it', () => {
    const order = Array.from({ length: 5000 }, (_, index) => `t${index}`);
    const orders = new Map([
      ['r1', order],
      ['r2', order],
    ]);
    let reads = 0;
    const counted = { get: (runId: string) => (reads++, orders.get(runId)) };
    const outcomes: TestOutcome[] = [
      { runId: 'r1', status: 'failed', ordinal: 4999, attemptStatuses: [] },
      { runId: 'r2', status: 'passed', ordinal: 4999, attemptStatuses: [] },
    ];
    const started = performance.now();
    expect(orderDependenceSignal({ testId: 't4999', outcomes }, counted, (id) => id)).toBeNull();
    expect(reads).toBe(2);
    // The old set-per-run version took ~10 ms here; a quadratic one takes seconds.
    expect(performance.now() - started).toBeLessThan(250);
  });
});
