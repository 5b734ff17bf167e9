// The least a two-thread streaming ingest of the benchmark file costs on this machine, with none
// of Vigil's code: a worker parses (bench/lib/pipeline-floor-worker.js) while this thread stores,
// as Vigil's ingest splits the work. Run as its own process by bench/store-floor.bench.js, which
// times it whole, as it times the bare parse and `vigil ingest`. Stages, each adding to the last:
//   parse: the worker reads the file, parses it and lays every test out as rows, then drops them;
//   post:  the rows are posted to this thread 500 tests a message and received, nothing stored;
//   store: this thread stores them in a copy of a new Vigil store (the schema of the current
//          migrations, Vigil's pragmas): 50 rows per INSERT OR FAIL, run and project bound by
//          name, one transaction, then commit and close (the WAL checkpoint).
// Not done here, all of which `vigil ingest` does: classifying failures and storing their causes,
// properties, attempts and retries, repeated tests, relative paths, the run's counts, the check
// that the file was not stored before, bounded memory. So its time is below any ingest's.
// Prints {"tests": N} (N counted on this thread; for 'store', read back from the store).
// Usage: node bench/lib/pipeline-floor.js FILE parse|post|store [DB]
import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

const [file, stage, dbPath] = process.argv.slice(2);
if (!file || !['parse', 'post', 'store'].includes(stage) || (stage === 'store' && !dbPath)) {
  throw new Error('usage: pipeline-floor.js FILE parse|post|store [DB]');
}
// Started first, as bin/vigil.js starts Vigil's parse worker before anything else loads.
const worker = new Worker(new URL('./pipeline-floor-worker.js', import.meta.url), { workerData: { file, stage } });

const RUN_ID = 'r_pipelinefloor01';
const ROWS_PER_INSERT = 50;
const TEST_VALUES = 5;
const RESULT_VALUES = 10;

function openStore() {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -16384');
  // As Vigil writes a run: every row refers to one this transaction wrote (run-writer.ts).
  db.pragma('foreign_keys = OFF');
  const statements = new Map();
  const insert = (table, rows) => {
    const key = `${table}${rows}`;
    let statement = statements.get(key);
    if (!statement) {
      const sql = table === 'tests'
        ? `INSERT OR FAIL INTO tests (id, project_id, key, suite, name, file) VALUES ${Array(rows).fill('(?, @project, ?, ?, ?, ?)').join(', ')}`
        : `INSERT OR FAIL INTO results (run_id, test_id, ordinal, status, duration_ms, started_at, message, trace, stdout, stderr, attempts) VALUES ${Array(rows).fill('(@run, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
      statement = db.prepare(sql);
      statements.set(key, statement);
    }
    return statement;
  };
  db.exec('BEGIN');
  db.prepare(`INSERT INTO projects (id, name, root) VALUES (1, 'pipeline-floor', NULL)`).run();
  db.prepare(
    `INSERT INTO runs (id, project_id, started_at, duration_ms, format, folder, hostname, tests, passed, failed, errored, skipped, ingested_at)
     VALUES (?, 1, 0, NULL, 'junit', '/pipeline-floor', NULL, 0, 0, 0, 0, 0, 0)`,
  ).run(RUN_ID);
  const store = (table, flat, width) => {
    const chunk = ROWS_PER_INSERT * width;
    for (let start = 0; start < flat.length; start += chunk) {
      const values = flat.slice(start, start + chunk);
      insert(table, values.length / width).run(table === 'tests' ? { project: 1 } : { run: RUN_ID }, values);
    }
  };
  return {
    rows(message) {
      store('tests', message.tests, TEST_VALUES);
      store('results', message.results, RESULT_VALUES);
    },
    close() {
      db.exec('COMMIT');
      const stored = db.prepare('SELECT COUNT(*) FROM results WHERE run_id = ?').pluck().get(RUN_ID);
      db.close();
      return stored;
    },
  };
}

const store = stage === 'store' ? openStore() : null;
let received = 0;
const ended = await new Promise((resolve, reject) => {
  worker.on('message', (message) => {
    if (message.end !== undefined) {
      resolve(message.end);
      return;
    }
    received += message.results.length / RESULT_VALUES;
    store?.rows(message);
  });
  worker.on('error', reject);
  worker.on('exit', (code) => reject(new Error(`the parse worker exited (${code}) before its end`)));
});
const tests = store ? store.close() : stage === 'post' ? received : ended;
if (stage !== 'parse' && received !== ended) throw new Error(`received ${received} tests of ${ended}`);
process.stdout.write(`${JSON.stringify({ tests })}\n`);
