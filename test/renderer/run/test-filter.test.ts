import { describe, expect, it } from 'vitest';
import { countByStatus, filterTests } from '../../../src/renderer/run/test-filter.js';
import { TEST_STATUSES, type TestResultRow, type TestStatus } from '../../../src/shared/types.js';

const row = (name: string, status: TestStatus, extra: Partial<TestResultRow> = {}): TestResultRow => ({
  id: name,
  suite: 'suite',
  name,
  file: null,
  status,
  durationMs: 1,
  message: null,
  rootCause: null,
  attempts: [],
  ...extra,
});

const tests = [row('adds', 'passed'), row('divides', 'failed', { message: 'Division by ZERO' }), row('boots', 'errored', { file: 'boot.py' }), row('later', 'skipped')];

describe('filterTests', () => {
  it('keeps the chosen statuses', () => {
    expect(filterTests(tests, { statuses: new Set(['failed', 'errored']), text: '' }).map((t) => t.name)).toEqual(['divides', 'boots']);
  });

  it('matches text in name, file and message, ignoring case', () => {
    const all = new Set(TEST_STATUSES);
    expect(filterTests(tests, { statuses: all, text: 'zero' }).map((t) => t.name)).toEqual(['divides']);
    expect(filterTests(tests, { statuses: all, text: ' BOOT.PY ' }).map((t) => t.name)).toEqual(['boots']);
    expect(filterTests(tests, { statuses: all, text: 'suite' })).toHaveLength(4);
  });

  it('counts by status', () => {
    expect(countByStatus(tests)).toEqual({ passed: 1, failed: 1, errored: 1, skipped: 1 });
  });
});
