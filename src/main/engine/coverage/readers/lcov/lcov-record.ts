// One lcov record (SF: ... end_of_record): DA lines, BRDA branches, FN/FNDA (and lcov 2's
// FNL/FNA) functions, and the record's own LF/LH, BRF/BRH, FNF/FNH summary lines.
import type { CoverageCounts, RawFileCoverage } from '../../../model/raw-coverage.js';
import { ReportError } from '../../../readers/report-error.js';
import { LineTable } from '../../line-table.js';
import { count, lineNumber } from '../numbers.js';

export type SummaryKey = 'LF' | 'LH' | 'BRF' | 'BRH' | 'FNF' | 'FNH';

export class LcovRecord {
  private readonly table = new LineTable();
  /** (line, block, branch) → taken; '-' (never evaluated) counts as 0. */
  private readonly branchTaken = new Map<string, { line: number; taken: number }>();
  private functionsDeclared = 0;
  private readonly functionHits: number[] = [];
  /** lcov 2: FNL:index,line and FNA:index,hits,name. */
  private readonly indexedFunctions = new Map<string, number>();
  readonly summary: Partial<Record<SummaryKey, number>> = {};

  constructor(readonly path: string) {}

  data(value: string, where: string): void {
    const [line, hits] = value.split(',');
    const number = lineNumber(line, `${where} DA`);
    this.table.line(number, count(hits, `${where} DA:${value}`));
  }

  branch(value: string, where: string): void {
    const [line, block, branch, taken] = value.split(',');
    const number = lineNumber(line, `${where} BRDA`);
    if (block === undefined || branch === undefined || taken === undefined) throw new ReportError(`${where}: BRDA:${value} needs line,block,branch,taken`);
    const hits = taken === '-' ? 0 : count(taken, `${where} BRDA:${value}`);
    const key = `${number},${block},${branch}`;
    const seen = this.branchTaken.get(key);
    if (!seen || hits > seen.taken) this.branchTaken.set(key, { line: number, taken: hits });
  }

  functionDeclared(value: string, where: string): void {
    lineNumber(value.split(',')[0], `${where} FN`);
    this.functionsDeclared += 1;
  }

  functionData(value: string, where: string): void {
    this.functionHits.push(count(value.split(',')[0], `${where} FNDA:${value}`));
  }

  indexedFunction(value: string, where: string): void {
    const [index, line] = value.split(',');
    lineNumber(line, `${where} FNL`);
    if (index !== undefined && !this.indexedFunctions.has(index)) this.indexedFunctions.set(index, 0);
  }

  indexedFunctionData(value: string, where: string): void {
    const [index, hitsText] = value.split(',');
    if (index === undefined) return;
    const hits = count(hitsText, `${where} FNA:${value}`);
    this.indexedFunctions.set(index, Math.max(hits, this.indexedFunctions.get(index) ?? 0));
  }

  summaryLine(key: SummaryKey, value: string, where: string): void {
    this.summary[key] = count(value, `${where} ${key}`);
  }

  private functions(): CoverageCounts | null {
    if (this.indexedFunctions.size > 0) {
      const hits = [...this.indexedFunctions.values()];
      return { covered: hits.filter((hit) => hit > 0).length, valid: hits.length };
    }
    const valid = Math.max(this.functionsDeclared, this.functionHits.length);
    if (valid === 0) return this.summary.FNF === 0 ? { covered: 0, valid: 0 } : null;
    return { covered: Math.min(valid, this.functionHits.filter((hit) => hit > 0).length), valid };
  }

  private branches(): CoverageCounts | null {
    if (this.branchTaken.size === 0) return this.summary.BRF === 0 ? { covered: 0, valid: 0 } : null;
    let covered = 0;
    for (const { taken } of this.branchTaken.values()) if (taken > 0) covered += 1;
    return { covered, valid: this.branchTaken.size };
  }

  /** Where this record's own summary lines disagree with its DA/BRDA/FN lines, per figure. */
  summaryMismatches(file: RawFileCoverage): { figure: 'lines' | 'branches' | 'functions'; text: string }[] {
    const found: { figure: 'lines' | 'branches' | 'functions'; text: string }[] = [];
    const check = (figure: 'lines' | 'branches' | 'functions', total: SummaryKey, hit: SummaryKey, body: CoverageCounts | null, what: string): void => {
      const stated = { valid: this.summary[total], covered: this.summary[hit] };
      const counted = body ?? { covered: 0, valid: 0 };
      if ((stated.valid !== undefined && stated.valid !== counted.valid) || (stated.covered !== undefined && stated.covered !== counted.covered)) {
        found.push({ figure, text: `${this.path}: ${total} ${stated.valid ?? '?'} ${hit} ${stated.covered ?? '?'}, but ${counted.covered}/${counted.valid} ${what}` });
      }
    };
    check('lines', 'LF', 'LH', file.lines, 'DA lines hit');
    check('branches', 'BRF', 'BRH', file.branches, 'BRDA branches taken');
    check('functions', 'FNF', 'FNH', file.functions, 'functions hit');
    return found;
  }

  toFile(): RawFileCoverage {
    return this.table.toFile(this.path, { branches: this.branches(), functions: this.functions() });
  }
}
