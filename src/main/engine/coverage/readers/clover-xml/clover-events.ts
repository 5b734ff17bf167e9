// The Clover element walk: <coverage clover=...><project><metrics/><package><file path name>
// <metrics/><line num count type="stmt|cond|method" truecount falsecount/></file></package>
// </project><testproject/></coverage>. Statement and condition lines are the file's lines;
// method lines are functions. A file's own <metrics> give its branches, functions and
// statements (Istanbul and OpenClover fill truecount/falsecount differently; both fill metrics).
// <testproject> holds the coverage of test code and is skipped.
import type { CoverageSink } from '../../../model/raw-coverage.js';
import type { XmlHandlers } from '../../../readers/xml/xml-stream.js';
import { ReportError } from '../../../readers/report-error.js';
import { LineTable } from '../../line-table.js';
import { count, isoFromTimestamp, lineNumber, optionalCount } from '../numbers.js';
import { cloverMetrics, metricsHeader, type CloverMetrics } from './clover-metrics.js';

interface FileState {
  path: string;
  table: LineTable;
  metrics: CloverMetrics | null;
}

export class CloverEvents implements XmlHandlers {
  private readonly stack: string[] = [];
  private file: FileState | null = null;
  private inTestProject = false;

  constructor(private readonly sink: CoverageSink) {}

  open(name: string, attributes: Record<string, string>): void {
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(name);
    if (parent === undefined) {
      if (name !== 'coverage') throw new ReportError(`not a Clover report: the root element is <${name}>, not <coverage>`);
      this.sink.info({ startedAt: isoFromTimestamp(attributes.generated), tool: attributes.clover ? `clover ${attributes.clover}` : undefined });
      return;
    }
    if (name === 'testproject') this.inTestProject = true;
    if (this.inTestProject) return;
    if (name === 'project') this.sink.info({ startedAt: isoFromTimestamp(attributes.timestamp) });
    else if (name === 'metrics' && parent === 'project') {
      const header = metricsHeader(cloverMetrics(attributes, 'project'));
      if (header) this.sink.header(header);
    } else if (name === 'file') this.openFile(attributes);
    else if (name === 'metrics' && parent === 'file' && this.file) this.file.metrics = cloverMetrics(attributes, this.file.path);
    else if (name === 'line' && this.file) this.line(this.file, attributes);
  }

  close(name: string): void {
    this.stack.pop();
    if (name === 'testproject') this.inTestProject = false;
    else if (name === 'file' && this.file) {
      const { path, table, metrics } = this.file;
      this.sink.file(
        table.toFile(path, {
          branches: metrics?.conditionals ?? null,
          functions: metrics?.methods ?? table.functionCounts(),
          statements: metrics?.statements ?? null,
        }),
      );
      this.file = null;
    }
  }

  text(): void {
    // Clover elements carry no text.
  }

  private openFile(attributes: Record<string, string>): void {
    const path = attributes.path || attributes.name;
    if (!path) throw new ReportError('a <file> has neither a path nor a name');
    this.file = { path, table: new LineTable(), metrics: null };
  }

  private line(file: FileState, attributes: Record<string, string>): void {
    const where = `${file.path} line ${attributes.num ?? '?'}`;
    const number = lineNumber(attributes.num, file.path);
    const trueCount = optionalCount(attributes.truecount, `${where} truecount`);
    const falseCount = optionalCount(attributes.falsecount, `${where} falsecount`);
    // OpenClover may leave count off a condition line: it ran as often as it was evaluated.
    const hits = attributes.count !== undefined ? count(attributes.count, `${where} count`) : (trueCount ?? 0) + (falseCount ?? 0);
    if (attributes.type === 'method') file.table.function(hits > 0);
    else file.table.line(number, hits);
  }
}
