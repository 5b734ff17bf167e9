// Cobertura's branch data per line: condition-coverage="50% (1/2)": 1 of 2 branches taken.
import { ReportError } from '../../../readers/report-error.js';
import type { CoverageCounts } from '../../../model/raw-coverage.js';
import type { Where } from '../numbers.js';

const COUNTS = /\((\d+)\s*\/\s*(\d+)\)/;

export function conditionCoverage(text: string | undefined, where: Where): CoverageCounts | null {
  if (text === undefined || text === '') return null;
  const match = COUNTS.exec(text);
  if (!match) return null; // "100%" alone says nothing countable
  const covered = Number(match[1]);
  const valid = Number(match[2]);
  if (covered > valid) throw new ReportError(`${typeof where === 'string' ? where : where()}: condition-coverage "${text}" covers more branches than there are`);
  return { covered, valid };
}
