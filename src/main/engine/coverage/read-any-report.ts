// Reads one file as whatever report it is: test results first (every test reader is tried), then
// coverage. A Jest JSON report may carry the run's coverage too (--coverage): it is read here so
// the run gets both from one file.
import { readFile } from 'node:fs/promises';
import type { ParsedCoverage } from '../model/file-coverage.js';
import type { ParsedReport } from '../model/normalised-report.js';
import { NotAReportError, detectReader, readHead, readReport, whyUnrecognised } from '../ingest/read-report.js';
import { ReportError } from '../readers/report-error.js';
import { readJestCoverage } from './jest-coverage.js';
import { detectCoverageReader, readCoverageWith } from './read-coverage.js';

export type ReadOutcome = { kind: 'tests'; report: ParsedReport } | { kind: 'coverage'; coverage: ParsedCoverage };

/** The coverage inside a Jest report; a broken coverage map costs the coverage, not the tests. */
async function withJestCoverage(report: ParsedReport): Promise<ParsedReport> {
  // A cheap byte search first: parsing a large report a second time only when it has coverage.
  if (!(await readFile(report.path)).includes('"coverageMap"')) return report;
  try {
    return { ...report, coverage: await readJestCoverage(report) };
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    return { ...report, warnings: [...report.warnings, `coverageMap not read, the run has no coverage from it: ${error.message}`] };
  }
}

/** Throws NotAReportError when no reader claims the file, ReportError when it is claimed but bad. */
export async function readAnyReport(path: string): Promise<ReadOutcome> {
  const head = await readHead(path);
  if (detectReader(head.text)) {
    const report = await readReport(path);
    return { kind: 'tests', report: report.format === 'jest-json' ? await withJestCoverage(report) : report };
  }
  const reader = detectCoverageReader(head.text);
  if (reader) return { kind: 'coverage', coverage: await readCoverageWith(path, head, reader) };
  throw new NotAReportError(await whyUnrecognised(path, head));
}
