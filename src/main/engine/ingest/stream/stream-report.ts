// Ingest of one large test report with parsing and storing overlapped: a worker thread parses
// (stream-messages.ts) while this thread stores each batch inside the run's one transaction.
// The run id is content-derived, so the file is hashed first (while the worker already parses);
// the worker's own hash of what it parsed must match, else the file changed underneath and the
// ordinary path reads it again. Whatever goes wrong, the transaction rolls back: nothing partial.
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Totals } from '../../../../shared/types.js';
import type { NormalisedTest } from '../../model/normalised-report.js';
import { ReportError } from '../../readers/report-error.js';
import type { TestReportFormat } from '../../readers/report-reader.js';
import type { RunWriter, StreamedRows, StreamedRunEnd } from '../../store/run-writer.js';
import { RESULT_AT, RESULT_VALUES } from '../../store/test-row-encoder.js';
import type { RunQueries } from '../../store/run-queries.js';
import { durationOfReport, startOfReport } from '../assemble-runs.js';
import { causeOfResult, type ResultCause } from '../../analysis/result-cause.js';
import { withoutTexts } from '../../model/normalise-report.js';
import { NotAReportError } from '../read-report.js';
import type { ProjectResolver } from '../project-name.js';
import { runIdOfContents } from '../run-id.js';
import { hashFile } from './hash-file.js';
import { decodeFailures } from './test-rows-codec.js';
import type { ParseWorkerFactory } from './parse-worker-factory.js';
import { SIGNAL, SIGNAL_SLOTS, SILENCE_LIMIT_MS, STREAM_LIMITS, WORKER_STARTED, type KnownTestsMessage, type ParseMessage, type StreamLimits } from './stream-messages.js';

export type StreamOutcome =
  | { kind: 'stored'; runId: string; warnings: string[] }
  | { kind: 'duplicate'; runId: string }
  | { kind: 'error'; error: ReportError }
  /** Not stored; the ordinary path should read the file (it changed, or it needs assembly rules). */
  | { kind: 'fallback'; reason: string };

export interface StreamDeps {
  queries: RunQueries;
  writer: RunWriter;
  startWorker: ParseWorkerFactory;
  /** STREAM_LIMITS unless a test says otherwise. */
  limits?: Partial<StreamLimits>;
}

/** Thrown inside the transaction when the ordinary path must take over; rolls the run back. */
class FallBack extends Error {
  override name = 'FallBack';
}

export async function streamReport(
  deps: StreamDeps,
  path: string,
  format: TestReportFormat,
  projects: ProjectResolver,
  projectName?: string,
): Promise<StreamOutcome> {
  const signal = new SharedArrayBuffer(SIGNAL_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const { port1, port2 } = new MessageChannel();
  const guess = projects.forReport(path);
  const limits = { ...STREAM_LIMITS, ...deps.limits };
  const worker = deps.startWorker({ path, root: guess.root, port: port2, signal, limits });
  try {
    const [sha256] = await Promise.all([hashFile(path), started(worker)]);
    const storedIn = deps.queries.runIdForSha(sha256);
    if (storedIn) return { kind: 'duplicate', runId: storedIn };
    const id = runIdOfContents([sha256]);
    const start = {
      id,
      project: projectName ?? guess.name,
      projectRoot: projectName ? null : guess.root,
      folder: dirname(path),
      format,
      startedAtMs: 0,
    };
    let warnings: string[] = [];
    deps.writer.writeStreamed(start, (stream) => {
      const received = receiveRun({ port: port1, signal: new Int32Array(signal), queueLimit: limits.queued }, stream, path, format, deps.writer.storesCauses);
      if (received.sha256 !== sha256) throw new FallBack('the file changed while it was read');
      warnings = received.warnings;
      return received.end;
    });
    return { kind: 'stored', runId: id, warnings };
  } catch (error) {
    if (error instanceof ReportError) return { kind: 'error', error };
    if (error instanceof FallBack) return { kind: 'fallback', reason: error.message };
    // Two tests of one run with one id (possible only once paths are made relative): the
    // ordinary path settles that when it assembles the run.
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) return { kind: 'fallback', reason: error.message };
    throw error;
  } finally {
    port1.close();
    await worker.terminate();
  }
}

/** Resolves once the worker's code runs; when it cannot even load, the ordinary path reads the file. */
function started(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const cannot = (why: string): void => reject(new FallBack(`the parse worker could not start (${why})`));
    worker.once('message', (message) => (message === WORKER_STARTED ? resolve() : cannot(`it said ${String(message)}`)));
    worker.once('error', (error) => cannot(error.message));
    worker.once('exit', (code) => cannot(`exit ${code}`));
  });
}

interface ReceivedRun {
  end: StreamedRunEnd;
  sha256: string;
  warnings: string[];
}

/**
 * Stores the worker's messages as they come, synchronously (the caller's transaction cannot span
 * an await). The worker needs the project's stored tests to encode rows, so they go to it first.
 * Failures are classified here, whenever the worker has nothing new yet, so the classification
 * fills the waits on the worker instead of adding to either thread; what is left when the worker
 * ends is classified then.
 */
function receiveRun(channel: Channel, stream: StreamedRows, path: string, format: TestReportFormat, classify: boolean): ReceivedRun {
  channel.port.postMessage({ kind: 'known', known: stream.known } satisfies KnownTestsMessage);
  Atomics.store(channel.signal, SIGNAL.knownSent, 1);
  Atomics.notify(channel.signal, SIGNAL.knownSent);
  const totals: Totals = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
  /**
   * Failing tests by id, in stored order, without their texts (stored already), with their cause
   * once classified, and until then the test with its texts to classify.
   */
  const failures = new Map<string, { test: NormalisedTest; cause: ResultCause | null; pending: NormalisedTest | null }>();
  /** The row ids of failing tests (the root-cause step's rows refer to them). */
  const rowIds = new Map<string, number>();
  const unclassified: NormalisedTest[] = [];
  const classifyOne = (): boolean => {
    const test = unclassified.pop();
    if (!test) return false;
    const failure = failures.get(test.id);
    // A test retried since it was queued has its newer outcome queued too.
    if (failure && failure.pending === test) {
      failure.cause = causeOfResult({ ...test, status: test.status as 'failed' | 'errored' }, format);
      failure.pending = null;
    }
    return true;
  };
  let durationSum = 0;
  const count = (status: NormalisedTest['status'], durationMs: number | null, sign: 1 | -1): void => {
    totals.tests += sign;
    totals[status] += sign;
    durationSum += sign * (durationMs ?? 0);
  };
  const noteFailure = (test: NormalisedTest, rowId: number): void => {
    if (test.status !== 'failed' && test.status !== 'errored') return;
    failures.set(test.id, { test: withoutTexts(test), cause: null, pending: classify ? test : null });
    rowIds.set(test.id, rowId);
    if (classify) unclassified.push(test);
  };
  for (;;) {
    const message = nextMessage(channel, classifyOne);
    switch (message.kind) {
      case 'rows': {
        stream.rows.store(message.rows);
        // Counted from the rows as stored.
        for (const chunk of message.rows.results) {
          for (let at = 0; at < chunk.length; at += RESULT_VALUES) {
            count(chunk[at + RESULT_AT.status] as NormalisedTest['status'], chunk[at + RESULT_AT.durationMs] as number | null, 1);
          }
        }
        for (const { test, testRowId } of decodeFailures(message.failures, message.rows.results)) noteFailure(test, testRowId);
        break;
      }
      case 'retry': {
        const test = message.test;
        stream.rows.replace(message.replacement);
        count(message.previous.status, message.previous.durationMs, -1);
        count(test.status, test.durationMs, 1);
        // Deleted first: a retried test moves to its final attempt's place, as in the stored order.
        failures.delete(test.id);
        noteFailure(test, message.replacement.testRowId);
        break;
      }
      case 'error':
        throw message.notAReport ? new NotAReportError(message.message) : new ReportError(message.message);
      case 'end':
        while (classifyOne());
        return {
          sha256: message.sha256,
          warnings: message.warnings,
          end: {
            startedAtMs: startOfReport(message.info, message.mtimeMs),
            durationMs: durationOfReport(message.info, durationSum),
            format: message.format,
            hostname: message.info.hostname ?? null,
            properties: message.info.properties ?? {},
            sources: [{ path, size: message.size, mtimeMs: message.mtimeMs, sha256: message.sha256, format: message.format, kind: 'tests' }],
            totals,
            failures: [...failures.values()].map((failure) => failure.test),
            causes: [...failures.values()].flatMap(({ test, cause }) => (cause ? [{ testKey: test.id, cause }] : [])),
            rowIdOf: (key) => rowIds.get(key),
          },
        };
    }
  }
}

/** The storing thread's end of the worker's channel (stream-messages.ts). */
interface Channel {
  port: MessagePort;
  signal: Int32Array;
  queueLimit: number;
}

/**
 * The worker's next message, counted as taken (which lets a worker waiting on a full queue go
 * on); while there is none, `spare` work is done, then the thread sleeps.
 */
function nextMessage({ port, signal, queueLimit }: Channel, spare: () => boolean): ParseMessage {
  for (;;) {
    // Read the count before looking: a message posted after the look changes it, so the wait
    // below returns at once instead of sleeping past it.
    const seen = Atomics.load(signal, SIGNAL.posted);
    const received = receiveMessageOnPort(port);
    if (received) {
      const taken = Atomics.add(signal, SIGNAL.taken, 1);
      // The worker waits before it posts past the limit (its last message, an error, does not).
      if (seen - taken > queueLimit + 1) throw new Error(`the parse worker had ${seen - taken} messages queued, past its limit of ${queueLimit}`);
      Atomics.notify(signal, SIGNAL.taken);
      return received.message as ParseMessage;
    }
    if (spare()) continue;
    if (Atomics.wait(signal, SIGNAL.posted, seen, SILENCE_LIMIT_MS) === 'timed-out') {
      throw new FallBack(`the parse worker sent nothing for ${SILENCE_LIMIT_MS / 1000} s`);
    }
  }
}
