// Numbers in coverage reports, checked: a report whose counts are not numbers is broken, and
// saying where is better than storing NaN. Every helper throws a one-line ReportError.
import { ReportError } from '../../readers/report-error.js';

/** Far beyond any real source file; a larger line number is a broken or hostile report. */
export const MAX_LINE_NUMBER = 10_000_000;

/**
 * Where a value was found, for the error message. A function when the text is built per line:
 * a report holds hundreds of thousands of lines, and the message is only needed when one is bad.
 */
export type Where = string | (() => string);

function place(where: Where): string {
  return typeof where === 'string' ? where : where();
}

/** A line number: an integer from 1 to MAX_LINE_NUMBER. */
export function lineNumber(text: string | number | undefined, where: Where): number {
  const value = typeof text === 'number' ? text : Number(text);
  if (text === undefined || text === '' || !Number.isInteger(value) || value < 1 || value > MAX_LINE_NUMBER) {
    throw new ReportError(`${place(where)}: line number ${JSON.stringify(text ?? null)} is not a line number`);
  }
  return value;
}

/** A count (hits, covered, missed): a finite number >= 0. */
export function count(text: string | number | undefined, where: Where): number {
  const value = typeof text === 'number' ? text : Number(text);
  if (text === undefined || text === '' || !Number.isFinite(value) || value < 0) {
    throw new ReportError(`${place(where)}: ${JSON.stringify(text ?? null)} is not a count`);
  }
  return value;
}

/** An optional count: undefined when absent, else as `count`. */
export function optionalCount(text: string | undefined, where: Where): number | undefined {
  return text === undefined || text === '' ? undefined : count(text, where);
}

/** An optional rate (0..1, as Cobertura writes line-rate): undefined when absent or not a number. */
export function optionalRate(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

/** ms since the epoch, or seconds when the value is too small to be ms; undefined for 0 or junk. */
export function isoFromTimestamp(text: string | number | undefined): string | undefined {
  const value = typeof text === 'number' ? text : Number(text);
  if (text === undefined || !Number.isFinite(value) || value <= 0) return undefined;
  const ms = value < 1e11 ? value * 1000 : value;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
