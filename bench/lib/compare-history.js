// Builds the compare/report benchmark's store: one project, 2,000 runs of about 5,000 tests
// (10 M results), written through the engine's own RunWriter with the root-cause hook the
// engine installs, so the tables, indexes and causes are exactly what `vigil ingest` leaves.
// Deterministic (seeded): the same store on every machine.
//
// The history moves like a real one: about 5% of tests fail, breaking and getting fixed over
// time with a dozen distinct causes; 25 tests flip at random (flaky); 2% are skipped; the suite
// slides by one test every 10 runs, so old tests are removed and new ones added.
import { createRng } from './prng.js';

// 2: stores are made with 16 KiB pages (store/open-database.ts), so the store is made again.
export const HISTORY_VERSION = 2;
const BASE_MS = Date.UTC(2026, 7, 1, 0, 0, 0);
const RUN_SPACING_MS = 65 * 60 * 1000;

const MESSAGES = [
  'UNIQUE constraint failed: users.email',
  'sqlalchemy.exc.PendingRollbackError: This Session\'s transaction has been rolled back due to a previous exception during flush.',
  'ConnectionRefusedError: [Errno 111] connect ECONNREFUSED 127.0.0.1:5432',
  'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: http://payments.internal/v1/charge',
  'AssertionError: expected cooldown 300 to equal 30',
  'KeyError: \'DATABASE_URL\'',
  'TimeoutError: waited 5000 ms for element #submit',
  'ModuleNotFoundError: No module named \'factory_boy\'',
  'AssertionError: assert 41 == 42',
  'TypeError: Cannot read properties of undefined (reading \'id\')',
  'fixture \'tmp_db\' not found',
  'AssertionError: expected [ 1, 2 ] to deeply equal [ 1, 2, 3 ]',
];

function testName(index) {
  const module = String(index % 97).padStart(2, '0');
  return { suite: `tests.module_${module}.Test${Math.floor(index / 97)}`, name: `test_case_${index}`, file: `tests/test_module_${module}.py` };
}

/**
 * Writes the history into `db` with `writer` (a RunWriter); `testId` is the engine's id
 * function. Calls `progress(done, total)` now and then.
 */
export function writeHistory({ writer, testId, runs = 2000, tests = 5000, seed = 20261121, progress = () => {} }) {
  const rng = createRng(seed);
  const pool = tests + Math.ceil(runs / 10) + 1;
  const identities = Array.from({ length: pool }, (_, index) => {
    const { suite, name, file } = testName(index);
    return { suite, name, file, id: testId(suite, name, file) };
  });
  const broken = new Uint8Array(pool);
  const message = Array.from({ length: pool }, (_, index) => MESSAGES[index % MESSAGES.length]);
  for (let index = 0; index < pool; index++) broken[index] = rng.chance(0.05) ? 1 : 0;
  const flaky = new Set(Array.from({ length: 25 }, () => rng.int(0, pool - 1)));
  const skippedAlways = (index) => index % 50 === 7;

  for (let run = 0; run < runs; run++) {
    for (let index = 0; index < pool; index++) {
      if (broken[index] && rng.chance(0.02)) broken[index] = 0;
      else if (!broken[index] && rng.chance(0.00105)) broken[index] = 1;
    }
    const first = Math.floor(run / 10);
    const list = [];
    const totals = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
    for (let index = first; index < first + tests; index++) {
      const identity = identities[index];
      let status = 'passed';
      if (skippedAlways(index)) status = 'skipped';
      else if (flaky.has(index)) status = rng.chance(0.3) ? 'failed' : 'passed';
      else if (broken[index]) status = index % 7 === 0 ? 'errored' : 'failed';
      totals.tests += 1;
      totals[status] += 1;
      const failing = status === 'failed' || status === 'errored';
      list.push({
        id: identity.id,
        suite: identity.suite,
        name: identity.name,
        file: identity.file,
        status,
        durationMs: rng.int(1, 400),
        message: failing ? (flaky.has(index) ? 'TimeoutError: waited 5000 ms for element #submit' : message[index]) : null,
        trace: failing ? `Traceback (most recent call last):\n  File "${identity.file}", line ${10 + (index % 200)}, in ${identity.name}\n${message[index]}` : null,
        stdout: null,
        stderr: null,
        startedAt: null,
        attempts: [],
      });
    }
    const startedAtMs = BASE_MS + run * RUN_SPACING_MS;
    const id = `r_${(0x10000000 + run).toString(16)}bench${String(HISTORY_VERSION).padStart(3, '0')}`;
    writer.write({
      id,
      project: 'bench',
      projectRoot: null,
      folder: `/ci/bench/run-${run}`,
      startedAtMs,
      durationMs: 60_000 + rng.int(0, 30_000),
      format: 'junit-xml',
      hostname: 'ci',
      properties: {},
      sources: [{ path: `/ci/bench/run-${run}/junit.xml`, size: 1, mtimeMs: startedAtMs, sha256: `${id}-${seed}`, format: 'junit-xml', kind: 'tests' }],
      tests: list,
      totals,
    });
    if (run % 100 === 99) progress(run + 1, runs);
  }
}
