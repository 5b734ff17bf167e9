// Writes a run's coverage. Called by RunWriter inside the run's one transaction, so a run is
// stored with all its coverage or not at all. Statements are prepared once per writer.
import type { Database, Statement } from 'better-sqlite3';
import { missedLines } from '../coverage/missed-lines.js';
import type { AssembledCoverage, CoverageTotals } from '../model/file-coverage.js';
import type { CoverageCounts } from '../model/raw-coverage.js';

function pair(counts: CoverageCounts | null): [number | null, number | null] {
  return counts ? [counts.covered, counts.valid] : [null, null];
}

function totalsJson(totals: CoverageTotals): string {
  return JSON.stringify(totals);
}

export class CoverageWriter {
  private readonly upsertFile: Statement;
  private readonly insertTotals: Statement;
  private readonly insertResult: Statement;
  private readonly insertReport: Statement;

  constructor(db: Database) {
    // DO UPDATE (a no-op) rather than DO NOTHING so RETURNING yields the id either way.
    this.upsertFile = db
      .prepare(
        `INSERT INTO coverage_files (project_id, path) VALUES (?, ?)
         ON CONFLICT (project_id, path) DO UPDATE SET path = excluded.path
         RETURNING id`,
      )
      .pluck();
    this.insertTotals = db.prepare(
      `INSERT INTO run_coverage (run_id, format, files, lines_covered, lines_valid, branches_covered, branches_valid,
                                 functions_covered, functions_valid, statements_covered, statements_valid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertResult = db.prepare(
      `INSERT INTO coverage_results (run_id, file_id, lines_covered, lines_valid, branches_covered, branches_valid,
                                     functions_covered, functions_valid, statements_covered, statements_valid, missed_lines)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertReport = db.prepare(
      `INSERT INTO coverage_reports (run_id, ordinal, path, format, used, header, body, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  write(runId: string, projectId: number, coverage: AssembledCoverage): void {
    const { totals } = coverage;
    this.insertTotals.run(
      runId,
      coverage.format,
      totals.files,
      totals.lines.covered,
      totals.lines.valid,
      ...pair(totals.branches),
      ...pair(totals.functions),
      ...pair(totals.statements),
    );
    for (const file of coverage.files) {
      const fileId = this.upsertFile.get(projectId, file.path) as number;
      this.insertResult.run(
        runId,
        fileId,
        file.lines.covered,
        file.lines.valid,
        ...pair(file.branches),
        ...pair(file.functions),
        ...pair(file.statements),
        missedLines(file.lineHits),
      );
    }
    coverage.reports.forEach((report, ordinal) => {
      this.insertReport.run(
        runId,
        ordinal,
        report.path,
        report.format,
        report.used ? 1 : 0,
        report.header ? JSON.stringify(report.header) : null,
        totalsJson(report.body),
        JSON.stringify(report.notes),
      );
    });
  }
}
