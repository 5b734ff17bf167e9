import type { RunSummary } from '../../shared/types.js';
import { passRate } from '../../shared/run-figures.js';

export { formatDuration, passRate } from '../../shared/run-figures.js';

export function runLine(run: RunSummary): string {
  const t = run.totals;
  return `${run.id}  ${run.project}  ${run.startedAt}  ${run.format}  ${t.tests} tests: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped  pass rate ${passRate(t)}`;
}
