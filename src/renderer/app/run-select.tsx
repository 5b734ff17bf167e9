import { passRate } from '../../shared/run-figures.js';
import type { RunSummary } from '../../shared/types.js';
import { formatStartedAt } from './format.js';

/** A run of the project, newest first, named by its start and pass rate. */
export function RunSelect({ label, runs, value, onChange }: { label: string; runs: readonly RunSummary[]; value: string; onChange(runId: string): void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {runs.toReversed().map((run) => (
          <option key={run.id} value={run.id}>
            {formatStartedAt(run.startedAt)} · {passRate(run.totals)} · {run.id}
          </option>
        ))}
      </select>
    </label>
  );
}
