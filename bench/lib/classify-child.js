// One measured ingest for the classification benchmark, in its own process: the real ingest
// pipeline (read, assemble, write in one transaction) over a new store, with the root-cause
// step in the run's transaction ("with") or without it ("without"). Prints one JSON line.
// "stream" (the default) ingests the way a lone large report is ingested, parsed on the built
// worker (out/main/parse-worker.js: run `npm run build` first) while it is stored, where the
// failures are classified on the worker's thread; "whole" reads the file whole first, the path
// of multi-file batches, where they are classified in the transaction.
// Usage: node bench/lib/classify-child.js FILE DB with|without [stream|whole]
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const [file, dbPath, variant, path = 'stream'] = process.argv.slice(2);
if (!file || !dbPath || (variant !== 'with' && variant !== 'without') || (path !== 'stream' && path !== 'whole')) {
  throw new Error('usage: classify-child.js FILE DB with|without [stream|whole]');
}
const workerUrl = new URL('../../out/main/parse-worker.js', import.meta.url);
if (path === 'stream' && !existsSync(workerUrl)) throw new Error('out/main/parse-worker.js is missing: run `npm run build` first');
const { parseWorkerAt } = await import('../../src/main/engine/ingest/stream/parse-worker-factory.ts');

const { openDatabase } = await import('../../src/main/engine/store/open-database.ts');
const { RunQueries } = await import('../../src/main/engine/store/run-queries.ts');
const { RunWriter } = await import('../../src/main/engine/store/run-writer.ts');
const { RootCauseStore } = await import('../../src/main/engine/store/root-cause-store.ts');
const { createRootCauseService } = await import('../../src/main/engine/analysis/root-cause-service.ts');
const { ingestPaths } = await import('../../src/main/engine/ingest/ingest-paths.ts');

const db = openDatabase(dbPath);
const queries = new RunQueries(db);
const rootCauses = createRootCauseService(new RootCauseStore(db));
// The root-cause step is also timed alone: the ingest around it varies by ±200 ms from run to
// run on a shared machine, more than the step itself changes.
let rootCauseMs = 0;
const writer =
  variant === 'with'
    ? new RunWriter(db, (run) => {
        const stepStarted = performance.now();
        rootCauses.writeRunCauses(run);
        rootCauseMs = performance.now() - stepStarted;
      })
    : new RunWriter(db);
const started = performance.now();
const startParseWorker = path === 'stream' ? parseWorkerAt(workerUrl) : null;
const outcome = await ingestPaths({ queries, writer, startParseWorker }, [file], 'bench');
const ingestMs = performance.now() - started;
const causes = db.prepare('SELECT COUNT(*) FROM result_causes').pluck().get();
db.close();
if (outcome.errors.length > 0) throw new Error(outcome.errors.map((e) => e.error).join('; '));
process.stdout.write(`${JSON.stringify({ variant, path, ingestMs, rootCauseMs, tests: outcome.runs[0]?.totals.tests ?? 0, causes })}\n`);
