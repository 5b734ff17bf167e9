// What the desktop notification says when a stored run has regressions: tests that passed (or
// were skipped) in the project's previous run and fail now. The figures come from the engine's
// own compare, so the notice says what `vigil compare` would. No electron here: it is tested in Node.
import type { EngineApi, RunSummary } from '../../shared/types.js';
import { passRate } from '../../shared/run-figures.js';

export interface RegressionNotice {
  title: string;
  body: string;
}

/** The notice for a run, or null when it has no previous run or no regression. */
export async function regressionNotice(engine: Pick<EngineApi, 'listRuns' | 'compareRuns'>, run: RunSummary): Promise<RegressionNotice | null> {
  const runs = await engine.listRuns({ project: run.project });
  const at = runs.findIndex((candidate) => candidate.id === run.id);
  const previous = at > 0 ? runs[at - 1] : undefined;
  if (!previous) return null;
  const comparison = await engine.compareRuns({ before: previous.id, after: run.id, project: run.project });
  const regressed = comparison.regressed.length;
  if (regressed === 0) return null;
  const names = comparison.regressed.slice(0, 3).map((id) => comparison.tests[id]?.name ?? id);
  const more = regressed > names.length ? ` and ${regressed - names.length} more` : '';
  return {
    title: `${run.project}: ${regressed} test${regressed === 1 ? '' : 's'} regressed`,
    body: `${names.join(', ')}${more}. Pass rate ${passRate(run.totals)} (run ${run.id}).`,
  };
}
