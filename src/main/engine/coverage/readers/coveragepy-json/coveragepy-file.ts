// One file of `coverage json`: {executed_lines, missing_lines, summary: {covered_lines,
// num_statements, covered_branches, num_branches...}, functions?: {...}}. The summary's counts
// are coverage.py's own (its report and its XML give the same); the line lists give per-line
// hits where they agree with them.
import type { CoverageCounts, RawFileCoverage } from '../../../model/raw-coverage.js';
import { ReportError } from '../../../readers/report-error.js';
import { isObject, num, requireObject, type JsonObject } from '../../../readers/json/json-value.js';
import { lineNumber } from '../numbers.js';

const FORMAT = 'coverage.py JSON';

function countAt(summary: JsonObject, key: string, where: string): number | undefined {
  const value = summary[key];
  if (value === undefined) return undefined;
  const found = num(value);
  if (found === undefined || found < 0) throw new ReportError(`${where}: summary.${key} is not a count`);
  return found;
}

function pair(summary: JsonObject, covered: string, valid: string, where: string): CoverageCounts | null {
  const c = countAt(summary, covered, where);
  const v = countAt(summary, valid, where);
  return c === undefined || v === undefined ? null : { covered: c, valid: v };
}

function lineList(value: unknown, where: string): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ReportError(`${where} is not a list of line numbers`);
  return value.map((line) => lineNumber(typeof line === 'number' ? line : String(line), where));
}

/** coverage.py 7.x lists functions; "" is the code outside any function. */
function functionCounts(functions: unknown): CoverageCounts | null {
  if (!isObject(functions)) return null;
  const counts = { covered: 0, valid: 0 };
  for (const [name, entry] of Object.entries(functions)) {
    if (name === '' || !isObject(entry) || !isObject(entry.summary)) continue;
    counts.valid += 1;
    if ((num(entry.summary.covered_lines) ?? 0) > 0) counts.covered += 1;
  }
  return counts;
}

/**
 * Hits of the file's statements. executed_lines can list lines that are no statements (a module
 * docstring: `__init__.py` with 0 statements and line 1 executed), and which ones cannot be
 * told: the lines are used only when they add up to the summary's statements.
 */
function statementHits(executed: number[], missing: number[], lines: CoverageCounts): Map<number, number> | null {
  if (lines.valid === 0) return new Map();
  if (executed.length !== lines.covered || missing.length !== lines.valid - lines.covered) return null;
  const hits = new Map<number, number>();
  for (const line of executed) hits.set(line, 1);
  for (const line of missing) hits.set(line, 0);
  return new Map([...hits].sort((a, b) => a[0] - b[0]));
}

/** The counts of a summary object (a file's, or the report's "totals"). */
export function summaryCounts(summary: JsonObject, where: string): { lines: CoverageCounts; branches: CoverageCounts | null } {
  const lines = pair(summary, 'covered_lines', 'num_statements', where);
  if (!lines) throw new ReportError(`${where}: summary needs covered_lines and num_statements`);
  return { lines, branches: pair(summary, 'covered_branches', 'num_branches', where) };
}

export function coveragepyFile(path: string, value: unknown): RawFileCoverage {
  const entry = requireObject(value, `files[${JSON.stringify(path)}]`, FORMAT);
  const where = `files[${JSON.stringify(path)}]`;
  const { lines, branches } = summaryCounts(requireObject(entry.summary, `${where}.summary`, FORMAT), where);
  const executed = lineList(entry.executed_lines, `${where}.executed_lines`);
  const missing = lineList(entry.missing_lines, `${where}.missing_lines`);
  return {
    path,
    lines,
    branches,
    functions: functionCounts(entry.functions),
    statements: null,
    lineHits: statementHits(executed, missing, lines),
  };
}
