// How many items each list of the report shows. `--max-bytes` lowers the limit step by step;
// what is not shown is counted, and the count is printed where the items would have been.
import type { RunSummary } from '../../../shared/types.js';

export class Fold {
  /** Items left out so far, over every list. */
  folded = 0;

  constructor(readonly limit: number) {}

  take<T>(items: readonly T[], limit = this.limit): { shown: T[]; hidden: number } {
    const shown = items.slice(0, Math.max(0, limit));
    const hidden = items.length - shown.length;
    this.folded += hidden;
    return { shown, hidden };
  }
}

/** ISO time as the report prints it: to the second, in UTC, saying so. */
export function when(run: Pick<RunSummary, 'startedAt'> | string): string {
  const iso = typeof run === 'string' ? run : run.startedAt;
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export const signed = (value: number, digits = 0): string => {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return digits > 0 ? (0).toFixed(digits) : '0';
  return `${value > 0 ? '+' : '-'}${text}`;
};
