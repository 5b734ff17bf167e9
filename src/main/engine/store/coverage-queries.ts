// Read side of coverage: a run's coverage in detail, its files' counts (for comparisons), and one
// file's history across the runs of its project.
import type { Database, Statement } from 'better-sqlite3';
import type { CoverageReportView, FileCoverageView, RunCoverage, StatedTotals } from '../../../shared/coverage-types.js';
import type { RunSlot } from '../coverage/attach-coverage.js';
import type { CoverageTotals } from '../model/file-coverage.js';

interface TotalsRow {
  format: string;
  files: number;
  lines_covered: number;
  lines_valid: number;
  branches_covered: number | null;
  branches_valid: number | null;
  functions_covered: number | null;
  functions_valid: number | null;
  statements_covered: number | null;
  statements_valid: number | null;
}

interface FileRow extends Omit<TotalsRow, 'format' | 'files'> {
  path: string;
  missed_lines: string | null;
}

interface ReportRow {
  path: string;
  format: string;
  used: number;
  header: string | null;
  body: string;
  notes: string;
}

/** Counts of one file in one run, for comparisons and history. */
export interface FileCounts {
  path: string;
  linesCovered: number;
  linesValid: number;
}

export interface FileHistoryPoint {
  runId: string;
  startedAt: string;
  linesCovered: number;
  linesValid: number;
  lineRate: number;
}

function rate(covered: number | null, valid: number | null): number | null {
  return covered === null || valid === null ? null : valid > 0 ? covered / valid : 0;
}

function fileView(row: FileRow): FileCoverageView {
  return {
    path: row.path,
    linesCovered: row.lines_covered,
    linesValid: row.lines_valid,
    lineRate: rate(row.lines_covered, row.lines_valid) ?? 0,
    branchesCovered: row.branches_covered,
    branchesValid: row.branches_valid,
    functionsCovered: row.functions_covered,
    functionsValid: row.functions_valid,
    statementsCovered: row.statements_covered,
    statementsValid: row.statements_valid,
    missedLines: row.missed_lines,
  };
}

function reportView(row: ReportRow): CoverageReportView {
  const body = JSON.parse(row.body) as CoverageTotals;
  return {
    path: row.path,
    format: row.format,
    used: row.used === 1,
    header: row.header === null ? null : (JSON.parse(row.header) as StatedTotals),
    files: body.files,
    lines: body.lines,
    branches: body.branches,
    functions: body.functions,
    notes: JSON.parse(row.notes) as string[],
  };
}

export class CoverageQueries {
  private readonly totalsOfRun: Statement;
  private readonly filesOfRun: Statement;
  private readonly reportsOfRun: Statement;
  private readonly historyOfFile: Statement;
  private readonly uncoveredRunsInFolder: Statement;

  constructor(db: Database) {
    this.totalsOfRun = db.prepare(`SELECT * FROM run_coverage WHERE run_id = ?`);
    this.filesOfRun = db.prepare(
      `SELECT f.path, c.lines_covered, c.lines_valid, c.branches_covered, c.branches_valid, c.functions_covered,
              c.functions_valid, c.statements_covered, c.statements_valid, c.missed_lines
       FROM coverage_results c JOIN coverage_files f ON f.id = c.file_id WHERE c.run_id = ? ORDER BY f.path`,
    );
    this.reportsOfRun = db.prepare(`SELECT path, format, used, header, body, notes FROM coverage_reports WHERE run_id = ? ORDER BY ordinal`);
    this.historyOfFile = db.prepare(
      `SELECT r.id AS run_id, r.started_at, c.lines_covered, c.lines_valid
       FROM coverage_files f
       JOIN projects p ON p.id = f.project_id
       JOIN coverage_results c ON c.file_id = f.id
       JOIN runs r ON r.id = c.run_id
       WHERE p.name = ? AND f.path = ? ORDER BY r.started_at, r.id`,
    );
    this.uncoveredRunsInFolder = db.prepare(
      `SELECT r.id, r.started_at, r.duration_ms, MIN(s.mtime_ms) AS first_mtime, MAX(s.mtime_ms) AS last_mtime
       FROM runs r JOIN source_files s ON s.run_id = r.id
       WHERE r.folder = ? AND NOT EXISTS (SELECT 1 FROM run_coverage c WHERE c.run_id = r.id)
       GROUP BY r.id`,
    );
  }

  /**
   * Stored runs of a folder that have no coverage yet, as attachment slots: coverage written after
   * its run was stored (a watcher ingests the tests the moment they land) still finds its run.
   */
  uncoveredRunSlots(folder: string): RunSlot[] {
    const rows = this.uncoveredRunsInFolder.all(folder) as { id: string; started_at: number; duration_ms: number | null; first_mtime: number; last_mtime: number }[];
    return rows.map((row) => {
      const duration = row.duration_ms ?? 0;
      return {
        folder,
        ownSpan: [row.started_at, row.started_at + duration],
        fileSpan: [row.first_mtime - duration, row.last_mtime],
        startedAtMs: row.started_at,
        storedRunId: row.id,
      };
    });
  }

  /** The run's coverage in detail, or null when it has none. */
  runCoverage(runId: string): RunCoverage | null {
    const totals = this.totalsOfRun.get(runId) as TotalsRow | undefined;
    if (!totals) return null;
    const reports = (this.reportsOfRun.all(runId) as ReportRow[]).map(reportView);
    return {
      linesCovered: totals.lines_covered,
      linesValid: totals.lines_valid,
      lineRate: rate(totals.lines_covered, totals.lines_valid) ?? 0,
      branchesCovered: totals.branches_covered ?? 0,
      branchesValid: totals.branches_valid ?? 0,
      format: totals.format,
      fileCount: totals.files,
      branchRate: rate(totals.branches_covered, totals.branches_valid),
      functionsCovered: totals.functions_covered,
      functionsValid: totals.functions_valid,
      statementsCovered: totals.statements_covered,
      statementsValid: totals.statements_valid,
      reports,
      warnings: reports.flatMap((report) => report.notes.map((note) => `${report.path}: ${note}`)),
      files: (this.filesOfRun.all(runId) as FileRow[]).map(fileView),
    };
  }

  /** Every file's line counts in a run; null when the run has no coverage. */
  fileCounts(runId: string): FileCounts[] | null {
    if (!this.totalsOfRun.get(runId)) return null;
    return (this.filesOfRun.all(runId) as FileRow[]).map((row) => ({ path: row.path, linesCovered: row.lines_covered, linesValid: row.lines_valid }));
  }

  /** One file's line coverage in every run of its project that has it, oldest first. */
  fileHistory(project: string, path: string): FileHistoryPoint[] {
    const rows = this.historyOfFile.all(project, path) as { run_id: string; started_at: number; lines_covered: number; lines_valid: number }[];
    return rows.map((row) => ({
      runId: row.run_id,
      startedAt: new Date(row.started_at).toISOString(),
      linesCovered: row.lines_covered,
      linesValid: row.lines_valid,
      lineRate: rate(row.lines_covered, row.lines_valid) ?? 0,
    }));
  }
}
