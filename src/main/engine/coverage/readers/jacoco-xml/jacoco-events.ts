// The JaCoCo element walk: <report><sessioninfo/><group>*<package name="com/x"><class/>
// <sourcefile name="A.java"><line nr mi ci mb cb/><counter/></sourcefile></package><counter/>.
// A file is named by its package path and source file name (com/x/A.java), the same on every
// machine. Lines come from <line> elements (covered when any instruction on it ran); a source
// file without them falls back to its LINE counter.
import type { CoverageCounts, CoverageSink } from '../../../model/raw-coverage.js';
import type { XmlHandlers } from '../../../readers/xml/xml-stream.js';
import { ReportError } from '../../../readers/report-error.js';
import { LineTable } from '../../line-table.js';
import { count, isoFromTimestamp, lineNumber } from '../numbers.js';
import { addCounter, counterHeader, type Counters } from './jacoco-counters.js';

interface SourceFileState {
  path: string;
  table: LineTable;
  counters: Counters;
}

function sameCounts(a: CoverageCounts, b: CoverageCounts): boolean {
  return a.covered === b.covered && a.valid === b.valid;
}

export class JacocoEvents implements XmlHandlers {
  private readonly stack: string[] = [];
  private readonly reportCounters: Counters = {};
  private packageName = '';
  private file: SourceFileState | null = null;
  private readonly mismatches: string[] = [];

  constructor(private readonly sink: CoverageSink) {}

  open(name: string, attributes: Record<string, string>): void {
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(name);
    if (parent === undefined) {
      if (name !== 'report') throw new ReportError(`not a JaCoCo report: the root element is <${name}>, not <report>`);
      return;
    }
    switch (name) {
      case 'sessioninfo':
        this.sink.info({ startedAt: isoFromTimestamp(attributes.start) });
        break;
      case 'package':
        this.packageName = attributes.name ?? '';
        break;
      case 'sourcefile':
        this.openSourceFile(attributes);
        break;
      case 'line':
        if (this.file && parent === 'sourcefile') this.line(this.file, attributes);
        break;
      case 'counter':
        if (parent === 'report') addCounter(this.reportCounters, attributes, 'report');
        else if (this.file && parent === 'sourcefile') addCounter(this.file.counters, attributes, this.file.path);
        break;
      default:
        break;
    }
  }

  close(name: string): void {
    this.stack.pop();
    if (name === 'sourcefile' && this.file) {
      this.sink.file(this.fileCoverage(this.file));
      this.file = null;
    } else if (name === 'package') {
      this.packageName = '';
    }
  }

  text(): void {
    // JaCoCo elements carry no text.
  }

  finish(): void {
    const header = counterHeader(this.reportCounters);
    if (header) this.sink.header(header);
    if (this.mismatches.length > 0) {
      this.sink.warn(
        `${this.mismatches.length} source file(s) whose <line> elements disagree with their LINE counter (${this.mismatches.slice(0, 3).join('; ')}); the lines were used`,
      );
    }
  }

  private openSourceFile(attributes: Record<string, string>): void {
    const name = attributes.name;
    if (name === undefined || name === '') throw new ReportError(`a <sourcefile> in package ${JSON.stringify(this.packageName)} has no name`);
    this.file = { path: this.packageName ? `${this.packageName}/${name}` : name, table: new LineTable(), counters: {} };
  }

  private line(file: SourceFileState, attributes: Record<string, string>): void {
    const where = `${file.path} line ${attributes.nr ?? '?'}`;
    const number = lineNumber(attributes.nr, file.path);
    const coveredInstructions = count(attributes.ci ?? '0', `${where} ci`);
    const missedBranches = count(attributes.mb ?? '0', `${where} mb`);
    const coveredBranches = count(attributes.cb ?? '0', `${where} cb`);
    file.table.line(number, coveredInstructions > 0 ? 1 : 0);
    if (missedBranches + coveredBranches > 0) file.table.branches(number, coveredBranches, missedBranches + coveredBranches);
  }

  private fileCoverage(file: SourceFileState): ReturnType<LineTable['toFile']> {
    const { counters, table } = file;
    const fromLines = table.lineCount > 0;
    if (fromLines && counters.LINE && !sameCounts(counters.LINE, table.lineCounts())) {
      const lines = table.lineCounts();
      this.mismatches.push(`${file.path}: LINE ${counters.LINE.covered}/${counters.LINE.valid}, lines ${lines.covered}/${lines.valid}`);
    }
    const covered = table.toFile(file.path, {
      lines: fromLines ? undefined : (counters.LINE ?? { covered: 0, valid: 0 }),
      branches: fromLines ? table.branchCounts() ?? counters.BRANCH ?? null : counters.BRANCH ?? null,
      functions: counters.METHOD ?? null,
    });
    return fromLines ? covered : { ...covered, lineHits: null };
  }
}
