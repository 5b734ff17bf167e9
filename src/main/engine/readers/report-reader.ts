import type { ResultSink } from '../model/raw-result.js';

export type TestReportFormat =
  | 'junit-xml'
  | 'nunit-xml'
  | 'xunit-xml'
  | 'trx'
  | 'go-test-json'
  | 'jest-json'
  | 'pytest-json'
  | 'mocha-json'
  | 'dart-json'
  | 'rspec-json'
  | 'ctrf-json'
  | 'tap';

export interface ReportInput {
  /** Absolute path, for messages only: readers read through `text()`. */
  readonly path: string;
  /** The file's text in chunks (UTF-8, validated). Can be iterated once. */
  text(): AsyncIterable<string>;
}

/**
 * One test-result format. Each lives in its own folder under readers/ and has this shape
 * (after Allure 3's readers): `matches` sniffs content, `read` streams results into a sink.
 */
export interface ReportReader {
  readonly format: TestReportFormat;
  /**
   * True when `head` (the first 64 KiB of the file, whitespace and BOM stripped from its start)
   * is this format. Never looks at the file name. Must be cheap and must not throw.
   */
  matches(head: string): boolean;
  /** Streams the report into `sink`. Throws ReportError (one line) when the content is bad. */
  read(input: ReportInput, sink: ResultSink): Promise<void>;
}
