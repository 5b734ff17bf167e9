// Turns the XML events of an xUnit.net v1/v2/v3 report (or Fixie's xUnit-style report) into
// test results: <assemblies><assembly><collection|class><test result=...>.
import type { ResultSink } from '../../model/raw-result.js';
import type { XmlHandlers } from '../xml/xml-stream.js';
import { ReportError } from '../report-error.js';
import { BoundedText, MAX_BODY_CHARS, MAX_MESSAGE_CHARS } from '../text-limits.js';
import { DistinctNames } from '../distinct-names.js';
import { secondsToMs } from '../dotnet-time.js';
import { localName } from '../xml/xml-root.js';
import { xunitStatus } from './xunit-status.js';
import { XunitRunInfo } from './xunit-run-info.js';

export const XUNIT_ROOTS = new Set(['assemblies', 'assembly']);

interface Entry {
  attributes: Record<string, string>;
  /** Depth of the <test> or <error> element in `path`. */
  depth: number;
  exceptionType: string;
  message: BoundedText;
  trace: BoundedText;
  reason: BoundedText;
  output: BoundedText;
}

export class XunitEvents implements XmlHandlers {
  private readonly runInfo = new XunitRunInfo();
  private readonly path: string[] = [];
  private readonly distinct = new DistinctNames();
  /** xUnit v1 groups tests in <class name=...>. */
  private className = '';
  private test: Entry | null = null;
  private error: Entry | null = null;

  constructor(private readonly sink: ResultSink) {}

  open(rawName: string, attributes: Record<string, string>): void {
    const name = localName(rawName);
    this.path.push(name);
    if (this.path.length === 1 && !XUNIT_ROOTS.has(name)) {
      throw new ReportError(`not an xUnit.net XML report: the root element is <${name}>, expected <assemblies> or <assembly>`);
    }
    const entry = this.test ?? this.error;
    if (entry) {
      if (name === 'failure' && this.path.length === entry.depth + 1) entry.exceptionType = attributes['exception-type'] ?? '';
      return;
    }
    if (name === 'assemblies' && this.path.length === 1) this.runInfo.assemblies(attributes);
    else if (name === 'assembly') this.runInfo.assembly(attributes);
    else if (name === 'class') this.className = attributes.name ?? '';
    else if (name === 'test') this.test = newEntry(attributes, this.path.length);
    else if (name === 'error' && this.parentIs('errors')) this.error = newEntry(attributes, this.path.length);
  }

  text(text: string): void {
    const entry = this.test ?? this.error;
    if (!entry) return;
    const relative = this.path.slice(entry.depth).join('/');
    if (relative === 'failure/message') entry.message.append(text);
    else if (relative === 'failure/stack-trace') entry.trace.append(text);
    else if (relative === 'reason') entry.reason.append(text);
    else if (relative === 'output') entry.output.append(text);
  }

  close(rawName: string): void {
    const name = localName(rawName);
    const depth = this.path.length;
    if (this.test && depth === this.test.depth) {
      this.finishTest(this.test);
      this.test = null;
    } else if (this.error && depth === this.error.depth) {
      this.finishError(this.error);
      this.error = null;
    } else if (name === 'class' && !this.test) {
      this.className = '';
    }
    this.path.pop();
  }

  /** Call once the file has been read to its end. */
  finish(): void {
    this.sink.runInfo(this.runInfo.result());
    const renamed = this.distinct.warning();
    if (renamed) this.sink.warn(renamed);
  }

  private parentIs(name: string): boolean {
    return this.path[this.path.length - 2] === name;
  }

  private finishTest(entry: Entry): void {
    const { attributes } = entry;
    const listedName = attributes.name || attributes.method || '';
    if (listedName === '') throw new ReportError('xUnit <test> without a name attribute');
    // type= is the test class; v2 display names usually repeat it ("Ns.Class.Method(args)").
    const suite = attributes.type?.trim() || this.className;
    const shortName = suite && listedName.startsWith(`${suite}.`) ? listedName.slice(suite.length + 1) : listedName;
    const status = xunitStatus(attributes.result, `"${listedName}"`);
    const failure = entry.message.empty ? entry.exceptionType : entry.message.toString().trim();
    const message = failure || (entry.reason.empty ? '' : entry.reason.toString().trim());
    this.sink.test({
      suite,
      name: this.distinct.name(suite, shortName, undefined),
      status,
      durationMs: secondsToMs(attributes.time),
      message: message || undefined,
      trace: entry.trace.empty ? undefined : entry.trace.toString(),
      stdout: entry.output.empty ? undefined : entry.output.toString(),
    });
  }

  /**
   * <errors><error type="test-class-cleanup" name="Ns.Class">: a failure outside any test
   * (fixture, collection or assembly cleanup). It becomes an errored test "[test-class-cleanup]"
   * of what failed, so it shows in the counts as it does when the same run is written as TRX
   * (xUnit's adapter reports it as a test "[Test Class Cleanup Failure (...)]").
   */
  private finishError(entry: Entry): void {
    const type = entry.attributes.type?.trim() || 'error';
    const failure = entry.message.empty ? entry.exceptionType : entry.message.toString().trim();
    this.sink.test({
      suite: entry.attributes.name?.trim() ?? '',
      name: `[${type}]`,
      status: 'errored',
      message: failure || undefined,
      trace: entry.trace.empty ? undefined : entry.trace.toString(),
    });
  }
}

function newEntry(attributes: Record<string, string>, depth: number): Entry {
  return {
    attributes,
    depth,
    exceptionType: '',
    message: new BoundedText(MAX_MESSAGE_CHARS),
    trace: new BoundedText(MAX_BODY_CHARS),
    reason: new BoundedText(MAX_MESSAGE_CHARS),
    output: new BoundedText(MAX_BODY_CHARS),
  };
}
