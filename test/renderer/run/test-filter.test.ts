import { describe, expect, it } from 'vitest';
import { countByCategory, countByStatus, filterTests, tableView } from '../../../src/renderer/run/test-filter.js';
import { TEST_STATUSES, type RootCauseCategory } from '../../../src/shared/types.js';
import type { RunTestTable } from '../../../src/shared/ui-types.js';

const table: RunTestTable = {
  run: { id: 'r_1', project: 'p', startedAt: '2026-11-20T10:00:00.000Z', format: 'junit-xml', sources: [], totals: { tests: 4, passed: 1, failed: 1, errored: 1, skipped: 1 }, durationMs: 4, coverage: null },
  ids: ['t_adds', 't_divides', 't_boots', 't_later'],
  names: ['adds', 'divides', 'boots', 'later'],
  suites: ['suite'],
  suiteIndex: [0, 0, 0, 0],
  files: ['boot.py'],
  fileIndex: [-1, -1, 0, -1],
  statuses: 'pfes',
  durationsMs: [1, 1, 1, null],
  messages: [[1, 'Division by ZERO']],
};
const categories = new Map<string, RootCauseCategory>([
  ['t_divides', 'product_defect'],
  ['t_boots', 'test_defect'],
]);
const names = (view: ReturnType<typeof tableView>, shown: number[]): string[] => shown.map((i) => view.table.names[i] ?? '?');

describe('filterTests', () => {
  it('keeps the chosen statuses', () => {
    const view = tableView(table);
    expect(names(view, filterTests(view, { statuses: new Set(['failed', 'errored']), category: null, text: '' }))).toEqual(['divides', 'boots']);
  });

  it('matches text in name, suite, file and message, ignoring case', () => {
    const view = tableView(table);
    const all = new Set(TEST_STATUSES);
    expect(names(view, filterTests(view, { statuses: all, category: null, text: 'zero' }))).toEqual(['divides']);
    expect(names(view, filterTests(view, { statuses: all, category: null, text: ' BOOT.PY ' }))).toEqual(['boots']);
    expect(filterTests(view, { statuses: all, category: null, text: 'suite' })).toHaveLength(4);
  });

  it('keeps one root-cause category', () => {
    const view = tableView(table, categories);
    expect(names(view, filterTests(view, { statuses: new Set(TEST_STATUSES), category: 'test_defect', text: '' }))).toEqual(['boots']);
    expect(countByCategory(view)).toEqual(new Map([['product_defect', 1], ['test_defect', 1]]));
  });

  it('counts by status', () => {
    expect(countByStatus(tableView(table))).toEqual({ passed: 1, failed: 1, errored: 1, skipped: 1 });
  });

  it('filters 100,000 tests fast enough to follow typing', () => {
    const n = 100_000;
    const big: RunTestTable = {
      ...table,
      ids: Array.from({ length: n }, (_, i) => `t_${i}`),
      names: Array.from({ length: n }, (_, i) => `test number ${i}`),
      suiteIndex: new Array<number>(n).fill(0),
      fileIndex: new Array<number>(n).fill(-1),
      statuses: 'p'.repeat(n),
      durationsMs: new Array<number>(n).fill(1),
      messages: [],
    };
    const view = tableView(big);
    filterTests(view, { statuses: new Set(TEST_STATUSES), category: null, text: 'x' });
    const started = performance.now();
    const shown = filterTests(view, { statuses: new Set(TEST_STATUSES), category: null, text: 'number 9999' });
    expect(shown).toHaveLength(11);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
