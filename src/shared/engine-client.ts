// Builds an EngineApi out of one generic "call this method with this argument" transport, so
// the preload (IPC) and the browser (HTTP) expose exactly the same typed surface.
import type { EngineArgs, EngineResult } from './api-contract.js';
import type { EngineApi, EngineMethod } from './types.js';

export type EngineTransport = (method: EngineMethod, args: unknown) => Promise<unknown>;

export function createEngineClient(transport: EngineTransport): EngineApi {
  // The transport returns what the engine returned for this method, serialised and restored;
  // the narrowing to the method's result type happens here, in one place.
  const call = <M extends EngineMethod>(method: M, args: EngineArgs<M>) =>
    transport(method, args) as Promise<EngineResult<M>>;
  const api: EngineApi = {
    listProjects: () => call('listProjects', undefined),
    listRuns: (query) => call('listRuns', query),
    getRun: (query) => call('getRun', query),
    getTest: (query) => call('getTest', query),
    ingestPaths: (query) => call('ingestPaths', query),
    addWatchFolder: (query) => call('addWatchFolder', query),
    removeWatchFolder: (query) => call('removeWatchFolder', query),
    listWatchFolders: () => call('listWatchFolders', undefined),
    importExisting: (query) => call('importExisting', query),
    compareRuns: (query) => call('compareRuns', query),
    getReport: (query) => call('getReport', query),
    checkGoals: (query) => call('checkGoals', query),
    getFailures: (query) => call('getFailures', query),
    classifyFailures: (query) => call('classifyFailures', query),
    setCategory: (query) => call('setCategory', query),
    listRules: (query) => call('listRules', query),
    addRule: (query) => call('addRule', query),
    removeRule: (query) => call('removeRule', query),
    getRunTests: (query) => call('getRunTests', query),
    getFailureTrend: (query) => call('getFailureTrend', query),
    getGroupHistory: (query) => call('getGroupHistory', query),
    deleteRunsOlderThan: (query) => call('deleteRunsOlderThan', query),
    loadDemo: () => call('loadDemo', undefined),
  };
  return Object.freeze(api);
}

/** What crosses IPC for one call: a value, or the one-line error the engine raised. */
export type CallEnvelope = { ok: true; value: unknown } | { ok: false; error: string };
