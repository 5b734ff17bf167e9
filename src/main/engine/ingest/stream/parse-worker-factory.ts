// How the parse worker is started. The built app and CLI ship it as out/main/parse-worker.js,
// beside the entry files; the code that starts it may sit there or in out/main/chunks/. When
// running from TypeScript sources there is no built worker: tests pass their own factory.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ParseJob } from './stream-messages.js';

export type ParseWorkerFactory = (job: ParseJob) => Worker;

/**
 * Sent to a spare: a worker started without a job, before anyone had a report for it, so that
 * its start-up (a new isolate and its code: ~0.1 s) overlapped its starter's (bin/vigil.js).
 */
export interface ParseJobMessage {
  job: ParseJob;
}

/** The workerData of a spare: it waits for a ParseJobMessage. */
export interface SpareWorkerData {
  spare: true;
}

/** Workers of the code at `url`; the first job goes to `spare` (started unreferenced) if it is still alive. */
export function parseWorkerAt(url: URL, spare: Worker | null = null): ParseWorkerFactory {
  let waiting: Worker | null = spare;
  // A spare that failed before it was needed: the job gets a new worker, which fails or works
  // in plain sight of the ingest (its failure is reported there).
  spare?.once('exit', () => {
    waiting = null;
  });
  return (job) => {
    const worker = waiting;
    waiting = null;
    // threadId is -1 once the thread has stopped, even before its 'exit' event is delivered.
    if (!worker || worker.threadId < 0) return new Worker(url, { workerData: job, transferList: [job.port] });
    worker.ref();
    worker.postMessage({ job } satisfies ParseJobMessage, [job.port]);
    return worker;
  };
}

/** Where the built worker is, next to this code, or null when running from sources. */
function builtParseWorkerUrl(): URL | null {
  for (const relative of ['./parse-worker.js', '../parse-worker.js']) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === 'file:' && existsSync(url)) return url;
  }
  return null;
}

/** The built worker next to this code (the first job to `spare`, if any), or null when running from sources. */
export function builtParseWorker(spare: Worker | null = null): ParseWorkerFactory | null {
  const url = builtParseWorkerUrl();
  return url ? parseWorkerAt(url, spare) : null;
}
