// What the parse worker tells the ingest that stores its report, in order: tests in batches, a
// retry that replaces a test sent before, then the end (or an error). One port carries them.
import type { MessagePort } from 'node:worker_threads';
import type { RawRunInfo } from '../../model/raw-result.js';
import type { NormalisedTest } from '../../model/normalised-report.js';
import type { TestReportFormat } from '../../readers/report-reader.js';

export interface ParseJob {
  path: string;
  /** The project root: absolute test paths inside it are made relative (assemble-runs.ts). */
  root: string | null;
  port: MessagePort;
  /** Int32 slot 0 counts messages posted, so the storing thread can sleep until the next one. */
  signal: SharedArrayBuffer;
}

export type ParseMessage =
  /** Tests in report order, flattened by test-rows-codec.ts. */
  | { kind: 'tests'; tests: unknown[] }
  /** A repeat of a failed test sent before: the test as it now stands, and what it was. */
  | { kind: 'retry'; test: NormalisedTest; previous: Pick<NormalisedTest, 'status' | 'durationMs'> }
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

/** Posted on the worker's own channel once its code runs: it loaded and is parsing. */
export const WORKER_STARTED = 'started';
