// `vigil show`'s coverage lines: the run's totals (from its files), what each report's header
// says where it disagrees, and the files with the lowest line rate.
import type { FileCoverageView, RunCoverage } from '../../shared/coverage-types.js';
import { formatTable } from './format-table.js';

/** How many of the least covered files `vigil show` lists. */
export const LOWEST_FILES = 10;

function figure(covered: number | null, valid: number | null): string | null {
  if (covered === null || valid === null) return null;
  return valid === 0 ? '0/0' : `${covered}/${valid} (${((covered / valid) * 100).toFixed(1)}%)`;
}

export function coverageLines(coverage: RunCoverage): string[] {
  const parts = [
    `lines ${figure(coverage.linesCovered, coverage.linesValid)}`,
    coverage.branchRate === null ? null : `branches ${figure(coverage.branchesCovered, coverage.branchesValid)}`,
    coverage.functionsValid === null ? null : `functions ${figure(coverage.functionsCovered, coverage.functionsValid)}`,
    coverage.statementsValid === null ? null : `statements ${figure(coverage.statementsCovered, coverage.statementsValid)}`,
  ].filter((part): part is string => part !== null);
  const used = coverage.reports.filter((report) => report.used).map((report) => report.path);
  const others = coverage.reports.length - used.length;
  return [
    `coverage  ${parts.join(', ')}`,
    `          ${coverage.fileCount} file(s), from ${coverage.format}: ${used.join(', ')}${others > 0 ? ` (${others} other format(s) of the same coverage checked)` : ''}`,
    ...coverage.warnings.map((warning) => `  note    ${warning}`),
  ];
}

function lowest(files: readonly FileCoverageView[]): FileCoverageView[] {
  return files
    .filter((file) => file.linesValid > 0)
    .sort((a, b) => a.lineRate - b.lineRate || a.path.localeCompare(b.path))
    .slice(0, LOWEST_FILES);
}

/** The least covered files as a table, or '' when no file has lines. */
export function lowestFilesTable(coverage: RunCoverage): string {
  const files = lowest(coverage.files);
  if (files.length === 0) return '';
  const rows = files.map((file) => [
    file.path,
    `${file.linesCovered}/${file.linesValid}`,
    `${(file.lineRate * 100).toFixed(1)}%`,
    (file.missedLines ?? '').slice(0, 60),
  ]);
  return formatTable(['LOWEST COVERAGE', 'LINES', 'RATE', 'MISSED LINES'], rows, new Set([1, 2]));
}
