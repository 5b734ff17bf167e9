import type { ReactNode } from 'react';
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

/** The two runs compared (Compare, Report): each picked from the project's runs; `children` go beside them. */
export function RunPairSelect({ runs, pair, onChange, children }: { runs: readonly RunSummary[]; pair: { before: string; after: string }; onChange(pair: { before: string; after: string }): void; children?: ReactNode }) {
  return (
    <div className="form-row">
      <RunSelect label="Before" runs={runs} value={pair.before} onChange={(id) => onChange({ before: id, after: pair.after })} />
      <RunSelect label="After" runs={runs} value={pair.after} onChange={(id) => onChange({ before: pair.before, after: id })} />
      {children}
    </div>
  );
}
