// `dart test --reporter json` and `flutter test --machine`: JSON Lines of events (start,
// suite, group, testStart, print, error, testDone, done), read line by line. Tests are kept
// until the end because an error can still arrive after a test's testDone.
import type { ResultSink } from '../../model/raw-result.js';
import type { ReportInput, ReportReader } from '../report-reader.js';
import { ReportError, oneLine } from '../report-error.js';
import { readLines } from '../read-lines.js';
import { isObject } from '../json/json-value.js';
import { DartRun } from './dart-run.js';

const EVENT_TYPES = new Set(['start', 'allSuites', 'suite', 'debug', 'group', 'testStart', 'print', 'error', 'testDone', 'done']);

export const dartJsonReader: ReportReader = {
  format: 'dart-json',

  matches(head: string): boolean {
    const newline = head.indexOf('\n');
    const first = (newline >= 0 ? head.slice(0, newline) : head).trim();
    if (!first.startsWith('{') || !first.endsWith('}')) return false;
    let event: unknown;
    try {
      event = JSON.parse(first);
    } catch (error) {
      // The first line is not JSON: not a Dart event stream. (JSON.parse of a string throws
      // nothing but SyntaxError.)
      if (error instanceof SyntaxError) return false;
      throw error;
    }
    if (!isObject(event) || 'Action' in event) return false; // "Action" is go test -json
    if (event.type === 'start') return 'protocolVersion' in event;
    return typeof event.type === 'string' && EVENT_TYPES.has(event.type) && typeof event.time === 'number';
  },

  async read(input: ReportInput, sink: ResultSink): Promise<void> {
    const run = new DartRun(sink);
    let ignored = 0;
    for await (const { text: line, number, unterminated } of readLines(input)) {
      const text = line.trim();
      if (text === '') continue;
      if (!text.startsWith('{')) {
        ignored += 1; // flutter can print plain text (pub output, warnings) among the events
        continue;
      }
      let event: unknown;
      try {
        event = JSON.parse(text);
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        throw new ReportError(unterminated
          ? `truncated Dart JSON event stream: the last line (${number}) is cut short`
          : `malformed JSON event at line ${number}: ${oneLine(error.message, 120)}`);
      }
      if (isObject(event)) run.event(event);
    }
    if (ignored > 0) sink.warn(`${ignored} line(s) that are not JSON events were ignored`);
    run.finish();
  },
};
