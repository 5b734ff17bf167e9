// What the desktop notification says when a stored run has regressions: tests that passed (or
// were skipped) in the project's previous run and fail now. The figures come from the engine's
// own compare, so the notice says what `vigil compare` would. No electron here: it is tested in Node.
import type { EngineApi, RunSummary } from '../../shared/types.js';
import { passRate } from '../../shared/run-figures.js';

export interface RegressionNotice {
  title: string;
  body: string;
}

export interface RunRegressions {
  /** Every regressed test of the run (test ids), told or not. */
  regressed: string[];
  /** The notice for the regressions not told yet; null when there are none. */
  notice: RegressionNotice | null;
}

/**
 * The run's regressions against the project's run before it. `told`: regressed tests a notice
 * already named (a run that grew and replaced the one it was told for): only the others make a
 * notice, so a run that grows class file by class file does not repeat itself.
 */
export async function runRegressions(engine: Pick<EngineApi, 'listRuns' | 'compareRuns'>, run: RunSummary, told: ReadonlySet<string> = new Set()): Promise<RunRegressions> {
  const runs = await engine.listRuns({ project: run.project });
  const at = runs.findIndex((candidate) => candidate.id === run.id);
  const previous = at > 0 ? runs[at - 1] : undefined;
  if (!previous) return { regressed: [], notice: null };
  const comparison = await engine.compareRuns({ before: previous.id, after: run.id, project: run.project });
  const fresh = comparison.regressed.filter((id) => !told.has(id));
  if (fresh.length === 0) return { regressed: comparison.regressed, notice: null };
  const names = fresh.slice(0, 3).map((id) => comparison.tests[id]?.name ?? id);
  const more = fresh.length > names.length ? ` and ${fresh.length - names.length} more` : '';
  const tests = `${fresh.length}${told.size > 0 ? ' more' : ''} test${fresh.length === 1 ? '' : 's'}`;
  return {
    regressed: comparison.regressed,
    notice: {
      title: `${run.project}: ${tests} regressed`,
      body: `${names.join(', ')}${more}. Pass rate ${passRate(run.totals)} (run ${run.id}).`,
    },
  };
}

/** The notice for a run, or null when it has no previous run or no regression. */
export async function regressionNotice(engine: Pick<EngineApi, 'listRuns' | 'compareRuns'>, run: RunSummary): Promise<RegressionNotice | null> {
  return (await runRegressions(engine, run)).notice;
}
