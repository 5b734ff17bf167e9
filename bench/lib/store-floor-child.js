// One measurement for bench/store-floor.bench.js, in its own process: how long each of the two
// threads of a streamed ingest takes for the 100,000 tests of the benchmark file when nothing
// else happens, so that the ingest budget's "2.5x of a bare parse" can be split into its parts.
//   parse: the parse worker's side alone, on this thread: the file read, parsed, normalised and
//          encoded into rows (TestRowEncoder) as the worker does it, without posting them;
// For the other modes the file is read and normalised first, untimed (into memory); then:
//   vigil: Vigil's own store step, the one the streaming ingest runs on its storing thread: a new
//          store opened the way the CLI opens it, one run written through RunWriter.writeStreamed
//          from rows encoded beforehand as the parse worker encodes them (TestRowEncoder), the
//          commit, and closing the store (its checkpoint);
//   sqlite: the least any store of these rows in SQLite can do from JavaScript: the same
//          schema and pragmas, the rows already flat in memory (ids, run id, every column),
//          bound 50 rows per INSERT OR FAIL (as Vigil's: no statement journal), in one
//          transaction, then closed. No per-test JavaScript.
// Prints one JSON line: { mode, openMs, storeMs, closeMs, tests } (parse: { mode, parseMs, tests }).
// Usage: node bench/lib/store-floor-child.js FILE DB vigil|sqlite|parse
import { createHash } from 'node:crypto';
import { register } from 'tsx/esm/api';

register();
const [file, dbPath, mode] = process.argv.slice(2);
if (!file || !dbPath || !['vigil', 'sqlite', 'parse'].includes(mode)) throw new Error('usage: store-floor-child.js FILE DB vigil|sqlite|parse');

if (mode === 'parse') {
  const { detectReader, fileInput, readHead } = await import('../../src/main/engine/ingest/read-report.ts');
  const { TestSettler } = await import('../../src/main/engine/model/normalise-report.ts');
  const { RESULT_VALUES, TestRowEncoder } = await import('../../src/main/engine/store/test-row-encoder.ts');
  const { encodeFailures } = await import('../../src/main/engine/ingest/stream/test-rows-codec.ts');
  const started = performance.now();
  const head = await readHead(file);
  const reader = detectReader(head.text);
  const settler = new TestSettler();
  const encoder = new TestRowEncoder({ keys: [], ids: [], nextId: 1 });
  let failures = [];
  let encoded = 0;
  let failureValues = 0;
  // What the worker posts every 500 tests: the rows, and where its failing tests are in them.
  const take = () => {
    for (const chunk of encoder.take().results) encoded += chunk.length / RESULT_VALUES;
    failureValues += encodeFailures(failures).length;
    failures = [];
  };
  const sink = {
    runInfo() {},
    warn() {},
    test(raw) {
      const { test } = settler.settle(raw);
      if (test.status === 'failed' || test.status === 'errored') failures.push({ index: encoder.size, test });
      encoder.add(test);
      if (encoder.size === 500) take();
    },
  };
  await reader.read(fileInput(file, createHash('sha256')), sink);
  take();
  const parseMs = performance.now() - started;
  if (failureValues === 0) throw new Error('no failing test was encoded');
  process.stdout.write(`${JSON.stringify({ mode, parseMs, tests: encoded })}\n`);
  process.exit(0);
}

const { readReport } = await import('../../src/main/engine/ingest/read-report.ts');
const { openDatabase } = await import('../../src/main/engine/store/open-database.ts');
const { RunWriter } = await import('../../src/main/engine/store/run-writer.ts');
const { withoutForeignKeys } = await import('../../src/main/engine/store/foreign-keys.ts');
const { TestRowEncoder } = await import('../../src/main/engine/store/test-row-encoder.ts');

const report = await readReport(file);
const tests = report.tests;
const RUN_ID = 'r_storefloor00001';
const totals = { tests: tests.length, passed: 0, failed: 0, errored: 0, skipped: 0 };
for (const test of tests) totals[test.status] += 1;

const flatRows = (rows, columns) => {
  const batches = [];
  for (let start = 0; start < rows.length; start += 50) batches.push(rows.slice(start, start + 50).flat());
  return { batches, columns };
};
// Built before the clock starts: the floor has no JavaScript work per test.
const floorInput =
  mode === 'sqlite'
    ? {
        tests: flatRows(tests.map((test, index) => [index + 1, 1, test.id, test.suite, test.name, test.file]), 6),
        results: flatRows(
          tests.map((test, index) => [RUN_ID, index + 1, index, test.status, test.durationMs, test.startedAt, test.message, test.trace, test.stdout, test.stderr, test.attempts.length + 1]),
          11,
        ),
      }
    : null;

// What the parse worker sends, 500 tests a message; a new store has no tests yet, so ids start at 1.
const encoded = [];
if (mode === 'vigil') {
  const encoder = new TestRowEncoder({ keys: [], ids: [], nextId: 1 });
  for (const test of tests) {
    encoder.add(test);
    if (encoder.size === 500) encoded.push(encoder.take());
  }
  encoded.push(encoder.take());
}

const opened = performance.now();
const db = openDatabase(dbPath);
const openMs = performance.now() - opened;

const started = performance.now();
if (mode === 'vigil') {
  const writer = new RunWriter(db);
  writer.writeStreamed(
    { id: RUN_ID, project: 'bench', projectRoot: null, folder: '/bench', format: report.format, startedAtMs: report.mtimeMs },
    (stream) => {
      if (stream.known.nextId !== 1 || stream.known.keys.length > 0) throw new Error('the store was not new');
      for (const rows of encoded) stream.rows.store(rows);
      return {
        startedAtMs: report.mtimeMs,
        durationMs: null,
        format: report.format,
        hostname: null,
        totals,
        sources: [{ path: file, size: report.size, mtimeMs: report.mtimeMs, sha256: report.sha256, format: report.format, kind: 'tests' }],
        properties: {},
        failures: [],
        causes: [],
        rowIdOf: () => undefined,
      };
    },
  );
} else {
  const row = (columns) => `(${Array(columns).fill('?').join(', ')})`;
  const insertTests = db.prepare(`INSERT OR FAIL INTO tests (id, project_id, key, suite, name, file) VALUES ${Array(50).fill(row(6)).join(', ')}`);
  const insertResults = db.prepare(
    `INSERT OR FAIL INTO results (run_id, test_id, ordinal, status, duration_ms, started_at, message, trace, stdout, stderr, attempts) VALUES ${Array(50).fill(row(11)).join(', ')}`,
  );
  const last = (flat, columns) => db.prepare(`INSERT OR FAIL INTO ${columns === 6 ? 'tests (id, project_id, key, suite, name, file)' : 'results (run_id, test_id, ordinal, status, duration_ms, started_at, message, trace, stdout, stderr, attempts)'} VALUES ${Array(flat.length / columns).fill(row(columns)).join(', ')}`);
  withoutForeignKeys(
    db,
    db.transaction(() => {
      db.prepare(`INSERT INTO projects (id, name, root) VALUES (1, 'bench', NULL)`).run();
      db.prepare(
        `INSERT INTO runs (id, project_id, started_at, duration_ms, format, folder, hostname, tests, passed, failed, errored, skipped, ingested_at)
         VALUES (?, 1, ?, NULL, ?, '/bench', NULL, ?, ?, ?, ?, ?, ?)`,
      ).run(RUN_ID, Math.round(report.mtimeMs), report.format, totals.tests, totals.passed, totals.failed, totals.errored, totals.skipped, Date.now());
      floorInput.tests.batches.forEach((flat, index) => {
        const results = floorInput.results.batches[index];
        (flat.length === 300 ? insertTests : last(flat, 6)).run(flat);
        (results.length === 550 ? insertResults : last(results, 11)).run(results);
      });
    }),
  );
}
const storeMs = performance.now() - started;

const closing = performance.now();
const stored = db.prepare('SELECT COUNT(*) FROM results').pluck().get();
db.close();
const closeMs = performance.now() - closing;
if (stored !== tests.length) throw new Error(`stored ${stored} results of ${tests.length}`);
process.stdout.write(`${JSON.stringify({ mode, openMs, storeMs, closeMs, tests: stored })}\n`);
