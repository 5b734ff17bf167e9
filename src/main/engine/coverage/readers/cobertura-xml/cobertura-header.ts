// The root <coverage> attributes: the totals the writer states about its own report. Kept as
// written; they are compared with the <line> elements later (they disagree in hand-edited
// reports, and in classic Cobertura samples whose rates were typed in).
import type { CoverageHeader, HeaderFigure } from '../../../model/raw-coverage.js';
import { optionalCount, optionalRate } from '../numbers.js';

function figure(attributes: Record<string, string>, covered: string, valid: string, rate: string): HeaderFigure | undefined {
  const found: HeaderFigure = {};
  const c = optionalCount(attributes[covered], `<coverage ${covered}>`);
  const v = optionalCount(attributes[valid], `<coverage ${valid}>`);
  const r = optionalRate(attributes[rate]);
  if (c !== undefined) found.covered = c;
  if (v !== undefined) found.valid = v;
  if (r !== undefined) found.rate = r;
  return Object.keys(found).length > 0 ? found : undefined;
}

export function coberturaHeader(attributes: Record<string, string>): CoverageHeader | null {
  const header: CoverageHeader = {};
  const lines = figure(attributes, 'lines-covered', 'lines-valid', 'line-rate');
  const branches = figure(attributes, 'branches-covered', 'branches-valid', 'branch-rate');
  if (lines) header.lines = lines;
  if (branches) header.branches = branches;
  return lines || branches ? header : null;
}
