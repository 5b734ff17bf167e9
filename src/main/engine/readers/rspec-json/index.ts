// RSpec `--format json`: version, examples[] (one per example), summary, summary_line, and
// messages[] (where load errors outside examples are described).
import type { RawTestResult, ResultSink } from '../../model/raw-result.js';
import type { ReportInput, ReportReader } from '../report-reader.js';
import { firstLine, joinText, stripAnsi } from '../json/failure-text.js';
import { DistinctNames } from '../distinct-names.js';
import { readJsonDocument } from '../json/json-document.js';
import { hasKeys, scanJsonHead } from '../json/json-head.js';
import { isObject, num, requireArray, requireObject, scalarText, strings, type JsonObject } from '../json/json-value.js';
import { rspecExample } from './rspec-example.js';
import { isRspecStatus, type RspecStatus } from './rspec-status.js';

const FORMAT = 'RSpec JSON';

export const rspecJsonReader: ReportReader = {
  format: 'rspec-json',

  matches(head: string): boolean {
    const scanned = scanJsonHead(head);
    return scanned.opener === '{' && hasKeys(scanned, 'examples') && (hasKeys(scanned, 'version') || hasKeys(scanned, 'summary_line') || hasKeys(scanned, 'summary.example_count'));
  },

  async read(input: ReportInput, sink: ResultSink): Promise<void> {
    const report = requireObject(await readJsonDocument(input), 'the document', FORMAT);
    const examples = requireArray(report.examples, 'examples', FORMAT);
    const counted = new Map<RspecStatus, number>();
    const names = new DistinctNames();
    const emit = (result: RawTestResult): void => {
      sink.test({ ...result, name: names.name(result.suite, result.name, result.file) });
    };
    examples.forEach((value, index) => {
      const example = requireObject(value, `examples[${index}]`, FORMAT);
      const status = example.status;
      if (!isRspecStatus(status)) {
        sink.warn(`unknown example status ${JSON.stringify(status)} in examples[${index}]; counted as errored`);
        emit({ ...rspecExample(example, 'failed'), status: 'errored' });
        return;
      }
      counted.set(status, (counted.get(status) ?? 0) + 1);
      emit(rspecExample(example, status));
    });
    const summary = isObject(report.summary) ? report.summary : {};
    const outside = num(summary.errors_outside_of_examples_count) ?? 0;
    if (outside > 0) sink.test(outsideErrors(report, outside));
    const seconds = num(summary.duration);
    const properties: Record<string, string> = {};
    for (const key of ['version', 'seed']) {
      const text = scalarText(report[key]);
      if (text !== undefined) properties[`rspec.${key}`] = text;
    }
    sink.runInfo({ durationMs: seconds === undefined ? undefined : seconds * 1000, properties });
    checkSummary(summary, counted, examples.length, sink);
    const renamed = names.warning();
    if (renamed !== null) sink.warn(renamed);
  },
};

/** Errors outside examples (a spec file that fails to load): one errored entry for the run. */
function outsideErrors(report: JsonObject, count: number): RawTestResult {
  const messages = strings(report.messages).map(stripAnsi);
  const trace = joinText(messages, '\n\n');
  return {
    suite: '',
    name: 'errors outside of examples',
    status: 'errored',
    message: `${count} error(s) occurred outside of examples${firstLine(trace) ? `: ${firstLine(trace)}` : ''}`,
    trace,
  };
}

function checkSummary(summary: JsonObject, counted: Map<RspecStatus, number>, total: number, sink: ResultSink): void {
  const differences: string[] = [];
  const compare = (name: string, header: number | undefined, body: number): void => {
    if (header !== undefined && header !== body) differences.push(`${name} ${header} but ${body} examples`);
  };
  compare('example_count', num(summary.example_count), total);
  compare('failure_count', num(summary.failure_count), counted.get('failed') ?? 0);
  compare('pending_count', num(summary.pending_count), counted.get('pending') ?? 0);
  if (differences.length > 0) sink.warn(`the report's summary disagrees with its examples (${differences.join(', ')}); counted the examples`);
}
