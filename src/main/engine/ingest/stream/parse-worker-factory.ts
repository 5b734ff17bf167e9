// How the parse worker is started. The built app and CLI ship it as out/main/parse-worker.js,
// beside the entry files; the code that starts it may sit there or in out/main/chunks/. When
// running from TypeScript sources there is no built worker: tests pass their own factory.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ParseJob } from './stream-messages.js';

export type ParseWorkerFactory = (job: ParseJob) => Worker;

export function parseWorkerAt(url: URL): ParseWorkerFactory {
  return (job) => new Worker(url, { workerData: job, transferList: [job.port] });
}

/** The built worker next to this code, or null when running from sources. */
export function builtParseWorker(): ParseWorkerFactory | null {
  for (const relative of ['./parse-worker.js', '../parse-worker.js']) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === 'file:' && existsSync(url)) return parseWorkerAt(url);
  }
  return null;
}
