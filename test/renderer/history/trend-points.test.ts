import { describe, expect, it } from 'vitest';
import { categoryPoints, coveragePoints, inPeriod, passRatePoints } from '../../../src/renderer/history/trend-points.js';
import type { RunSummary } from '../../../src/shared/types.js';

const run = (id: string, startedAt: string, passed: number, tests: number, lineRate: number | null): RunSummary => ({
  id,
  project: 'p',
  startedAt,
  format: 'junit-xml',
  sources: [],
  totals: { tests, passed, failed: tests - passed, errored: 0, skipped: 0 },
  durationMs: 1000,
  coverage: lineRate === null ? null : { linesCovered: lineRate * 100, linesValid: 100, lineRate, branchesCovered: 0, branchesValid: 0 },
});

describe('trend points', () => {
  const runs = [run('a', '2026-11-01T10:00:00Z', 17, 45, null), run('b', '2026-11-19T10:00:00Z', 45, 45, 0.8), run('c', '2026-11-20T10:00:00Z', 0, 0, null)];

  it('gives the pass rate in percent, and no point for a run without tests', () => {
    expect(passRatePoints(runs).map((point) => point.values[0])).toEqual([(17 / 45) * 100, 100, null]);
  });

  it('gives coverage only where a run has it', () => {
    expect(coveragePoints(runs).map((point) => point.values[0])).toEqual([null, 80, null]);
  });

  it('stacks categories in a fixed order', () => {
    const [point] = categoryPoints([{ runId: 'a', startedAt: '2026-11-01T10:00:00Z', counts: { flaky: 2, isolation_leak: 1 } }]);
    expect(point?.values).toEqual([1, 0, 0, 0, 0, 2, 0, 0]);
  });

  it('keeps the runs of the period', () => {
    expect(inPeriod(runs, 7, Date.parse('2026-11-20T12:00:00Z')).map((r) => r.id)).toEqual(['b', 'c']);
    expect(inPeriod(runs, null, 0)).toHaveLength(3);
  });
});
