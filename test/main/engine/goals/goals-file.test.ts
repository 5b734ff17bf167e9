import { describe, expect, it } from 'vitest';
import { GoalsFileError, parseGoals } from '../../../../src/main/engine/goals/goals-file.js';
import { inScope } from '../../../../src/main/engine/goals/test-scope.js';

const parse = (goals: unknown): ReturnType<typeof parseGoals> => parseGoals(JSON.stringify(goals), 'vigil.goals.json');
const problem = (goals: unknown): string => {
  try {
    parse(goals);
  } catch (error) {
    if (error instanceof GoalsFileError) return error.message;
    throw error;
  }
  return 'no error';
};

describe('vigil.goals.json', () => {
  it('reads every kind of goal, with defaults', () => {
    expect(
      parse({
        version: 1,
        goals: [
          { type: 'pass-rate', minPercent: 95, suite: 'users', name: 'users green' },
          { type: 'test-count', min: 40, path: 'tests/api/' },
          { type: 'failures', max: 0 },
          { type: 'coverage', minPercent: 80, file: 'src/db.py' },
          { type: 'duration', maxSeconds: 90 },
          { type: 'isolation' },
        ],
      }),
    ).toEqual([
      { type: 'pass-rate', name: 'users green', minPercent: 95, suite: 'users' },
      { type: 'test-count', min: 40, path: 'tests/api/' },
      { type: 'failures', max: 0 },
      { type: 'coverage', minPercent: 80, file: 'src/db.py' },
      { type: 'duration', maxSeconds: 90 },
      { type: 'isolation', runs: 2 },
    ]);
  });

  it('refuses what would otherwise be a goal never checked, naming the goal and field', () => {
    expect(problem({ goals: [{ type: 'pass-rate', minPercent: 95, suite: 'a', path: 'b' }] })).toMatch(/goals\[0\] names both "suite" and "path"/);
    expect(problem({ goals: [{ type: 'pass_rate', minPercent: 95 }] })).toMatch(/goals\[0\]\.type must be one of pass-rate, .*not "pass_rate"/);
    expect(problem({ goals: [{ type: 'pass-rate', minPercent: 0.95 }, { type: 'pass-rate', minPercent: 195 }] })).toMatch(/goals\[1\]\.minPercent must be a number from 0 to 100, not 195/);
    expect(problem({ goals: [{ type: 'pass-rate' }] })).toMatch(/goals\[0\] needs "minPercent"/);
    expect(problem({ goals: [{ type: 'test-count', min: 2.5 }] })).toMatch(/must be a whole number/);
    expect(problem({ goals: [{ type: 'isolation', runs: 1 }] })).toMatch(/runs must be a whole number from 2 to 100/);
    expect(problem({ goals: [{ type: 'duration', maxMinutes: 3 }] })).toMatch(/unknown field "maxMinutes"; it takes maxSeconds/);
    expect(problem({ goal: [] })).toMatch(/unknown top-level field "goal"/);
    expect(problem({ version: 2, goals: [] })).toMatch(/version 2 is not supported/);
    expect(problem([])).toMatch(/must hold an object/);
    expect(() => parseGoals('{"goals": [', 'x.json')).toThrow(/^x\.json: not valid JSON/);
  });
});

describe('goal scopes', () => {
  const test = (suite: string, file: string | null) => ({ suite, file });
  it('a suite covers itself and its children, whole segments only', () => {
    expect(inScope(test('users', null), { suite: 'users' })).toBe(true);
    expect(inScope(test('users > admin', null), { suite: 'users' })).toBe(true);
    expect(inScope(test('tests.api.TestUsers', null), { suite: 'tests.api' })).toBe(true);
    expect(inScope(test('usersettings', null), { suite: 'users' })).toBe(false);
  });

  it('a path matches a file by its ending, a folder anywhere in it, or a glob', () => {
    expect(inScope(test('', '/tmp/shop/src/db.test.js'), { path: 'src/db.test.js' })).toBe(true);
    expect(inScope(test('', 'src/db.test.js'), { path: './src/db.test.js' })).toBe(true);
    expect(inScope(test('', '/ci/tests/api/test_users.py'), { path: 'tests/api/' })).toBe(true);
    expect(inScope(test('', '/ci/tests/api/test_users.py'), { path: 'tests/api' })).toBe(true);
    expect(inScope(test('', '/ci/tests/apiv2/test_users.py'), { path: 'tests/api' })).toBe(false);
    expect(inScope(test('', 'tests/api/v1/test_users.py'), { path: 'tests/**/test_*.py' })).toBe(true);
    expect(inScope(test('', 'tests/test_users.py'), { path: 'tests/**/test_*.py' })).toBe(true);
    expect(inScope(test('', 'tests/api/users.py'), { path: 'tests/*/test_*.py' })).toBe(false);
    expect(inScope(test('', 'C:\\ci\\tests\\api\\t.py'), { path: 'tests/api/' })).toBe(true);
    expect(inScope(test('', null), { path: 'tests/' })).toBe(false);
  });
});
