// A report's header states totals; its body lists files. They should agree, and in reports a
// person edited (or a tool summarised from other data) they do not. We keep both and say where
// they part: the run's totals always come from the files.
import type { CoverageTotals } from '../model/file-coverage.js';
import type { CoverageCounts, CoverageHeader, HeaderFigure } from '../model/raw-coverage.js';
import { describeCounts, rateOf } from './coverage-totals.js';

/** Rates agree when they differ by less than 0.05 percentage points (headers round to 4 digits). */
export const RATE_TOLERANCE = 0.0005;

type Kind = 'lines' | 'branches' | 'functions' | 'statements';
const KINDS: readonly Kind[] = ['lines', 'branches', 'functions', 'statements'];

/** Counts are whole numbers in real reports; hand-edited ones carry fractions that sum inexactly. */
function sameCount(stated: number | undefined, counted: number): boolean {
  return stated === undefined || Math.abs(stated - counted) < 1e-6;
}

function differs(figure: HeaderFigure, body: CoverageCounts): string | null {
  const stated = `${figure.covered ?? '?'}/${figure.valid ?? '?'}`;
  if (!sameCount(figure.valid, body.valid) || !sameCount(figure.covered, body.covered)) {
    return `${stated} in the header, ${describeCounts(body)} in the files`;
  }
  if (figure.rate === undefined || (figure.covered !== undefined && figure.valid !== undefined)) return null;
  if (body.valid === 0) {
    // "0" or "1" is what writers put for "nothing to measure".
    return figure.rate === 0 || figure.rate === 1 ? null : `rate ${figure.rate} in the header, none in the files`;
  }
  return Math.abs(figure.rate - rateOf(body)) > RATE_TOLERANCE ? `rate ${figure.rate} in the header, ${describeCounts(body)} in the files` : null;
}

/** One line per figure where header and files disagree; empty when they agree. */
export function headerDisagreements(header: CoverageHeader | null, body: CoverageTotals): string[] {
  if (!header) return [];
  const found: string[] = [];
  for (const kind of KINDS) {
    const figure = header[kind];
    if (!figure) continue;
    const problem = differs(figure, body[kind] ?? { covered: 0, valid: 0 });
    if (problem) found.push(`${kind}: ${problem}`);
  }
  return found;
}

export function headerWarning(problems: readonly string[]): string | null {
  return problems.length === 0
    ? null
    : `the report's header disagrees with its files (${problems.join('; ')}); both are kept, the run's totals come from the files`;
}
