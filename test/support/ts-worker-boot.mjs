// Starts a TypeScript worker from the sources (tests run the engine untranspiled): registers tsx
// in the worker's own thread, then loads the entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
