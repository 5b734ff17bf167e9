// `vigil.goals.json`: the goals a session declares, read strictly. A typo in a goal must not
// turn into a goal that is silently never checked, so unknown fields and types are errors,
// each one line naming the goal and the field.
//
// {
//   "version": 1,
//   "goals": [
//     { "type": "pass-rate",  "minPercent": 95, "suite": "users" },      // suite or path optional
//     { "type": "pass-rate",  "minPercent": 100, "path": "src/api/" },
//     { "type": "test-count", "min": 15 },                               // suite or path optional
//     { "type": "failures",   "max": 0, "path": "src/cart.test.js" },    // failed + errored
//     { "type": "coverage",   "minPercent": 80 },                        // total line rate
//     { "type": "coverage",   "minPercent": 90, "file": "src/db.js" },
//     { "type": "duration",   "maxSeconds": 60 },
//     { "type": "isolation",  "runs": 2 }     // the last N runs give every test the same result
//   ]
// }
// Every goal may have a "name". Goals are checked against the report's after run.

export const GOALS_FILE_NAME = 'vigil.goals.json';

/** Which tests a goal is about: all, those of a suite, or those under a path. */
export interface TestScope {
  suite?: string;
  path?: string;
}

export type Goal =
  | ({ type: 'pass-rate'; name?: string; minPercent: number } & TestScope)
  | ({ type: 'test-count'; name?: string; min: number } & TestScope)
  | ({ type: 'failures'; name?: string; max: number } & TestScope)
  | { type: 'coverage'; name?: string; minPercent: number; file?: string }
  | { type: 'duration'; name?: string; maxSeconds: number }
  | { type: 'isolation'; name?: string; runs: number };

export type GoalType = Goal['type'];

export class GoalsFileError extends Error {
  override name = 'GoalsFileError';
}

type Fields = Record<string, unknown>;

const FIELDS: Record<GoalType, readonly string[]> = {
  'pass-rate': ['minPercent', 'suite', 'path'],
  'test-count': ['min', 'suite', 'path'],
  failures: ['max', 'suite', 'path'],
  coverage: ['minPercent', 'file'],
  duration: ['maxSeconds'],
  isolation: ['runs'],
};

const isGoalType = (value: unknown): value is GoalType => typeof value === 'string' && Object.hasOwn(FIELDS, value);

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(goal: Fields, key: string, where: string): string | undefined {
  const value = goal[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new GoalsFileError(`${where}.${key} must be a non-empty string`);
  return value.trim();
}

function number(goal: Fields, key: string, where: string, { min, max, integer = false }: { min: number; max: number; integer?: boolean }): number {
  const value = goal[key];
  if (value === undefined) throw new GoalsFileError(`${where} needs "${key}"`);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new GoalsFileError(`${where}.${key} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return value;
}

function scope(goal: Fields, where: string): TestScope {
  const suite = text(goal, 'suite', where);
  const path = text(goal, 'path', where);
  if (suite !== undefined && path !== undefined) throw new GoalsFileError(`${where} names both "suite" and "path"; use one`);
  return { ...(suite !== undefined ? { suite } : {}), ...(path !== undefined ? { path } : {}) };
}

function parseGoal(value: unknown, index: number): Goal {
  const where = `goals[${index}]`;
  if (!isObject(value)) throw new GoalsFileError(`${where} must be an object`);
  const type = value.type;
  if (!isGoalType(type)) {
    throw new GoalsFileError(`${where}.type must be one of ${Object.keys(FIELDS).join(', ')}, not ${JSON.stringify(type)}`);
  }
  for (const key of Object.keys(value)) {
    if (key !== 'type' && key !== 'name' && !FIELDS[type].includes(key)) {
      throw new GoalsFileError(`${where} (${type}) has an unknown field "${key}"; it takes ${FIELDS[type].join(', ')}`);
    }
  }
  const name = text(value, 'name', where);
  const named = name !== undefined ? { name } : {};
  switch (type) {
    case 'pass-rate':
      return { type, ...named, minPercent: number(value, 'minPercent', where, { min: 0, max: 100 }), ...scope(value, where) };
    case 'test-count':
      return { type, ...named, min: number(value, 'min', where, { min: 0, max: 1e9, integer: true }), ...scope(value, where) };
    case 'failures':
      return { type, ...named, max: number(value, 'max', where, { min: 0, max: 1e9, integer: true }), ...scope(value, where) };
    case 'coverage': {
      const file = text(value, 'file', where);
      return { type, ...named, minPercent: number(value, 'minPercent', where, { min: 0, max: 100 }), ...(file !== undefined ? { file } : {}) };
    }
    case 'duration':
      return { type, ...named, maxSeconds: number(value, 'maxSeconds', where, { min: 0, max: 1e7 }) };
    case 'isolation':
      return { type, ...named, runs: value.runs === undefined ? 2 : number(value, 'runs', where, { min: 2, max: 100, integer: true }) };
  }
}

/** Parses the goals file's text; `path` only names the file in error messages. */
export function parseGoals(textContent: string, path: string): Goal[] {
  let document: unknown;
  try {
    document = JSON.parse(textContent);
  } catch (error) {
    throw new GoalsFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  try {
    if (!isObject(document)) throw new GoalsFileError('the file must hold an object with a "goals" array');
    for (const key of Object.keys(document)) {
      if (!['goals', 'version', '$schema', '$comment'].includes(key)) throw new GoalsFileError(`unknown top-level field "${key}"; expected "goals"`);
    }
    if (document.version !== undefined && document.version !== 1) throw new GoalsFileError(`version ${JSON.stringify(document.version)} is not supported; use 1`);
    if (!Array.isArray(document.goals)) throw new GoalsFileError('"goals" must be an array');
    return document.goals.map(parseGoal);
  } catch (error) {
    if (error instanceof GoalsFileError) throw new GoalsFileError(`${path}: ${error.message}`);
    throw error;
  }
}
