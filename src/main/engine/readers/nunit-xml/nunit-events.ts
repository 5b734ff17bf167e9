// Turns the XML events of an NUnit 2 or NUnit 3 report into test results. Keeps only the stack
// of enclosing suites and the test-case being read, so memory does not grow with the report.
import type { ResultSink } from '../../model/raw-result.js';
import type { XmlHandlers } from '../xml/xml-stream.js';
import { ReportError } from '../report-error.js';
import { BoundedText, MAX_BODY_CHARS, MAX_MESSAGE_CHARS } from '../text-limits.js';
import { DistinctNames } from '../distinct-names.js';
import { isoTimestamp, secondsToMs } from '../dotnet-time.js';
import { nunitStatus } from './nunit-status.js';
import { suiteAndName, type SuiteFrame } from './nunit-test-name.js';
import { environmentRunInfo, firstSuiteRunInfo, rootRunInfo } from './nunit-run-info.js';
import { localName } from '../xml/xml-root.js';

export const NUNIT_ROOTS = new Set(['test-run', 'test-results', 'test-suite']);

interface CaseInProgress {
  attributes: Record<string, string>;
  /** Depth of the <test-case> element in `path`. */
  depth: number;
  hasFailure: boolean;
  failureMessage: BoundedText;
  reasonMessage: BoundedText;
  trace: BoundedText;
  output: BoundedText;
}

export class NUnitEvents implements XmlHandlers {
  private readonly path: string[] = [];
  private readonly suites: SuiteFrame[] = [];
  private current: CaseInProgress | null = null;
  private root = '';
  private sawSuite = false;
  private sawEnvironment = false;
  private readonly distinct = new DistinctNames();

  constructor(private readonly sink: ResultSink) {}

  open(rawName: string, attributes: Record<string, string>): void {
    const name = localName(rawName);
    this.path.push(name);
    if (this.path.length === 1) {
      this.openRoot(name, attributes);
      if (name !== 'test-suite') return;
    }
    if (this.current) {
      if (name === 'failure' && this.parentIs('test-case')) this.current.hasFailure = true;
      return;
    }
    if (name === 'test-suite') {
      if (!this.sawSuite && this.root === 'test-results') this.sink.runInfo(firstSuiteRunInfo(attributes));
      this.sawSuite = true;
      this.suites.push({ type: attributes.type, name: attributes.name, fullname: attributes.fullname, classname: attributes.classname });
    } else if (name === 'test-case') {
      this.current = {
        attributes,
        depth: this.path.length,
        hasFailure: false,
        failureMessage: new BoundedText(MAX_MESSAGE_CHARS),
        reasonMessage: new BoundedText(MAX_MESSAGE_CHARS),
        trace: new BoundedText(MAX_BODY_CHARS),
        output: new BoundedText(MAX_BODY_CHARS),
      };
    } else if (name === 'environment' && !this.sawEnvironment) {
      this.sawEnvironment = true;
      this.sink.runInfo(environmentRunInfo(attributes));
    }
  }

  text(text: string): void {
    const current = this.current;
    if (!current) return;
    // Only the case's own <failure>, <reason> and <output>: NUnit 3 also nests per-assertion
    // <assertions><assertion><message> that repeat the failure.
    const relative = this.path.slice(current.depth).join('/');
    if (relative === 'failure/message') current.failureMessage.append(text);
    else if (relative === 'failure/stack-trace') current.trace.append(text);
    else if (relative === 'reason/message') current.reasonMessage.append(text);
    else if (relative === 'output') current.output.append(text);
  }

  close(rawName: string): void {
    const name = localName(rawName);
    if (this.current && this.path.length === this.current.depth) {
      this.finishCase(this.current);
      this.current = null;
    } else if (!this.current && name === 'test-suite') {
      this.suites.pop();
    }
    this.path.pop();
  }

  /** Call once the file has been read to its end. */
  finish(): void {
    const renamed = this.distinct.warning();
    if (renamed) this.sink.warn(renamed);
  }

  private openRoot(name: string, attributes: Record<string, string>): void {
    if (!NUNIT_ROOTS.has(name)) {
      throw new ReportError(`not an NUnit XML report: the root element is <${name}>, expected <test-run>, <test-results> or <test-suite>`);
    }
    this.root = name;
    this.sink.runInfo(rootRunInfo(name, attributes));
  }

  private parentIs(name: string): boolean {
    return this.path[this.path.length - 2] === name;
  }

  private finishCase(current: CaseInProgress): void {
    const { attributes } = current;
    const { suite, name: listedName } = suiteAndName(attributes, this.suites);
    if (listedName === '') throw new ReportError('NUnit <test-case> without a name attribute');
    const name = this.distinct.name(suite, listedName, undefined);
    const status = nunitStatus(
      {
        result: attributes.result,
        label: attributes.label,
        site: attributes.site,
        executed: attributes.executed,
        success: attributes.success,
        hasFailure: current.hasFailure,
      },
      `"${name}"`,
    );
    const message = current.failureMessage.empty ? current.reasonMessage : current.failureMessage;
    this.sink.test({
      suite,
      name,
      status,
      durationMs: secondsToMs(attributes.duration ?? attributes.time),
      message: message.empty ? undefined : message.toString().trim(),
      trace: current.trace.empty ? undefined : current.trace.toString(),
      stdout: current.output.empty ? undefined : current.output.toString(),
      startedAt: isoTimestamp(attributes['start-time']),
    });
  }
}
