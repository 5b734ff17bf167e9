// lcov tracefiles (genhtml's input; written by lcov/geninfo, Istanbul/c8/nyc, coverage.py,
// grcov, gcov2lcov, cargo-llvm-cov...): records of SF:<file> ... end_of_record.
// LF/LH, BRF/BRH and FNF/FNH are each record's own summary: summed, they are the report's header.
import type { CoverageHeader, CoverageSink, HeaderFigure } from '../../../model/raw-coverage.js';
import { readLines } from '../../../readers/read-lines.js';
import { ReportError } from '../../../readers/report-error.js';
import type { ReportInput } from '../../../readers/report-reader.js';
import type { CoverageReader } from '../../coverage-reader.js';
import { LcovRecord, type SummaryKey } from './lcov-record.js';

const SUMMARY_KEYS = new Set<string>(['LF', 'LH', 'BRF', 'BRH', 'FNF', 'FNH']);

function isSummaryKey(key: string): key is SummaryKey {
  return SUMMARY_KEYS.has(key);
}

/** Sums of one summary pair over all records, when every record has both lines. */
class SummarySums {
  private readonly sums = new Map<SummaryKey, number>();
  private records = 0;
  private readonly complete = new Map<SummaryKey, number>();

  add(summary: Partial<Record<SummaryKey, number>>): void {
    this.records += 1;
    for (const [key, value] of Object.entries(summary)) {
      if (!isSummaryKey(key) || value === undefined) continue;
      this.sums.set(key, (this.sums.get(key) ?? 0) + value);
      this.complete.set(key, (this.complete.get(key) ?? 0) + 1);
    }
  }

  private figure(found: SummaryKey, hit: SummaryKey): HeaderFigure | undefined {
    if (this.records === 0 || this.complete.get(found) !== this.records || this.complete.get(hit) !== this.records) return undefined;
    return { covered: this.sums.get(hit) ?? 0, valid: this.sums.get(found) ?? 0 };
  }

  header(): CoverageHeader | null {
    const header: CoverageHeader = {};
    const lines = this.figure('LF', 'LH');
    const branches = this.figure('BRF', 'BRH');
    const functions = this.figure('FNF', 'FNH');
    if (lines) header.lines = lines;
    if (branches) header.branches = branches;
    if (functions) header.functions = functions;
    return Object.keys(header).length > 0 ? header : null;
  }
}

export const lcovReader: CoverageReader = {
  format: 'lcov',

  matches(head: string): boolean {
    // A tracefile starts with TN: (test name, often empty) or directly with SF:.
    return /^(?:TN:[^\n]*\r?\n)*SF:[^\n]+/.test(head);
  },

  async read(input: ReportInput, sink: CoverageSink): Promise<void> {
    const sums = new SummarySums();
    const mismatches: { figure: 'lines' | 'branches' | 'functions'; text: string }[] = [];
    let record: LcovRecord | null = null;
    let lastLine = 0;
    for await (const { text: line, number } of readLines(input)) {
      lastLine = number;
      const text = line.trim();
      if (text === '' || text.startsWith('#')) continue;
      if (text === 'end_of_record') {
        if (!record) throw new ReportError(`line ${number}: end_of_record outside a record`);
        sums.add(record.summary);
        const file = record.toFile();
        mismatches.push(...record.summaryMismatches(file));
        sink.file(file);
        record = null;
        continue;
      }
      const colon = text.indexOf(':');
      const key = colon < 0 ? text : text.slice(0, colon);
      const value = colon < 0 ? '' : text.slice(colon + 1);
      if (key === 'SF') {
        if (record) throw new ReportError(`line ${number}: SF:${value} starts a record before ${record.path} ended (no end_of_record)`);
        if (value === '') throw new ReportError(`line ${number}: SF: names no file`);
        record = new LcovRecord(value);
        continue;
      }
      if (key === 'TN' || key === 'VER') continue;
      if (!record) throw new ReportError(`line ${number}: ${key}: outside a record (no SF: before it)`);
      const where = `line ${number} (${record.path})`;
      if (key === 'DA') record.data(value, where);
      else if (key === 'BRDA') record.branch(value, where);
      else if (key === 'FN') record.functionDeclared(value, where);
      else if (key === 'FNDA') record.functionData(value, where);
      else if (key === 'FNL') record.indexedFunction(value, where);
      else if (key === 'FNA') record.indexedFunctionData(value, where);
      else if (isSummaryKey(key)) record.summaryLine(key, value, where);
      else if (!/^[A-Z]+$/.test(key)) throw new ReportError(`line ${number}: not an lcov line: ${JSON.stringify(text.slice(0, 80))}`);
      // Other upper-case keys (BRDA's relatives in newer lcov, MCDC...) are not counted.
    }
    if (record) throw new ReportError(`truncated lcov: the record of ${record.path} has no end_of_record (file ends at line ${lastLine})`);
    const header = sums.header();
    if (header) sink.header(header);
    // Figures summed into the header are checked against the files by the ingest layer; the
    // others (some records without summary lines) are checked here, record by record.
    const unchecked = mismatches.filter((mismatch) => !header?.[mismatch.figure]);
    if (unchecked.length > 0) {
      const shown = unchecked.slice(0, 3).map((mismatch) => mismatch.text).join('; ');
      sink.warn(`${unchecked.length} record(s) whose summary lines disagree with their data (${shown}${unchecked.length > 3 ? '; …' : ''}); the data lines were counted`);
    }
  },
};
