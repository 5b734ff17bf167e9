// The coverage reader contract, the same shape as the test readers' (readers/report-reader.ts):
// `matches` sniffs content, `read` streams the report into a sink. Each format lives in its own
// folder under coverage/readers/.
import type { CoverageSink } from '../model/raw-coverage.js';
import type { ReportInput } from '../readers/report-reader.js';

export type CoverageFormat =
  | 'lcov'
  | 'cobertura-xml'
  | 'jacoco-xml'
  | 'clover-xml'
  | 'istanbul-json'
  | 'istanbul-json-summary'
  | 'coveragepy-json'
  | 'go-coverprofile'
  /** The `coverageMap` inside a `jest --json --coverage` report (Istanbul's shape). */
  | 'jest-coverage-map';

export interface CoverageReader {
  readonly format: CoverageFormat;
  /**
   * True when `head` (the first 64 KiB, BOM and leading whitespace stripped) is this format.
   * Content only, never the file name. Cheap; never throws.
   */
  matches(head: string): boolean;
  /** Streams the report into `sink`. Throws ReportError (one line) when the content is bad. */
  read(input: ReportInput, sink: CoverageSink): Promise<void>;
}
