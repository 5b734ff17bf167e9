// The parse worker: reads one test report on its own thread and sends its normalised tests as
// they settle, so that parsing (one core) and storing (the other) overlap. It never touches the
// store. Started by stream-report.ts with a ParseJob as its workerData.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { RawRunInfo, RawTestResult, ResultSink } from '../../model/raw-result.js';
import type { NormalisedTest } from '../../model/normalised-report.js';
import { TestSettler } from '../../model/normalise-report.js';
import { relativeToRoot } from '../assemble-runs.js';
import { ReportError } from '../../readers/report-error.js';
import { NotAReportError, detectReader, fileInput, mergeRunInfo, readHead, whyUnrecognised } from '../read-report.js';
import { encodeTests } from './test-rows-codec.js';
import { WORKER_STARTED, type ParseJob, type ParseMessage } from './stream-messages.js';

/** Tests per message: large enough that posting costs little, small enough to start storing early. */
const BATCH_TESTS = 500;

const job = workerData as ParseJob;
const posted = new Int32Array(job.signal);

function post(message: ParseMessage): void {
  job.port.postMessage(message);
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
}

class StreamingSink implements ResultSink {
  readonly info: RawRunInfo = {};
  readonly warnings: string[] = [];
  private readonly settler = new TestSettler();
  private batch: NormalisedTest[] = [];

  /** The test as the run stores it: paths inside the project relative to its root. */
  private settle(raw: RawTestResult): { test: NormalisedTest; retried: NormalisedTest | null } {
    const { test, retried } = this.settler.settle(raw);
    return { test: job.root ? relativeToRoot(test, job.root) : test, retried };
  }

  runInfo(info: RawRunInfo): void {
    mergeRunInfo(this.info, info);
  }

  test(raw: RawTestResult): void {
    const { test, retried } = this.settle(raw);
    if (retried) {
      // The test it retries may still be in this batch: it must be stored before it is replaced.
      this.flush();
      post({ kind: 'retry', test, previous: { status: retried.status, durationMs: retried.durationMs } });
      return;
    }
    this.batch.push(test);
    if (this.batch.length >= BATCH_TESTS) this.flush();
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  flush(): void {
    if (this.batch.length === 0) return;
    post({ kind: 'tests', tests: encodeTests(this.batch) });
    this.batch = [];
  }
}

async function parse(): Promise<void> {
  const head = await readHead(job.path);
  const reader = detectReader(head.text);
  if (!reader) throw new NotAReportError(await whyUnrecognised(job.path, head));
  const hash = createHash('sha256');
  const sink = new StreamingSink();
  await reader.read(fileInput(job.path, hash), sink);
  sink.flush();
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
