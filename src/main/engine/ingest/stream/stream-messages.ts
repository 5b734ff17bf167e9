// What the parse worker tells the ingest that stores its report, in order: rows in batches, a
// retry that replaces a test sent before, then the end (or an error); and the one thing the
// storing thread tells the worker: the project's stored tests, once its transaction has begun,
// which the worker needs to give tests their row ids. One port carries both ways.
import type { MessagePort } from 'node:worker_threads';
import type { RawRunInfo } from '../../model/raw-result.js';
import type { NormalisedTest } from '../../model/normalised-report.js';
import type { TestReportFormat } from '../../readers/report-reader.js';
import type { EncodedRows, KnownTests, ResultReplacement } from '../../store/test-row-encoder.js';

export interface ParseJob {
  path: string;
  /** The project root: absolute test paths inside it are made relative (assemble-runs.ts). */
  root: string | null;
  port: MessagePort;
  /** Int32 slot 0 counts messages posted, so the storing thread can sleep until the next one. */
  signal: SharedArrayBuffer;
}

export type ParseMessage =
  /**
   * Tests in report order as the rows the store binds, and where those of them that failed are
   * in those rows (test-rows-codec.ts), for the root-cause step.
   */
  | { kind: 'rows'; rows: EncodedRows; failures: unknown[] }
  /** A repeat of a failed test sent before: the test as it now stands, what it was, its new row values. */
  | { kind: 'retry'; test: NormalisedTest; previous: Pick<NormalisedTest, 'status' | 'durationMs'>; replacement: ResultReplacement }
  | {
      kind: 'end';
      format: TestReportFormat;
      size: number;
      mtimeMs: number;
      sha256: string;
      info: RawRunInfo;
      warnings: string[];
    }
  | { kind: 'error'; message: string; notAReport: boolean };

/** From the storing thread, inside the run's transaction: the project's tests stored so far. */
export interface KnownTestsMessage {
  kind: 'known';
  known: KnownTests;
}

/** Posted on the worker's own channel once its code runs: it loaded and is parsing. */
export const WORKER_STARTED = 'started';
