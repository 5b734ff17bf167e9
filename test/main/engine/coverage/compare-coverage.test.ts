import { describe, expect, it } from 'vitest';
import { compareCoverage } from '../../../../src/main/engine/coverage/compare-coverage.js';
import { coverageTestHints, type HintTest } from '../../../../src/main/engine/coverage/coverage-hints.js';
import { moduleStem, relatedNames } from '../../../support/module-names.js';

const lines = (path: string, linesCovered: number, linesValid: number) => ({ path, linesCovered, linesValid });

describe('compareCoverage (the coverage block of `vigil compare`)', () => {
  it('gives both totals from the files and the files that moved, largest move first', () => {
    const before = [lines('core/models.py', 9, 10), lines('core/views.py', 5, 10), lines('core/old.py', 1, 1), lines('same.py', 3, 4)];
    const after = [lines('core/models.py', 10, 10), lines('core/views.py', 2, 10), lines('core/new.py', 0, 5), lines('same.py', 3, 4)];
    const compared = compareCoverage(before, after);
    expect(compared?.before).toBeCloseTo(18 / 25, 12);
    expect(compared?.after).toBeCloseTo(15 / 29, 12);
    expect(compared?.files).toEqual([
      { path: 'core/views.py', before: 0.5, after: 0.2 },
      { path: 'core/models.py', before: 0.9, after: 1 },
      { path: 'core/new.py', before: null, after: 0 },
      { path: 'core/old.py', before: 1, after: null },
    ]);
    expect(compareCoverage(before, after, { includeUnchanged: true })?.files).toHaveLength(5);
  });

  it('null totals for a run without coverage; null when neither has any', () => {
    expect(compareCoverage(null, [lines('a.py', 1, 2)])).toEqual({ before: null, after: 0.5, files: [] });
    expect(compareCoverage(null, null)).toBeNull();
  });
});

describe('coverageTestHints (test x coverage)', () => {
  const test = (id: string, suite: string, name: string, file: string | null, status: HintTest['status'] = 'passed'): HintTest => ({ id, suite, name, file, status });

  it('names the tests of the same module that stopped running when its coverage drops', () => {
    const before = {
      files: [lines('calc/money.py', 13, 15), lines('calc/stats.py', 12, 17)],
      tests: [
        test('t1', 'tests.test_money', 'test_add_tax', 'tests/test_money.py'),
        test('t2', 'tests.test_money', 'test_split', 'tests/test_money.py', 'failed'),
        test('t3', 'tests.test_stats', 'test_mean', 'tests/test_stats.py'),
        test('t4', 'tests.test_money', 'test_never_ran', 'tests/test_money.py', 'skipped'),
      ],
    };
    const after = {
      files: [lines('calc/money.py', 6, 15), lines('calc/stats.py', 12, 17)],
      tests: [test('t2', 'tests.test_money', 'test_split', 'tests/test_money.py', 'skipped'), test('t3', 'tests.test_stats', 'test_mean', 'tests/test_stats.py')],
    };
    const hints = coverageTestHints(before, after);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ path: 'calc/money.py', before: 13 / 15, after: 6 / 15 });
    expect(hints[0]?.tests.map((t) => [t.id, t.after])).toEqual([
      ['t1', 'missing'],
      ['t2', 'skipped'],
    ]);
    expect(hints[0]?.message).toBe(
      'calc/money.py fell from 86.7% to 40.0% (13/15 → 6/15 lines); 2 test(s) of the same module ran before and not now: tests/test_money.py::test_add_tax (not in the run), tests/test_money.py::test_split (skipped)',
    );
  });

  it('relates tests and files across languages: Java classes, Go packages, JS specs', () => {
    expect(relatedNames('src/main/java/com/shop/UserService.java', { suite: 'com.shop.UserServiceTest', file: null })).toBe(true);
    expect(relatedNames('stock/stock.go', { suite: 'example.com/shop/stock', file: null })).toBe(true);
    expect(relatedNames('stock/level.go', { suite: 'example.com/shop/stock', file: null })).toBe(true);
    expect(relatedNames('src/cart.js', { suite: 'cart', file: 'test/cart.spec.ts' })).toBe(true);
    expect(relatedNames('src/cart.js', { suite: 'format', file: 'test/format.test.js' })).toBe(false);
    expect(relatedNames('src/cart.js', { suite: 'format', file: 'src/format.test.js' })).toBe(false);
    expect(relatedNames('stock/level.go', { suite: '', file: 'stock/stock_test.go' })).toBe(true);
    expect(moduleStem('test_models.py')).toBe('models');
    expect(moduleStem('models_test.go')).toBe('models');
    expect(moduleStem('UserServiceIT')).toBe('userservice');
    expect(moduleStem('audit.py')).toBe('audit');
  });

  it('says nothing when coverage dropped but every test still ran, or tests stopped but coverage held', () => {
    const files = [lines('a/core.py', 5, 10)];
    const tests = [test('t1', 'tests.test_core', 'test_x', 'tests/test_core.py')];
    expect(coverageTestHints({ files, tests }, { files: [lines('a/core.py', 2, 10)], tests })).toEqual([]);
    expect(coverageTestHints({ files, tests }, { files, tests: [] })).toEqual([]);
  });

  it('a file gone from the coverage counts as a drop', () => {
    const tests = [test('t1', 'tests.test_core', 'test_x', 'tests/test_core.py')];
    const hints = coverageTestHints({ files: [lines('a/core.py', 5, 10)], tests }, { files: [], tests: [] });
    expect(hints[0]?.after).toBeNull();
    expect(hints[0]?.message).toMatch(/a\/core\.py is no longer covered at all \(was 50\.0%\)/);
  });
});
