// A batch's failing tests cross to the storing thread as where their result rows are plus their
// identity and attempts; rebuilt from the batch's rows they must equal the tests that were sent,
// in every chunk of the batch, for new tests and for tests the project stored before.
import { describe, expect, it } from 'vitest';
import type { NormalisedTest } from '../../../../../src/main/engine/model/normalised-report.js';
import { decodeFailures, encodeFailures, type BatchFailure } from '../../../../../src/main/engine/ingest/stream/test-rows-codec.js';
import { ROWS_PER_INSERT, TestRowEncoder } from '../../../../../src/main/engine/store/test-row-encoder.js';
import { normalisedTest as test } from '../../../../support/normalised-test.js';

describe('failures of a batch (test-rows-codec)', () => {
  it('rebuilds each failing test, its texts taken from its result row, with its test row id', () => {
    // Test 3 was stored by an earlier run (row id 40): the batch has no test row for it.
    const encoder = new TestRowEncoder({ keys: [test(3).id], ids: [40], nextId: 41 });
    const failures: BatchFailure[] = [];
    const failing: Record<number, Partial<NormalisedTest>> = {
      3: { status: 'failed', message: 'expected 1 to be 2', trace: 'at a.test.ts:3\n  at run', startedAt: '2026-11-21T10:00:00Z' },
      // In the second chunk of 50 rows, with an earlier attempt and output.
      57: { status: 'errored', message: 'timeout → 5 s', stdout: 'out', stderr: 'err', durationMs: null, attempts: [{ status: 'failed', message: 'first try' }] },
      // The last row of the first chunk.
      49: { status: 'failed', message: 'x' },
    };
    for (let index = 0; index < 60; index += 1) {
      const added = test(index, failing[index]);
      if (added.status === 'failed' || added.status === 'errored') failures.push({ index: encoder.size, test: added });
      encoder.add(added);
    }
    const rows = encoder.take();
    expect(rows.results.length).toBe(2);
    const flat = encodeFailures(failures);
    // Identity and attempts only: the texts stay in the rows.
    expect(flat.filter((value) => typeof value === 'string' && value.startsWith('at a.test.ts'))).toEqual([]);
    const decoded = decodeFailures(structuredClone(flat), structuredClone(rows.results));
    expect(decoded.map(({ test: rebuilt }) => rebuilt)).toEqual(failures.map(({ test: sent }) => sent));
    expect(decoded.map(({ testRowId }) => testRowId)).toEqual([40, 41 + 49 - 1, 41 + 57 - 1]);
  });

  it('names the failure whose row is missing instead of inventing one', () => {
    const flat = encodeFailures([{ index: ROWS_PER_INSERT, test: test(1, { status: 'failed' }) }]);
    expect(() => decodeFailures(flat, [[]])).toThrow(/failure t_0000000000000001: no result row 50 in its batch/);
  });
});
