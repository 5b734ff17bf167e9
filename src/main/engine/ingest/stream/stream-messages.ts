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
  /** SIGNAL_SLOTS Int32 slots, read and written with Atomics by both threads (SIGNAL). */
  signal: SharedArrayBuffer;
  limits: StreamLimits;
}

/** What the worker may hold in memory: past either it waits for the storing thread. */
export interface StreamLimits {
  /**
   * Messages of rows posted but not yet taken by the storing thread: a slow store (a slow disk, a
   * busy machine) makes the worker wait instead of the queue growing with the report.
   */
  queued: number;
  /** Tests settled before the project's stored tests arrive (the storing thread hashes the file first). */
  waiting: number;
}

/** The limits unless a test says otherwise: 32 messages of 500 tests (~16 MB of rows), 20,000 tests. */
export const STREAM_LIMITS: StreamLimits = { queued: 32, waiting: 20_000 };

/** The slots of ParseJob.signal. */
export const SIGNAL = {
  /** Messages the worker has posted: the storing thread sleeps on it until the next one. */
  posted: 0,
  /** Messages the storing thread has taken: the worker sleeps on it while its queue is full. */
  taken: 1,
  /** 1 once the project's stored tests are sent: the worker sleeps on it when it cannot settle more without them. */
  knownSent: 2,
} as const;
export const SIGNAL_SLOTS = Object.keys(SIGNAL).length;

/** A thread that hears nothing from the other for this long gives up: the other died without a word (killed, out of memory). */
export const SILENCE_LIMIT_MS = 30_000;

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
