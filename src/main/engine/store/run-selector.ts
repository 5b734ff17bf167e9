// Run selectors, accepted wherever a run is named (CLI.md): an id (or a unique prefix of one),
// `first`, `latest`, `latest~N`, or an ISO date (the last run of that day, local time).
import type { RunSummary } from '../../../shared/types.js';

export class SelectorError extends Error {
  override name = 'SelectorError';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LATEST_N = /^latest~(\d+)$/;

/** What a selector needs of a run: full summaries, or the light stamps compare reads. */
export type SelectableRun = Pick<RunSummary, 'id' | 'startedAt'>;

/** `runs` must be oldest first, as RunQueries.listRuns returns them. */
export function selectRun<T extends SelectableRun>(selector: string, runs: readonly T[]): T {
  const found = find(selector.trim(), runs);
  if (!found) throw new SelectorError(`no run matches '${selector}'${runs.length === 0 ? ' (the store has no runs)' : ''}`);
  return found;
}

function find<T extends SelectableRun>(selector: string, runs: readonly T[]): T | undefined {
  if (selector === 'first') return runs[0];
  if (selector === 'latest') return runs[runs.length - 1];
  const back = LATEST_N.exec(selector);
  if (back) return runs[runs.length - 1 - Number(back[1])];
  const date = DATE.exec(selector);
  if (date) {
    const start = new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3])).getTime();
    const end = new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]) + 1).getTime();
    return runs.filter((run) => {
      const at = Date.parse(run.startedAt);
      return at >= start && at < end;
    }).at(-1);
  }
  const exact = runs.find((run) => run.id === selector);
  if (exact) return exact;
  const prefixed = runs.filter((run) => run.id.startsWith(selector));
  if (prefixed.length > 1) throw new SelectorError(`'${selector}' matches ${prefixed.length} runs; give more of the id`);
  return prefixed[0];
}
