// The rows a run's tests become (encoded where they are parsed, bound where they are stored): ids
// for new tests continue the store's, known tests keep theirs, chunks fill INSERTs of 50 rows, a
// retry replaces its row. Stored through ResultRows into a real database file and read back.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/engine/store/open-database.js';
import { ResultRows, ResultStatements } from '../../../../src/main/engine/store/result-rows.js';
import { RunWriter } from '../../../../src/main/engine/store/run-writer.js';
import { ROWS_PER_INSERT, RESULT_VALUES, TEST_VALUES, TestRowEncoder } from '../../../../src/main/engine/store/test-row-encoder.js';
import { tempDir } from '../../../support/temp.js';
import { normalisedTest as test } from '../../../support/normalised-test.js';

function storeWithRun(): { db: ReturnType<typeof openDatabase>; statements: ResultStatements } {
  const db = openDatabase(join(tempDir(), 'rows.db'));
  db.prepare(`INSERT INTO projects (id, name) VALUES (1, 'p'), (2, 'q')`).run();
  for (const id of ['r1', 'r2']) {
    db.prepare(
      `INSERT INTO runs (id, project_id, started_at, format, folder, tests, passed, failed, errored, skipped, ingested_at) VALUES (?, 1, 0, 'junit-xml', '/', 0, 0, 0, 0, 0, 0)`,
    ).run(id);
  }
  return { db, statements: new ResultStatements(db) };
}

describe('TestRowEncoder and ResultRows', () => {
  it('gives new tests the next ids, fills chunks of 50 rows, and stores what it encodes', () => {
    const { db, statements } = storeWithRun();
    const known = statements.knownTests(1);
    expect(known).toEqual({ keys: [], ids: [], nextId: 1 });
    const encoder = new TestRowEncoder(known);
    for (let index = 0; index < 120; index += 1) encoder.add(test(index, index === 7 ? { status: 'failed', message: 'boom', attempts: [{ status: 'failed', message: 'first' }] } : {}));
    expect(encoder.size).toBe(120);
    const rows = encoder.take();
    expect(encoder.size).toBe(0);
    expect(rows.tests.map((chunk) => chunk.length)).toEqual([ROWS_PER_INSERT * TEST_VALUES, ROWS_PER_INSERT * TEST_VALUES, 20 * TEST_VALUES]);
    expect(rows.results.map((chunk) => chunk.length)).toEqual([ROWS_PER_INSERT * RESULT_VALUES, ROWS_PER_INSERT * RESULT_VALUES, 20 * RESULT_VALUES]);
    new ResultRows(statements, 'r1', 1).store(rows);
    expect(db.prepare(`SELECT count(*) FROM tests WHERE project_id = 1`).pluck().get()).toBe(120);
    const failed = db.prepare(`SELECT t.id, t.key, r.ordinal, r.status, r.message, r.attempts FROM results r JOIN tests t ON t.id = r.test_id WHERE r.run_id = 'r1' AND r.status = 'failed'`).get();
    expect(failed).toEqual({ id: 8, key: test(7).id, ordinal: 7, status: 'failed', message: 'boom', attempts: 2 });
    expect(encoder.rowIdOf(test(7).id)).toBe(8);
    expect(db.prepare(`SELECT test_id, attempt, status, message FROM result_attempts WHERE run_id = 'r1'`).all()).toEqual([{ test_id: 8, attempt: 1, status: 'failed', message: 'first' }]);
    db.close();
  });

  it('reuses the ids of the project’s stored tests and only adds the new ones', () => {
    const { db, statements } = storeWithRun();
    const first = new TestRowEncoder(statements.knownTests(1));
    for (let index = 0; index < 3; index += 1) first.add(test(index));
    new ResultRows(statements, 'r1', 1).store(first.take());
    const known = statements.knownTests(1);
    expect(known.nextId).toBe(4);
    const second = new TestRowEncoder(known);
    second.add(test(1));
    second.add(test(5));
    const rows = second.take();
    expect(rows.tests).toEqual([[4, test(5).id, 'Suite', 'case 5', 'a.test.ts']]);
    new ResultRows(statements, 'r2', 1).store(rows);
    expect(db.prepare(`SELECT test_id FROM results WHERE run_id = 'r2' ORDER BY ordinal`).pluck().all()).toEqual([2, 4]);
    // Another project's tests are not this one's: the same key is a new test there.
    expect(statements.knownTests(2)).toEqual({ keys: [], ids: [], nextId: 5 });
    db.close();
  });

  it('replaces the row of a retried test: the outcome it retries is copied from its row, stored attempts stay', () => {
    const { db, statements } = storeWithRun();
    const encoder = new TestRowEncoder(statements.knownTests(1));
    const rows = new ResultRows(statements, 'r1', 1);
    // Stored first: failed ("second"), after an earlier attempt ("first") it reported itself.
    encoder.add(test(0, { status: 'failed', message: 'second', trace: 'at x', stdout: 'out 2', durationMs: 20, attempts: [{ status: 'failed', message: 'first' }] }));
    encoder.add(test(1));
    rows.store(encoder.take());
    // Its retry, as the settler gives it without texts for what is stored: the first attempt, the
    // retried outcome, then one of its own (with its text); then it passed.
    const retry = test(0, { status: 'passed', attempts: [{ status: 'failed' }, { status: 'failed', durationMs: 20 }, { status: 'errored', message: 'third' }] });
    const replacement = encoder.replace(retry, 1);
    expect(replacement.retriedAttempt).toBe(2);
    rows.replace(replacement);
    expect(db.prepare(`SELECT test_id, ordinal, status, attempts FROM results WHERE run_id = 'r1' ORDER BY ordinal`).all()).toEqual([
      { test_id: 2, ordinal: 1, status: 'passed', attempts: 1 },
      { test_id: 1, ordinal: 2, status: 'passed', attempts: 4 },
    ]);
    expect(db.prepare(`SELECT attempt, status, duration_ms, message, trace, stdout FROM result_attempts WHERE run_id = 'r1' AND test_id = 1 ORDER BY attempt`).all()).toEqual([
      { attempt: 1, status: 'failed', duration_ms: null, message: 'first', trace: null, stdout: null },
      { attempt: 2, status: 'failed', duration_ms: 20, message: 'second', trace: 'at x', stdout: 'out 2' },
      { attempt: 3, status: 'errored', duration_ms: null, message: 'third', trace: null, stdout: null },
    ]);
    expect(() => encoder.replace(test(9), 0)).toThrow(/was not added before its retry/);
    expect(() => encoder.replace(test(1, { attempts: [{ status: 'failed' }] }), 1)).toThrow(/has the outcome it retries among its attempts/);
    // A replacement of a test with no stored row in this run copies nothing: it fails, whole.
    expect(() => new ResultRows(statements, 'r2', 1).replace(encoder.replace(retry, 1))).toThrow(/its earlier result is not stored/);
    db.close();
  });

  it('leaves nothing of a run whose later chunk conflicts: its INSERTs fail, not abort, and the transaction goes', () => {
    const db = openDatabase(join(tempDir(), 'conflict.db'));
    const writer = new RunWriter(db);
    const start = { id: 'r_conflict', project: 'p', projectRoot: null, folder: '/', format: 'junit-xml' as const, startedAtMs: 0 };
    expect(() =>
      writer.writeStreamed(start, (stream) => {
        const encoder = new TestRowEncoder(stream.known);
        for (let index = 0; index < 120; index += 1) encoder.add(test(index));
        const rows = encoder.take();
        // The third chunk's first test row takes the id of a row the first chunk stored.
        (rows.tests[2] as unknown[])[0] = 1;
        stream.rows.store(rows);
        throw new Error('not reached: the conflict throws first');
      }),
    ).toThrow(/UNIQUE constraint failed: tests\.id|PRIMARY KEY/);
    for (const table of ['projects', 'runs', 'tests', 'results']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    db.close();
  });
});
