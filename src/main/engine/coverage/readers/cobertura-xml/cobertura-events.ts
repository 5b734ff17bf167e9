// The Cobertura element walk. Only a class's own <lines> count: classic Cobertura repeats every
// line inside <methods><method><lines>, which would count it twice. Inner classes of one source
// file (Main and Main$Helper in Main.java) are one file. <method>s give functions.
import type { CoverageSink } from '../../../model/raw-coverage.js';
import type { XmlHandlers } from '../../../readers/xml/xml-stream.js';
import { ReportError } from '../../../readers/report-error.js';
import { BoundedText } from '../../../readers/text-limits.js';
import { LineTable } from '../../line-table.js';
import { count, isoFromTimestamp, lineNumber, optionalCount, optionalRate } from '../numbers.js';
import { coberturaHeader } from './cobertura-header.js';
import { conditionCoverage } from './condition-coverage.js';

/** A source path is never longer than this; the cap keeps a hostile <source> bounded. */
const MAX_SOURCE_CHARS = 4096;

interface MethodState {
  hits: number | undefined;
  lineRate: number | undefined;
  anyLineHit: boolean;
}

export class CoberturaEvents implements XmlHandlers {
  private readonly files = new Map<string, LineTable>();
  private readonly sources: string[] = [];
  private source: BoundedText | null = null;
  private table: LineTable | null = null;
  private className = '';
  private readonly classWhere = (): string => `class ${this.className}`;
  /** The <line> being read, for messages built only when it is bad (no closure per line). */
  private lineAttributes: Record<string, string> = {};
  private readonly lineWhere = (): string => `class ${this.className}, line ${this.lineAttributes.number ?? '?'}`;
  private method: MethodState | null = null;
  private sawRoot = false;

  constructor(private readonly sink: CoverageSink) {}

  open(name: string, attributes: Record<string, string>): void {
    if (!this.sawRoot) {
      this.sawRoot = true;
      if (name !== 'coverage') throw new ReportError(`not a Cobertura report: the root element is <${name}>, not <coverage>`);
      const header = coberturaHeader(attributes);
      if (header) this.sink.header(header);
      this.sink.info({ startedAt: isoFromTimestamp(attributes.timestamp), tool: attributes.version ? `version ${attributes.version}` : undefined });
      return;
    }
    switch (name) {
      case 'source':
        this.source = new BoundedText(MAX_SOURCE_CHARS);
        break;
      case 'class':
        this.openClass(attributes);
        break;
      case 'method':
        if (this.table) {
          this.method = {
            hits: optionalCount(attributes.hits, `method ${attributes.name ?? ''} of class ${this.className}`),
            lineRate: optionalRate(attributes['line-rate']),
            anyLineHit: false,
          };
        }
        break;
      case 'line':
        this.line(attributes);
        break;
      default:
        break;
    }
  }

  close(name: string): void {
    if (name === 'source' && this.source) {
      const text = this.source.toString().trim();
      if (text !== '') this.sources.push(text);
      this.source = null;
    } else if (name === 'method' && this.method && this.table) {
      const { hits, lineRate, anyLineHit } = this.method;
      this.table.function(hits !== undefined ? hits > 0 : anyLineHit || (lineRate ?? 0) > 0);
      this.method = null;
    } else if (name === 'class') {
      this.table = null;
      this.method = null;
    }
  }

  text(text: string): void {
    this.source?.append(text);
  }

  /** Called once the document is complete: nothing is pushed from a report that breaks midway. */
  finish(): void {
    if (this.sources.length > 0) this.sink.info({ sourceRoots: this.sources });
    for (const [path, table] of this.files) this.sink.file(table.toFile(path));
  }

  private openClass(attributes: Record<string, string>): void {
    this.className = attributes.name ?? '';
    const filename = attributes.filename;
    if (filename === undefined || filename.trim() === '') {
      throw new ReportError(`class ${JSON.stringify(this.className)} has no filename attribute`);
    }
    let table = this.files.get(filename);
    if (!table) {
      table = new LineTable();
      this.files.set(filename, table);
    }
    this.table = table;
  }

  private line(attributes: Record<string, string>): void {
    if (!this.table) return;
    this.lineAttributes = attributes;
    const where = this.lineWhere;
    const hits = count(attributes.hits, where);
    if (this.method) {
      if (hits > 0) this.method.anyLineHit = true;
      return;
    }
    const number = lineNumber(attributes.number, this.classWhere);
    this.table.line(number, hits);
    const condition = attributes['condition-coverage'];
    const branches = condition === undefined || attributes.branch === 'false' ? null : conditionCoverage(condition, where);
    if (branches) this.table.branches(number, branches.covered, branches.valid);
  }
}
