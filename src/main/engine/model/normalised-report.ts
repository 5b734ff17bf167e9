import type { TestStatus, Totals } from '../../../shared/types.js';
import type { RawAttempt, RawRunInfo } from './raw-result.js';
import type { TestReportFormat } from '../readers/report-reader.js';
import type { ParsedCoverage } from './file-coverage.js';

/** One test of one report in the strict model: identity settled, retries folded. */
export interface NormalisedTest {
  /** Stable test id: the same in every run of a project (suite, name, file). */
  id: string;
  suite: string;
  name: string;
  file: string | null;
  status: TestStatus;
  durationMs: number | null;
  message: string | null;
  trace: string | null;
  stdout: string | null;
  stderr: string | null;
  startedAt: string | null;
  /** Earlier attempts, oldest first; empty when the test ran once. */
  attempts: RawAttempt[];
}

/** A test-result file read whole and checked: nothing of it is stored until it is complete. */
export interface ParsedReport {
  path: string;
  format: TestReportFormat;
  size: number;
  mtimeMs: number;
  sha256: string;
  info: RawRunInfo;
  tests: NormalisedTest[];
  totals: Totals;
  warnings: string[];
  /** Coverage the report carries inside it (Jest's coverageMap), read by ingest. */
  coverage?: ParsedCoverage | null;
}
