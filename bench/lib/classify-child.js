// One measured ingest for the classification benchmark, in its own process: the real ingest
// pipeline (read, assemble, write in one transaction) over a new store, with the root-cause
// step in the run's transaction ("with") or without it ("without"). Prints one JSON line.
// Usage: node bench/lib/classify-child.js FILE DB with|without
import { register } from 'tsx/esm/api';

register();
const [file, dbPath, variant] = process.argv.slice(2);
if (!file || !dbPath || (variant !== 'with' && variant !== 'without')) throw new Error('usage: classify-child.js FILE DB with|without');

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
    ? new RunWriter(db, (run, projectId) => {
        const stepStarted = performance.now();
        rootCauses.writeRunCauses(run, projectId);
        rootCauseMs = performance.now() - stepStarted;
      })
    : new RunWriter(db);
const started = performance.now();
const outcome = await ingestPaths({ queries, writer }, [file], 'bench');
const ingestMs = performance.now() - started;
const causes = db.prepare('SELECT COUNT(*) FROM result_causes').pluck().get();
db.close();
if (outcome.errors.length > 0) throw new Error(outcome.errors.map((e) => e.error).join('; '));
process.stdout.write(`${JSON.stringify({ variant, ingestMs, rootCauseMs, tests: outcome.runs[0]?.totals.tests ?? 0, causes })}\n`);
