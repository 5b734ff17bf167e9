import { describe, expect, it } from 'vitest';
import { changedProperties, environmentChangeSignal } from '../../../../src/main/engine/analysis/history/environment-change.js';
import { flakySignal } from '../../../../src/main/engine/analysis/history/flip-rate.js';
import type { HistoryRun, TestHistory, TestOutcome } from '../../../../src/main/engine/analysis/history/history-types.js';
import { leakAcrossRunsSignal } from '../../../../src/main/engine/analysis/history/leak-across-runs.js';
import { orderDependenceSignal } from '../../../../src/main/engine/analysis/history/order-dependence.js';
import { wilsonInterval } from '../../../../src/main/engine/analysis/history/wilson.js';

const run = (id: string, properties: Record<string, string> = {}, failed = 0): HistoryRun => ({ id, startedAtMs: Number(id.slice(1)), properties, totals: { tests: 10, failed, errored: 0 } });
const outcome = (runId: string, status: TestOutcome['status'], ordinal = 0): TestOutcome => ({ runId, status, ordinal, attemptStatuses: [] });

describe('wilsonInterval', () => {
  it('is wide with few trials and narrows with more', () => {
    const few = wilsonInterval(2, 2);
    const many = wilsonInterval(20, 20);
    expect(few.low).toBeCloseTo(0.34, 2);
    expect(many.low).toBeGreaterThan(few.low);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('flakySignal', () => {
  const runs = new Map(['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => [id, run(id)]));
  it('flags a test that flips between runs of unchanged inputs', () => {
    const history: TestHistory = { testId: 't', outcomes: ['failed', 'passed', 'failed', 'passed', 'failed'].map((s, i) => outcome(`r${i + 1}`, s as TestOutcome['status'])) };
    const signal = flakySignal(history, runs);
    expect(signal?.category).toBe('flaky');
    expect(signal?.evidence[0]).toMatch(/flipped 4 time\(s\) in 4 consecutive run pair\(s\) with no commit recorded/);
  });
  it('does not flag a break and a fix', () => {
    const history: TestHistory = { testId: 't', outcomes: ['passed', 'passed', 'failed', 'failed', 'passed'].map((s, i) => outcome(`r${i + 1}`, s as TestOutcome['status'])) };
    expect(flakySignal(history, runs)).toBeNull();
  });
  it('only counts flips between runs of the same commit', () => {
    const commits = new Map(['r1', 'r2', 'r3'].map((id, i) => [id, run(id, { GIT_COMMIT: `c${i}` })]));
    const history: TestHistory = { testId: 't', outcomes: [outcome('r1', 'failed'), outcome('r2', 'passed'), outcome('r3', 'failed')] };
    expect(flakySignal(history, commits)).toBeNull();
  });
});

describe('orderDependenceSignal', () => {
  it('names the test that ran before it in every failing run and in no passing one', () => {
    const orders = new Map([
      ['r1', ['a', 'polluter', 'victim']],
      ['r2', ['a', 'victim', 'polluter']],
      ['r3', ['polluter', 'a', 'victim']],
    ]);
    const history: TestHistory = { testId: 'victim', outcomes: [outcome('r1', 'failed'), outcome('r2', 'passed'), outcome('r3', 'failed')] };
    const signal = orderDependenceSignal(history, orders, (id) => `name of ${id}`);
    expect(signal?.category).toBe('isolation_leak');
    expect(signal?.evidence[1]).toBe('likely polluter: name of polluter');
  });
  it('says nothing when the order does not explain it', () => {
    const orders = new Map([
      ['r1', ['a', 'victim']],
      ['r2', ['a', 'victim']],
    ]);
    const history: TestHistory = { testId: 'victim', outcomes: [outcome('r1', 'failed'), outcome('r2', 'passed')] };
    expect(orderDependenceSignal(history, orders, (id) => id)).toBeNull();
  });
});

describe('leakAcrossRunsSignal', () => {
  it('flags a second identical run that fails more with leftover-state errors', () => {
    const pair = { current: run('r2', {}, 5), previous: run('r1', {}, 2), sameTests: true };
    expect(leakAcrossRunsSignal(pair, true, 'IntegrityError: UNIQUE constraint failed: users.email')?.category).toBe('isolation_leak');
    expect(leakAcrossRunsSignal(pair, true, 'assert <n> == <n>')).toBeNull();
    expect(leakAcrossRunsSignal({ ...pair, sameTests: false }, true, 'UNIQUE constraint failed')).toBeNull();
  });
});

describe('environmentChangeSignal', () => {
  it('compares the last green run with the first red one, ignoring volatile properties', () => {
    const runs = new Map([
      ['r1', run('r1', { python: '3.11', build_number: '7' })],
      ['r2', run('r2', { python: '3.12', build_number: '8' })],
      ['r3', run('r3', { python: '3.12', build_number: '9' })],
    ]);
    const history: TestHistory = { testId: 't', outcomes: [outcome('r1', 'passed'), outcome('r2', 'failed'), outcome('r3', 'failed')] };
    const signal = environmentChangeSignal(history, runs, 'r3');
    expect(signal?.evidence[0]).toMatch(/last green r1, first red r2\): python 3\.11 -> 3\.12$/);
    expect(changedProperties({ a: '1' }, { a: '1' })).toEqual([]);
  });
});
