// How run figures are written everywhere a person reads them (UI, reports). Each rate is shown
// with the counts it comes from, so no figure appears without its source.
import type { Totals } from './types.js';

/** "17/45 (37.8%)". */
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
