// Turns runs and their failure categories into the points of the History charts. Pure, tested.
import type { RunSummary } from '../../shared/types.js';
import type { RunCategoryCounts } from '../../shared/ui-types.js';
import { ROOT_CAUSE_CATEGORIES } from '../../shared/root-cause-types.js';
import type { ChartPoint } from '../charts/chart-types.js';

export type Period = 7 | 30 | 90 | null;

/** The runs that started within the last `days` days of `now` (all of them for null). */
export function inPeriod<T extends { startedAt: string }>(runs: readonly T[], days: Period, now: number): T[] {
  if (days === null) return [...runs];
  const from = now - days * 86_400_000;
  return runs.filter((run) => new Date(run.startedAt).getTime() >= from);
}

const at = (run: { startedAt: string }): number => new Date(run.startedAt).getTime();

export function passRatePoints(runs: readonly RunSummary[]): ChartPoint[] {
  return runs.map((run) => ({ x: at(run), runId: run.id, values: [run.totals.tests === 0 ? null : (run.totals.passed / run.totals.tests) * 100] }));
}

export function durationPoints(runs: readonly RunSummary[]): ChartPoint[] {
  return runs.map((run) => ({ x: at(run), runId: run.id, values: [run.durationMs] }));
}

export function coveragePoints(runs: readonly RunSummary[]): ChartPoint[] {
  return runs.map((run) => ({ x: at(run), runId: run.id, values: [run.coverage && run.coverage.linesValid > 0 ? run.coverage.lineRate * 100 : null] }));
}

/** One stacked value per category, in ROOT_CAUSE_CATEGORIES order. */
export function categoryPoints(trend: readonly RunCategoryCounts[]): ChartPoint[] {
  return trend.map((point) => ({ x: at(point), runId: point.runId, values: ROOT_CAUSE_CATEGORIES.map((category) => point.counts[category] ?? 0) }));
}
