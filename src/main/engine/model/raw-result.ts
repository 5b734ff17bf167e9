// What a format reader pushes into its sink: loose results in the reader's own terms, already
// mapped to our four statuses. One place (normalise-report.ts) turns them into the strict model.
import type { TestStatus } from '../../../shared/types.js';

export interface RawAttempt {
  status: TestStatus;
  durationMs?: number;
  message?: string;
  trace?: string;
  stdout?: string;
  stderr?: string;
}

export interface RawTestResult {
  /** Suite, class or describe path ("" when the format has none). */
  suite: string;
  name: string;
  /** Source file of the test where the report names it. */
  file?: string;
  status: TestStatus;
  durationMs?: number;
  /** One-line-ish failure or skip message. */
  message?: string;
  /** Stack trace / failure body. */
  trace?: string;
  stdout?: string;
  stderr?: string;
  /** ISO time the test started, where the report says. */
  startedAt?: string;
  /**
   * Earlier attempts the report itself records inside this test (Surefire's <flakyFailure>,
   * <rerunFailure>). Retries written as repeated test entries are found by the normaliser.
   */
  attempts?: RawAttempt[];
}

export interface RawRunInfo {
  /** ISO timestamp from the report's own data. */
  startedAt?: string;
  durationMs?: number;
  hostname?: string;
  /** Run properties/environment (JUnit <properties>, go version, OS...). */
  properties?: Record<string, string>;
}

/**
 * Where readers push what they find. Readers never build runs or touch the store: they
 * describe, the engine decides.
 */
export interface ResultSink {
  /** Facts about the run; may be called several times, later values fill gaps. */
  runInfo(info: RawRunInfo): void;
  test(result: RawTestResult): void;
  /** Something odd but not fatal (e.g. header totals disagree with the body). */
  warn(message: string): void;
}
