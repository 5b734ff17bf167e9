// The parse worker: reads one test report on its own thread and sends its normalised tests as
// they settle, encoded as the very rows the store binds (test-row-encoder.ts), so that parsing
// and encoding (one core) and storing (the other) overlap and the storing thread does no work per
// test. It never touches the store: the project's stored tests, which give tests their row ids,
// come from the storing thread once its transaction has begun; tests settled before that wait.
// Started by stream-report.ts with a ParseJob as its workerData.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { RawRunInfo, RawTestResult, ResultSink } from '../../model/raw-result.js';
import type { NormalisedTest } from '../../model/normalised-report.js';
import { TestSettler } from '../../model/normalise-report.js';
import { TestRowEncoder } from '../../store/test-row-encoder.js';
import { relativeToRoot } from '../assemble-runs.js';
import { ReportError } from '../../readers/report-error.js';
import { NotAReportError, detectReader, fileInput, mergeRunInfo, readHead, whyUnrecognised } from '../read-report.js';
import { encodeFailures, type BatchFailure } from './test-rows-codec.js';
import { SIGNAL, SILENCE_LIMIT_MS, WORKER_STARTED, type KnownTestsMessage, type ParseJob, type ParseMessage } from './stream-messages.js';
import type { ParseJobMessage, SpareWorkerData } from './parse-worker-factory.js';

/** Tests per message: large enough that posting costs little, small enough to start storing early. */
const BATCH_TESTS = 500;

/** Given when started, or sent later to a spare started ahead of its job (parse-worker-factory.ts). */
async function jobOf(): Promise<ParseJob> {
  if (!(workerData as Partial<SpareWorkerData>).spare) return workerData as ParseJob;
  if (!parentPort) throw new Error('the parse worker runs only as a worker thread');
  const [message] = (await once(parentPort, 'message')) as [ParseJobMessage];
  return message.job;
}

const job = await jobOf();
const signal = new Int32Array(job.signal);

/** Posts once the storing thread has room for it (StreamLimits.queued); an error goes at once. */
function post(message: ParseMessage): void {
  if (message.kind !== 'error') {
    for (;;) {
      const taken = Atomics.load(signal, SIGNAL.taken);
      if (Atomics.load(signal, SIGNAL.posted) - taken < job.limits.queued) break;
      if (Atomics.wait(signal, SIGNAL.taken, taken, SILENCE_LIMIT_MS) === 'timed-out') {
        throw new Error(`the storing thread took nothing for ${SILENCE_LIMIT_MS / 1000} s`);
      }
    }
  }
  job.port.postMessage(message);
  Atomics.add(signal, SIGNAL.posted, 1);
  Atomics.notify(signal, SIGNAL.posted);
}

interface Settled {
  test: NormalisedTest;
  retried: NormalisedTest | null;
}

class StreamingSink implements ResultSink {
  readonly info: RawRunInfo = {};
  readonly warnings: string[] = [];
  // The texts of a test it retries are in the store already: the retry copies them from there.
  private readonly settler = new TestSettler({ keepsTexts: false });
  private encoder: TestRowEncoder | null = null;
  /** Settled before the project's stored tests arrived. */
  private waiting: Settled[] = [];
  /** Failing tests of the batch being encoded, by their result row's index in it. */
  private failures: BatchFailure[] = [];

  runInfo(info: RawRunInfo): void {
    mergeRunInfo(this.info, info);
  }

  test(raw: RawTestResult): void {
    const settled = this.settler.settle(raw);
    // The test as the run stores it: paths inside the project relative to its root.
    if (job.root) settled.test = relativeToRoot(settled.test, job.root);
    if (this.encoder) {
      this.encode(this.encoder, settled);
      return;
    }
    this.waiting.push(settled);
    // Past the limit no more is held in memory: the storing thread is still hashing the file or
    // opening its transaction, and sends the stored tests next.
    const full = this.waiting.length >= job.limits.waiting;
    if (full && Atomics.wait(signal, SIGNAL.knownSent, 0, SILENCE_LIMIT_MS) === 'timed-out') {
      throw new Error(`the project's stored tests did not come in ${SILENCE_LIMIT_MS / 1000} s`);
    }
    if (full || this.waiting.length % BATCH_TESTS === 0) {
      const received = receiveMessageOnPort(job.port);
      if (received) this.start(received.message as KnownTestsMessage);
    }
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Sends what is left, once the project's stored tests are known (waits for them if need be). */
  async finish(): Promise<void> {
    if (!this.encoder) {
      const received = receiveMessageOnPort(job.port);
      const [message] = received ? [received.message] : await once(job.port, 'message');
      this.start(message as KnownTestsMessage);
    }
    this.flush();
  }

  private start(message: KnownTestsMessage): void {
    const encoder = new TestRowEncoder(message.known);
    this.encoder = encoder;
    for (const settled of this.waiting) this.encode(encoder, settled);
    this.waiting = [];
  }

  private encode(encoder: TestRowEncoder, { test, retried }: Settled): void {
    if (retried) {
      // The test it retries may still wait here: its row must be stored before it is replaced.
      this.flush();
      const replacement = encoder.replace(test, retried.attempts.length);
      post({ kind: 'retry', test, previous: { status: retried.status, durationMs: retried.durationMs }, replacement });
      return;
    }
    if (test.status === 'failed' || test.status === 'errored') this.failures.push({ index: encoder.size, test });
    encoder.add(test);
    if (encoder.size >= BATCH_TESTS) this.flush();
  }

  private flush(): void {
    const encoder = this.encoder;
    if (!encoder || encoder.size === 0) return;
    post({ kind: 'rows', rows: encoder.take(), failures: encodeFailures(this.failures) });
    this.failures = [];
  }
}

async function parse(): Promise<void> {
  const head = await readHead(job.path);
  const reader = detectReader(head.text);
  if (!reader) throw new NotAReportError(await whyUnrecognised(job.path, head));
  const hash = createHash('sha256');
  const sink = new StreamingSink();
  await reader.read(fileInput(job.path, hash), sink);
  await sink.finish();
  post({ kind: 'end', format: reader.format, size: head.size, mtimeMs: head.mtimeMs, sha256: hash.digest('hex'), info: sink.info, warnings: sink.warnings });
}

parentPort?.postMessage(WORKER_STARTED);
try {
  await parse();
} catch (error) {
  // Every failure becomes a message: the storing thread waits on this port and nothing else.
  const message = error instanceof ReportError ? error.message : `parser failed (${(error as Error).message})`;
  post({ kind: 'error', message, notAReport: error instanceof NotAReportError });
} finally {
  job.port.close();
}
