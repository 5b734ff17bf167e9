// The JUnit XML walk: turns the XML event stream into tests. Keeps only a stack of open suites,
// the open testcase and where the current text goes, so a 100,000-test file streams through
// with a few comparisons per event; text is kept only inside elements whose text we use.
import type { ResultSink, RawTestResult } from '../../model/raw-result.js';
import type { XmlHandlers } from '../xml/xml-stream.js';
import { ReportError } from '../report-error.js';
import { BoundedText } from '../text-limits.js';
import { isRerunElement } from './outcome.js';
import { TestcaseBuilder } from './testcase-builder.js';
import { RerunBuilder } from './rerun-builder.js';
import { openSuite, shareSuiteOutput, suiteOutput, type SuiteFrame } from './suite-frame.js';
import { RunFacts } from './run-facts.js';
import { parseTimestamp } from './timestamp.js';

const MAX_PROPERTY_TEXT = 8 * 1024;

interface HeaderMismatch {
  first: string;
  count: number;
}

export class JunitEvents implements XmlHandlers {
  readonly facts = new RunFacts();
  private rootKind: 'testsuites' | 'testsuite' | null = null;
  private rootDeclaredTests: number | undefined;
  private readonly suites: SuiteFrame[] = [];
  /** Tests in document order, held until the outermost open suite closes. */
  private pending: RawTestResult[] = [];
  private testcase: TestcaseBuilder | null = null;
  /** <testcase> elements opened inside the open one (not JUnit): ignored, with their close tags. */
  private nestedCases = 0;
  private rerun: RerunBuilder | null = null;
  private property: { name: string | undefined; text: BoundedText } | null = null;
  /** Where text events go now; the stack restores it when an element closes. */
  private target: BoundedText | null = null;
  private readonly targets: (BoundedText | null)[] = [];
  private caseCount = 0;
  private anonymousCases = 0;
  private mismatch: HeaderMismatch | null = null;

  constructor(private readonly sink: ResultSink) {}

  open(name: string, attributes: Record<string, string>): void {
    this.targets.push(this.target);
    this.target = null;
    if (this.rootKind === null) {
      this.openRoot(name, attributes);
      return;
    }
    switch (name) {
      case 'testsuite':
        if (this.testcase === null) this.openSuite(attributes);
        return;
      case 'testsuites':
        // <testsuites> inside <testsuites> only groups; its header may still carry a timestamp.
        if (this.testcase === null) this.facts.sawHeader(attributes, 'nested');
        return;
      case 'testcase':
        // A <testcase> inside a testcase is not JUnit; its parts are taken as the outer one's.
        if (this.testcase === null) this.openTestcase(attributes);
        else this.nestedCases += 1;
        return;
      case 'failure':
      case 'error':
      case 'skipped':
        if (this.testcase !== null && this.rerun === null) this.target = this.testcase.addResult(name, attributes);
        return;
      case 'stackTrace':
        if (this.rerun !== null) this.target = this.rerun.trace;
        return;
      case 'system-out':
        this.target = this.outputTarget('stdout');
        return;
      case 'system-err':
        this.target = this.outputTarget('stderr');
        return;
      case 'property':
        if (this.testcase === null) this.openProperty(attributes);
        return;
      default:
        if (this.testcase !== null && this.rerun === null && isRerunElement(name)) {
          this.rerun = new RerunBuilder(name, attributes);
          this.target = this.rerun.trace;
        }
    }
  }

  close(name: string): void {
    this.target = this.targets.pop() ?? null;
    switch (name) {
      case 'testsuite':
        if (this.testcase === null) this.closeSuite();
        return;
      case 'testcase':
        if (this.nestedCases > 0) this.nestedCases -= 1;
        else this.closeTestcase();
        return;
      case 'property':
        if (this.property !== null) {
          this.facts.sawProperty(this.property.name, this.property.text.toString().trim());
          this.property = null;
        }
        return;
      default:
        if (this.rerun !== null && this.testcase !== null && isRerunElement(name)) {
          this.testcase.addAttempt(this.rerun.build());
          this.rerun = null;
        }
    }
  }

  text(text: string): void {
    if (this.target !== null) this.target.append(text);
  }

  wantsText(): boolean {
    return this.target !== null;
  }

  /** After the last event: pushes what is left and the run facts. */
  finish(): void {
    this.flush();
    this.sink.runInfo(this.facts.info());
    if (this.rootDeclaredTests !== undefined && this.rootDeclaredTests !== this.caseCount) {
      this.noteMismatch('<testsuites>', this.rootDeclaredTests, this.caseCount);
    }
    if (this.mismatch) {
      const more = this.mismatch.count > 1 ? ` (and ${this.mismatch.count - 1} more suite headers disagree)` : '';
      this.sink.warn(`header totals disagree with the testcases: ${this.mismatch.first}${more}`);
    }
    if (this.anonymousCases > 0) {
      this.sink.warn(`${this.anonymousCases} <testcase> element(s) without name or classname ignored: a test needs a name`);
    }
  }

  private openRoot(name: string, attributes: Record<string, string>): void {
    if (name !== 'testsuites' && name !== 'testsuite') {
      throw new ReportError(`not a JUnit XML report: the root element is <${name}>, expected <testsuites> or <testsuite>`);
    }
    this.rootKind = name;
    if (name === 'testsuite') {
      this.openSuite(attributes);
      return;
    }
    this.facts.sawHeader(attributes, 'root');
    const declared = attributes.tests === undefined ? Number.NaN : Number(attributes.tests);
    if (Number.isInteger(declared)) this.rootDeclaredTests = declared;
  }

  private openSuite(attributes: Record<string, string>): void {
    const parent = this.suites.at(-1);
    // A root <testsuite> is the run itself; under <testsuites>, the outermost suites add up to it.
    const level = parent !== undefined ? 'nested' : this.rootKind === 'testsuite' ? 'root' : 'top';
    this.facts.sawHeader(attributes, level);
    this.suites.push(openSuite(attributes, parent));
  }

  private closeSuite(): void {
    const frame = this.suites.pop();
    if (frame === undefined) return;
    shareSuiteOutput(frame);
    if (frame.declaredTests !== undefined && frame.declaredTests !== frame.caseCount) {
      this.noteMismatch(`<testsuite name="${frame.name}">`, frame.declaredTests, frame.caseCount);
    }
    const parent = this.suites.at(-1);
    if (parent) parent.caseCount += frame.caseCount;
    else this.flush();
  }

  private openTestcase(attributes: Record<string, string>): void {
    this.testcase = new TestcaseBuilder(attributes);
    this.facts.sawTimestamp(parseTimestamp(attributes.timestamp));
  }

  private closeTestcase(): void {
    const builder = this.testcase;
    if (builder === null) return;
    this.testcase = null;
    this.rerun = null;
    this.caseCount += 1;
    const frame = this.suites.at(-1);
    if (frame) frame.caseCount += 1;
    if (builder.anonymous) {
      this.anonymousCases += 1;
      return;
    }
    const test = builder.build({ suite: frame?.suite ?? '', file: frame?.file });
    this.pending.push(test);
    if (frame) frame.tests.push(test);
    else this.flush();
  }

  private outputTarget(stream: 'stdout' | 'stderr'): BoundedText | null {
    if (this.rerun !== null) return this.rerun[stream];
    if (this.testcase !== null) return this.testcase[stream];
    const frame = this.suites.at(-1);
    if (frame === undefined) return null;
    frame[stream] ??= suiteOutput();
    return frame[stream];
  }

  private openProperty(attributes: Record<string, string>): void {
    if (attributes.value !== undefined) {
      this.facts.sawProperty(attributes.name, attributes.value);
      return;
    }
    // Some writers put the value in the element's text (Testmo's "complete" example).
    this.property = { name: attributes.name, text: new BoundedText(MAX_PROPERTY_TEXT) };
    this.target = this.property.text;
  }

  private flush(): void {
    for (const test of this.pending) this.sink.test(test);
    this.pending = [];
  }

  private noteMismatch(element: string, declared: number, found: number): void {
    if (this.mismatch) this.mismatch.count += 1;
    else this.mismatch = { first: `${element} says tests=${declared} but holds ${found} <testcase> elements`, count: 1 };
  }
}
