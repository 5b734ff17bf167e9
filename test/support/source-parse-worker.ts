// The parse worker run from its TypeScript source, for tests of the streaming ingest (the built
// app and CLI start out/main/parse-worker.js instead).
import { Worker } from 'node:worker_threads';
import type { ParseWorkerFactory } from '../../src/main/engine/ingest/stream/parse-worker-factory.js';

export function sourceParseWorker(): ParseWorkerFactory {
  const boot = new URL('./ts-worker-boot.mjs', import.meta.url);
  const entry = new URL('../../src/main/engine/ingest/stream/parse-worker.ts', import.meta.url).href;
  return (job) => new Worker(boot, { workerData: { ...job, entry }, transferList: [job.port] });
}
