// Turns the XML events of a TRX file into test results. A result names its test by testId; the
// test's class lives in <TestDefinitions>, which vstest writes AFTER <Results>. So results are
// kept as small records (their texts already capped) and resolved once the file has ended.
import type { RawRunInfo, RawTestResult, ResultSink } from '../../model/raw-result.js';
import type { XmlHandlers } from '../xml/xml-stream.js';
import { ReportError, oneLine } from '../report-error.js';
import { BoundedText, MAX_BODY_CHARS, MAX_MESSAGE_CHARS } from '../text-limits.js';
import { DistinctNames } from '../distinct-names.js';
import { isoTimestamp, spanMs } from '../dotnet-time.js';
import { localName } from '../xml/xml-root.js';
import { timeSpanMs } from './trx-duration.js';
import { trxStatus } from './trx-status.js';

// vstest writes UnitTestResult; ordered tests aggregate inner results; the others are the
// Visual Studio test types that share the same result shape.
const RESULT_ELEMENTS = new Set(['UnitTestResult', 'TestResultAggregation', 'GenericTestResult', 'ManualTestResult', 'WebTestResult']);

// xUnit's adapter copies each failed or skipped test into RunInfos ("[xUnit.net 00:00:00.39]
// Ns.Class.Test [FAIL]"); those repeat the results and are not news. Other run infos (the test
// host crashed, no test was found) are warned about.
const ADAPTER_TEST_LINE = /\[(FAIL|SKIP)\]\s*$/;

interface OpenResult {
  attributes: Record<string, string>;
  depth: number;
  hasInner: boolean;
  message: BoundedText;
  trace: BoundedText;
  stdout: BoundedText;
  stderr: BoundedText;
}

interface PendingResult {
  testId?: string;
  executionId?: string;
  testName: string;
  /** What tells this test from a namesake: its test id, or a data row's execution id. */
  identity?: string;
  /** Everything but the class and name, which need <TestDefinitions>. */
  result: Omit<RawTestResult, 'suite' | 'name'>;
}

interface Definition {
  id?: string;
  executionId?: string;
  name?: string;
  className?: string;
}

export class TrxEvents implements XmlHandlers {
  private readonly path: string[] = [];
  private readonly openResults: OpenResult[] = [];
  private readonly pending: PendingResult[] = [];
  private readonly classById = new Map<string, string>();
  private readonly classByExecution = new Map<string, string>();
  private readonly nameById = new Map<string, string>();
  private readonly definedIds = new Set<string>();
  private readonly distinct = new DistinctNames();
  private definition: Definition | null = null;
  private runInfoText: { outcome: string; text: BoundedText } | null = null;
  private readonly info: RawRunInfo & { properties: Record<string, string> } = { properties: {} };

  constructor(private readonly sink: ResultSink) {}

  open(rawName: string, attributes: Record<string, string>): void {
    const name = localName(rawName);
    this.path.push(name);
    if (this.path.length === 1) {
      if (name !== 'TestRun') throw new ReportError(`not a TRX file: the root element is <${name}>, expected <TestRun>`);
      return;
    }
    const parent = this.path[this.path.length - 2];
    if (RESULT_ELEMENTS.has(name) && (parent === 'Results' || parent === 'InnerResults')) {
      const outer = this.openResults[this.openResults.length - 1];
      if (outer) outer.hasInner = true;
      this.openResults.push(newOpenResult(attributes, this.path.length));
      this.info.hostname ??= attributes.computerName || undefined;
    } else if (name === 'Times' && parent === 'TestRun') {
      const start = isoTimestamp(attributes.start) ?? isoTimestamp(attributes.creation);
      this.info.startedAt = start;
      this.info.durationMs = spanMs(start, isoTimestamp(attributes.finish));
    } else if (parent === 'TestDefinitions') {
      this.definition = { id: attributes.id, name: attributes.name };
    } else if (this.definition && name === 'Execution') {
      this.definition.executionId = attributes.id;
    } else if (this.definition && name === 'TestMethod') {
      // className may carry the assembly: "Ns.Class, Assembly, Version=...".
      this.definition.className = attributes.className?.split(',')[0]?.trim();
      if (attributes.adapterTypeName) this.info.properties.adapter ??= attributes.adapterTypeName;
    } else if (name === 'RunInfo' && parent === 'RunInfos') {
      this.runInfoText = { outcome: attributes.outcome ?? '', text: new BoundedText(MAX_MESSAGE_CHARS) };
    }
  }

  text(text: string): void {
    const current = this.openResults[this.openResults.length - 1];
    if (current) {
      const relative = this.path.slice(current.depth).join('/');
      if (relative === 'Output/ErrorInfo/Message') current.message.append(text);
      else if (relative === 'Output/ErrorInfo/StackTrace') current.trace.append(text);
      else if (relative === 'Output/StdOut') current.stdout.append(text);
      else if (relative === 'Output/StdErr') current.stderr.append(text);
    } else if (this.runInfoText && this.path[this.path.length - 1] === 'Text') {
      this.runInfoText.text.append(text);
    }
  }

  close(rawName: string): void {
    const name = localName(rawName);
    const current = this.openResults[this.openResults.length - 1];
    if (current && this.path.length === current.depth) {
      this.openResults.pop();
      // A data-driven or ordered test's parent only sums up its inner results, which are kept.
      if (!current.hasInner) this.pending.push(toPending(current, this.openResults.length > 0));
    } else if (this.definition && this.path[this.path.length - 2] === 'TestDefinitions') {
      this.define(this.definition);
      this.definition = null;
    } else if (this.runInfoText && name === 'RunInfo') {
      const { outcome, text } = this.runInfoText;
      if (!text.empty && !ADAPTER_TEST_LINE.test(text.toString())) this.sink.warn(oneLine(`TRX run info${outcome ? ` (${outcome})` : ''}: ${text.toString()}`));
      this.runInfoText = null;
    }
    this.path.pop();
  }

  /** Call once the file has been read to its end. */
  finish(): void {
    this.sink.runInfo(this.info);
    let undefinedTests = 0;
    for (const result of this.pending) {
      if (result.testId === undefined || !this.definedIds.has(result.testId)) undefinedTests += 1;
      this.sink.test(this.resolve(result));
    }
    if (undefinedTests > 0) this.sink.warn(`${undefinedTests} TRX result(s) name a test that <TestDefinitions> does not define`);
    const renamed = this.distinct.warning();
    if (renamed) this.sink.warn(renamed);
  }

  private define(definition: Definition): void {
    if (definition.id) this.definedIds.add(definition.id);
    if (definition.id && definition.name) this.nameById.set(definition.id, definition.name);
    if (!definition.className) return;
    if (definition.id) this.classById.set(definition.id, definition.className);
    if (definition.executionId) this.classByExecution.set(definition.executionId, definition.className);
  }

  private resolve(result: PendingResult): RawTestResult {
    const className =
      (result.testId ? this.classById.get(result.testId) : undefined) ??
      (result.executionId ? this.classByExecution.get(result.executionId) : undefined) ??
      '';
    const listed = result.testName || (result.testId ? this.nameById.get(result.testId) : undefined) || '';
    if (listed === '') throw new ReportError('TRX result without a testName and without a named test definition');
    // xUnit's adapter writes "Ns.Class.Method(args)" as testName; NUnit's and MSTest's write
    // "Method(args)". Keep the part after the class so both read the same.
    const shortName = className && listed.startsWith(`${className}.`) ? listed.slice(className.length + 1) : listed;
    return { ...result.result, suite: className, name: this.distinct.name(className, shortName, undefined, result.identity) };
  }
}

function newOpenResult(attributes: Record<string, string>, depth: number): OpenResult {
  return {
    attributes,
    depth,
    hasInner: false,
    message: new BoundedText(MAX_MESSAGE_CHARS),
    trace: new BoundedText(MAX_BODY_CHARS),
    stdout: new BoundedText(MAX_BODY_CHARS),
    stderr: new BoundedText(MAX_BODY_CHARS),
  };
}

function toPending(open: OpenResult, inner: boolean): PendingResult {
  const { attributes } = open;
  const testName = attributes.testName ?? '';
  const startedAt = isoTimestamp(attributes.startTime);
  return {
    testId: attributes.testId,
    executionId: attributes.executionId,
    testName,
    // Data rows of one test share its test id; each row has its own execution id.
    identity: inner ? attributes.executionId : attributes.testId,
    result: {
      status: trxStatus(attributes.outcome, testName || attributes.testId || '?'),
      durationMs: timeSpanMs(attributes.duration) ?? spanMs(startedAt, isoTimestamp(attributes.endTime)),
      startedAt,
      message: open.message.empty ? undefined : open.message.toString().trim(),
      trace: open.trace.empty ? undefined : open.trace.toString(),
      stdout: open.stdout.empty ? undefined : open.stdout.toString(),
      stderr: open.stderr.empty ? undefined : open.stderr.toString(),
    },
  };
}
