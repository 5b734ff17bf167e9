import { describe, expect, it, vi } from 'vitest';
import { checkCall, ContractError, dispatchCall, ENGINE_METHOD_NAMES, ENGINE_METHODS, isEngineMethod } from '../../src/shared/api-contract.js';
import { MAX_ARG_ARRAY, MAX_ARG_STRING } from '../../src/shared/arg-checks.js';
import type { EngineApi } from '../../src/shared/types.js';

function problem(method: string, args: unknown): string | null {
  return checkCall(method, args)?.message ?? null;
}

describe('ENGINE_METHODS', () => {
  it('lists exactly the EngineApi methods', () => {
    expect([...ENGINE_METHOD_NAMES].sort()).toEqual(['getRun', 'getTest', 'ingestPaths', 'listProjects', 'listRuns']);
  });

  it('knows only its own methods, not those of Object.prototype or the Engine extras', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'close', 'resolveRun', 'dbPath', '', 42, null]) {
      expect(isEngineMethod(name), String(name)).toBe(false);
    }
    expect(checkCall('close', undefined)).toBeInstanceOf(ContractError);
    expect(checkCall('close', undefined)?.kind).toBe('unknown-method');
  });
});

describe('argument checks', () => {
  it('listProjects takes nothing, or an empty object', () => {
    expect(problem('listProjects', undefined)).toBeNull();
    expect(problem('listProjects', null)).toBeNull();
    expect(problem('listProjects', {})).toBeNull();
    expect(problem('listProjects', { project: 'a' })).toMatch(/takes no arguments/);
    expect(problem('listProjects', [])).toMatch(/takes no arguments/);
  });

  it('listRuns takes an optional project', () => {
    expect(problem('listRuns', {})).toBeNull();
    expect(problem('listRuns', { project: 'atom' })).toBeNull();
    expect(problem('listRuns', undefined)).toMatch(/must be an object/);
    expect(problem('listRuns', { project: 3 })).toMatch(/argument\.project must be a string/);
    expect(problem('listRuns', { project: '' })).toMatch(/must not be empty/);
    expect(problem('listRuns', { projects: 'a' })).toMatch(/unknown field "projects"/);
  });

  it('getRun needs a run and takes an optional project', () => {
    expect(problem('getRun', { run: 'latest' })).toBeNull();
    expect(problem('getRun', { run: 'latest', project: 'atom' })).toBeNull();
    expect(problem('getRun', {})).toMatch(/argument\.run is required/);
    expect(problem('getRun', { run: ['x'] })).toMatch(/must be a string/);
  });

  it('getTest needs a run and a test id', () => {
    expect(problem('getTest', { run: 'r_1', testId: 't' })).toBeNull();
    expect(problem('getTest', { run: 'r_1' })).toMatch(/argument\.testId is required/);
  });

  it('ingestPaths needs at least one path', () => {
    expect(problem('ingestPaths', { paths: ['/a', '/b'], project: 'p' })).toBeNull();
    expect(problem('ingestPaths', { paths: [] })).toMatch(/at least 1 item/);
    expect(problem('ingestPaths', { paths: '/a' })).toMatch(/must be an array/);
    expect(problem('ingestPaths', { paths: ['/a', 5] })).toMatch(/argument\.paths\[1\] must be a string/);
    expect(problem('ingestPaths', { paths: Array(MAX_ARG_ARRAY + 1).fill('/a') })).toMatch(/more than/);
  });

  it('refuses oversized strings, NUL bytes and objects that are not plain', () => {
    expect(problem('getRun', { run: 'x'.repeat(MAX_ARG_STRING + 1) })).toMatch(/longer than/);
    expect(problem('getRun', { run: 'a\0b' })).toMatch(/NUL/);
    expect(problem('getRun', new Date())).toMatch(/must be an object/);
    expect(problem('getRun', Object.assign(Object.create({ run: 'inherited' }) as object, {}))).toMatch(/must be an object/);
    expect(problem('getRun', JSON.parse('{"run":"x","__proto__":{"polluted":true}}'))).toMatch(/unknown field "__proto__"/);
  });

  it('every contract has a check that refuses a non-object', () => {
    for (const name of ENGINE_METHOD_NAMES) {
      if (name === 'listProjects') continue;
      expect(ENGINE_METHODS[name].check('a string', 'argument'), name).not.toBeNull();
    }
  });
});

describe('dispatchCall', () => {
  const fakeApi = (): EngineApi => ({
    listProjects: vi.fn(async () => ['p']),
    listRuns: vi.fn(async () => []),
    getRun: vi.fn(async () => {
      throw new Error('not called');
    }),
    getTest: vi.fn(async () => {
      throw new Error('not called');
    }),
    ingestPaths: vi.fn(async () => ({ runs: [], duplicates: [], errors: [], warnings: [] })),
  });

  it('calls the method with the checked argument', async () => {
    const api = fakeApi();
    await expect(dispatchCall(api, 'listProjects', undefined)).resolves.toEqual(['p']);
    await dispatchCall(api, 'listRuns', { project: 'atom' });
    expect(api.listRuns).toHaveBeenCalledWith({ project: 'atom' });
  });

  it('never reaches the engine with a refused call', async () => {
    const api = fakeApi();
    await expect(dispatchCall(api, 'ingestPaths', { paths: 'nope' })).rejects.toThrow(ContractError);
    await expect(dispatchCall(api, 'constructor', {})).rejects.toThrow(/unknown method/);
    expect(api.ingestPaths).not.toHaveBeenCalled();
  });
});
