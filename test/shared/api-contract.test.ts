import { describe, expect, it, vi } from 'vitest';
import { checkCall, ContractError, dispatchCall, ENGINE_METHOD_NAMES, ENGINE_METHODS, isEngineMethod } from '../../src/shared/api-contract.js';
import { MAX_ARG_ARRAY, MAX_ARG_STRING } from '../../src/shared/arg-checks.js';
import type { EngineApi } from '../../src/shared/types.js';

function problem(method: string, args: unknown): string | null {
  return checkCall(method, args)?.message ?? null;
}

describe('ENGINE_METHODS', () => {
  it('lists exactly the EngineApi methods', () => {
    expect([...ENGINE_METHOD_NAMES].sort()).toEqual([
      'addRule',
      'addWatchFolder',
      'checkGoals',
      'classifyFailures',
      'compareRuns',
      'deleteRunsOlderThan',
      'getFailureTrend',
      'getFailures',
      'getGroupHistory',
      'getReport',
      'getRun',
      'getRunTests',
      'getTest',
      'importExisting',
      'ingestPaths',
      'listProjects',
      'listRules',
      'listRuns',
      'listWatchFolders',
      'loadDemo',
      'removeRule',
      'removeWatchFolder',
      'setCategory',
    ]);
  });

  it('knows only its own methods, not those of Object.prototype or the Engine extras', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'close', 'resolveRun', 'dbPath', 'onEvent', 'startWatching', 'stopWatching', 'reports', '', 42, null]) {
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

  it('addWatchFolder needs a path and takes an optional project and polling flag', () => {
    expect(problem('addWatchFolder', { path: '/reports' })).toBeNull();
    expect(problem('addWatchFolder', { path: '/reports', project: 'atom', polling: true })).toBeNull();
    expect(problem('addWatchFolder', {})).toMatch(/argument\.path is required/);
    expect(problem('addWatchFolder', { path: '/r', polling: 'yes' })).toMatch(/argument\.polling must be true or false/);
    expect(problem('addWatchFolder', { path: '/r', ignore: ['x'] })).toMatch(/unknown field "ignore"/);
  });

  it('removeWatchFolder and importExisting need a path; listWatchFolders takes nothing', () => {
    for (const method of ['removeWatchFolder', 'importExisting']) {
      expect(problem(method, { path: '/reports' })).toBeNull();
      expect(problem(method, {})).toMatch(/argument\.path is required/);
      expect(problem(method, { path: 1 })).toMatch(/must be a string/);
    }
    expect(problem('listWatchFolders', undefined)).toBeNull();
    expect(problem('listWatchFolders', { path: '/x' })).toMatch(/takes no arguments/);
  });

  it('refuses oversized strings, NUL bytes and objects that are not plain', () => {
    expect(problem('getRun', { run: 'x'.repeat(MAX_ARG_STRING + 1) })).toMatch(/longer than/);
    expect(problem('getRun', { run: 'a\0b' })).toMatch(/NUL/);
    expect(problem('getRun', new Date())).toMatch(/must be an object/);
    expect(problem('getRun', Object.assign(Object.create({ run: 'inherited' }) as object, {}))).toMatch(/must be an object/);
    expect(problem('getRun', JSON.parse('{"run":"x","__proto__":{"polluted":true}}'))).toMatch(/unknown field "__proto__"/);
  });

  it('compareRuns needs two runs; getReport and checkGoals take selectors and a size limit', () => {
    expect(problem('compareRuns', { before: 'first', after: 'latest' })).toBeNull();
    expect(problem('compareRuns', { before: 'first', after: 'latest', project: 'shop' })).toBeNull();
    expect(problem('compareRuns', { before: 'first' })).toMatch(/argument\.after is required/);
    expect(problem('getReport', {})).toBeNull();
    expect(problem('getReport', { project: 'shop', before: '2026-11-16', after: 'latest~1', maxBytes: 65536 })).toBeNull();
    expect(problem('getReport', { maxBytes: 0 })).toMatch(/maxBytes must be a whole number/);
    expect(problem('getReport', { maxBytes: 1.5 })).toMatch(/maxBytes must be a whole number/);
    expect(problem('getReport', { maxBytes: '65536' })).toMatch(/maxBytes must be a whole number/);
    expect(problem('getReport', { goalsPath: '/etc/passwd' })).toMatch(/unknown field "goalsPath"/);
    expect(problem('checkGoals', { run: 'latest' })).toBeNull();
    expect(problem('checkGoals', { goalsPath: '/x' })).toMatch(/unknown field/);
  });

  it('root-cause methods check categories, rule fields and failure texts', () => {
    expect(problem('getFailures', { run: 'latest' })).toBeNull();
    expect(problem('getFailures', {})).toMatch(/argument\.run is required/);
    expect(problem('classifyFailures', { failures: [{ id: 'a', message: '' }] })).toBeNull();
    expect(problem('classifyFailures', { failures: [{ id: 'a', message: 'x', trace: 'y'.repeat(10_000) }] })).toBeNull();
    expect(problem('classifyFailures', { failures: [{ id: 'a' }] })).toMatch(/message is required/);
    expect(problem('setCategory', { run: 'latest', target: 'g_1', category: 'flaky' })).toBeNull();
    expect(problem('setCategory', { run: 'latest', target: 'g_1', category: 'bad' })).toMatch(/category must be one of isolation_leak/);
    expect(problem('addRule', { category: 'external_blocker', field: 'message', pattern: 'staging\\.example' })).toBeNull();
    expect(problem('addRule', { category: 'external_blocker', field: 'body', pattern: 'x' })).toMatch(/field must be one of/);
    expect(problem('removeRule', { id: 'u_1' })).toBeNull();
    expect(problem('listRules', {})).toBeNull();
  });

  it('the desktop screens\' methods check their arguments', () => {
    expect(problem('getRunTests', { run: 'latest' })).toBeNull();
    expect(problem('getRunTests', { run: 'latest', limit: 5 })).toMatch(/unknown field "limit"/);
    expect(problem('getFailureTrend', { project: 'shop' })).toBeNull();
    expect(problem('getFailureTrend', {})).toMatch(/project is required/);
    expect(problem('getGroupHistory', { run: 'latest', project: 'shop' })).toBeNull();
    expect(problem('deleteRunsOlderThan', { project: 'shop', days: 30 })).toBeNull();
    expect(problem('deleteRunsOlderThan', { project: 'shop', days: 0 })).toMatch(/days must be a whole number from 1/);
    expect(problem('deleteRunsOlderThan', { project: 'shop', days: 1.5 })).toMatch(/whole number/);
    expect(problem('loadDemo', undefined)).toBeNull();
    expect(problem('loadDemo', { path: '/etc' })).toMatch(/takes no arguments/);
  });

  it('every contract has a check that refuses a non-object', () => {
    for (const name of ENGINE_METHOD_NAMES) {
      if (name === 'listProjects' || name === 'listWatchFolders' || name === 'loadDemo') continue;
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
    addWatchFolder: vi.fn(async () => {
      throw new Error('not called');
    }),
    removeWatchFolder: vi.fn(async () => ({ removed: false })),
    listWatchFolders: vi.fn(async () => []),
    importExisting: vi.fn(async () => ({ runs: [], duplicates: [], errors: [], warnings: [] })),
    compareRuns: vi.fn(async () => {
      throw new Error('not called');
    }),
    getReport: vi.fn(async () => {
      throw new Error('not called');
    }),
    checkGoals: vi.fn(async () => {
      throw new Error('not called');
    }),
    getFailures: vi.fn(async () => ({ groups: [] })),
    classifyFailures: vi.fn(async () => []),
    setCategory: vi.fn(async () => {
      throw new Error('not called');
    }),
    listRules: vi.fn(async () => []),
    addRule: vi.fn(async () => {
      throw new Error('not called');
    }),
    removeRule: vi.fn(async () => ({ removed: false })),
    getRunTests: vi.fn(async () => {
      throw new Error('not called');
    }),
    getFailureTrend: vi.fn(async () => []),
    getGroupHistory: vi.fn(async () => []),
    deleteRunsOlderThan: vi.fn(async () => {
      throw new Error('not called');
    }),
    loadDemo: vi.fn(async () => ({ runs: [], duplicates: [], errors: [], warnings: [] })),
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
