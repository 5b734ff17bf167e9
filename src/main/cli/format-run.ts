import type { RunSummary, Totals } from '../../shared/types.js';

/** "17/45 (37.8%)": the numbers it comes from are always shown with the rate. */
export function passRate(totals: Totals): string {
  if (totals.tests === 0) return '0/0 (no tests)';
  return `${totals.passed}/${totals.tests} (${((totals.passed / totals.tests) * 100).toFixed(1)}%)`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function runLine(run: RunSummary): string {
  const t = run.totals;
  return `${run.id}  ${run.project}  ${run.startedAt}  ${run.format}  ${t.tests} tests: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped  pass rate ${passRate(t)}`;
}
