// Resolves the two runs of a comparison. Both belong to one project: named with --project, else
// the project of a run named by id, else the store's only project. Keywords such as `latest`
// mean nothing across projects, so they are refused when the project is ambiguous. Selectors
// are resolved over light run stamps; only the runs a caller uses get their full summaries.
import type { RunSummary } from '../../../shared/types.js';
import type { RunStamp } from '../store/compare-queries.js';
import { SelectorError, selectRun } from '../store/run-selector.js';

const KEYWORD = /^(first|latest|latest~\d+|\d{4}-\d{2}-\d{2})$/;

export interface PairLookup {
  /** Runs of a project, or of the store, oldest first. */
  stamps(project?: string): RunStamp[];
  summary(runId: string): RunSummary | null;
  listProjects(): string[];
}

/** The project both runs are looked up in. */
export function projectFor(lookup: PairLookup, selectors: readonly string[], project?: string): string {
  if (project !== undefined) {
    if (!lookup.listProjects().includes(project)) throw new SelectorError(`no project named '${project}' in the store`);
    return project;
  }
  const named = selectors.map((selector) => selector.trim()).filter((selector) => !KEYWORD.test(selector));
  if (named.length > 0) {
    const all = lookup.stamps();
    const projects = new Set(named.map((selector) => selectRun(selector, all).project));
    if (projects.size > 1) throw new SelectorError(`the runs belong to different projects (${[...projects].join(', ')}); compare runs of one project`);
    const [only] = projects;
    if (only !== undefined) return only;
  }
  const projects = lookup.listProjects();
  if (projects.length === 1 && projects[0] !== undefined) return projects[0];
  if (projects.length === 0) throw new SelectorError('the store has no runs; add some with `vigil ingest PATH`');
  throw new SelectorError(`the store holds ${projects.length} projects (${projects.slice(0, 5).join(', ')}${projects.length > 5 ? ', ...' : ''}); name one with --project`);
}

export interface ResolvedPair {
  project: string;
  /** Every run of the project, oldest first. */
  runs: RunStamp[];
  before: RunSummary;
  after: RunSummary;
  /** A run's full summary (the two above are already read). */
  summary(runId: string): RunSummary;
}

export function resolvePair(lookup: PairLookup, before: string, after: string, project?: string): ResolvedPair {
  const name = projectFor(lookup, [before, after], project);
  const runs = lookup.stamps(name);
  const read = new Map<string, RunSummary>();
  const summary = (runId: string): RunSummary => {
    let found = read.get(runId);
    if (!found) {
      found = lookup.summary(runId) ?? undefined;
      // The stamps were read a moment ago; a run deleted since is gone, as for any selector.
      if (!found) throw new SelectorError(`run ${runId} is no longer in the store`);
      read.set(runId, found);
    }
    return found;
  };
  return { project: name, runs, before: summary(selectRun(before, runs).id), after: summary(selectRun(after, runs).id), summary };
}
