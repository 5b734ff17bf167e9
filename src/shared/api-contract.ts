// The allow-list of what may be called across the IPC and HTTP boundaries: every EngineApi
// method, the check of its one argument, and how to call it once checked. The mapped type is
// exhaustive, so adding a method to EngineApi fails the typecheck until it is listed here.
import { arrayOf, boolean, integer, noArgs, objectWith, oneOf, optional, string, text, type Check } from './arg-checks.js';
import type { EngineApi, EngineMethod } from './types.js';
import { ROOT_CAUSE_CATEGORIES, USER_RULE_FIELDS } from './root-cause-types.js';

/** Longest message, trace or output accepted per failure by classifyFailures (the store keeps 256 KiB). */
export const MAX_CLASSIFY_TEXT = 256 * 1024;

const classifyRequest = objectWith({
  id: string,
  message: text(MAX_CLASSIFY_TEXT),
  trace: optional(text(MAX_CLASSIFY_TEXT)),
  output: optional(text(MAX_CLASSIFY_TEXT)),
  name: optional(text(MAX_CLASSIFY_TEXT)),
  framework: optional(string),
});

/** Largest report size a caller may ask to fit (far above any comment or page limit). */
export const MAX_REPORT_BYTES = 100 * 1024 * 1024;

/** Longest retention a caller may set: a hundred years, i.e. "keep everything". */
export const MAX_RETENTION_DAYS = 36_500;

/** The single argument of an EngineApi method (undefined for methods without one). */
export type EngineArgs<M extends EngineMethod> = Parameters<EngineApi[M]> extends [infer A] ? A : undefined;

export type EngineResult<M extends EngineMethod> = Awaited<ReturnType<EngineApi[M]>>;

export interface MethodContract<M extends EngineMethod> {
  /** null when `args` is acceptable, else one line naming the problem. */
  check: Check;
  /** Called only with arguments that passed `check`. */
  call(api: EngineApi, args: EngineArgs<M>): Promise<EngineResult<M>>;
}

export const ENGINE_METHODS: { readonly [M in EngineMethod]: MethodContract<M> } = {
  listProjects: {
    check: noArgs,
    call: (api) => api.listProjects(),
  },
  listRuns: {
    check: objectWith({ project: optional(string) }),
    call: (api, args) => api.listRuns(args),
  },
  getRun: {
    check: objectWith({ run: string, project: optional(string) }),
    call: (api, args) => api.getRun(args),
  },
  getTest: {
    check: objectWith({ run: string, testId: string }),
    call: (api, args) => api.getTest(args),
  },
  ingestPaths: {
    check: objectWith({ paths: arrayOf(string, { min: 1 }), project: optional(string) }),
    call: (api, args) => api.ingestPaths(args),
  },
  addWatchFolder: {
    check: objectWith({ path: string, project: optional(string), polling: optional(boolean) }),
    call: (api, args) => api.addWatchFolder(args),
  },
  removeWatchFolder: {
    check: objectWith({ path: string }),
    call: (api, args) => api.removeWatchFolder(args),
  },
  listWatchFolders: {
    check: noArgs,
    call: (api) => api.listWatchFolders(),
  },
  importExisting: {
    check: objectWith({ path: string }),
    call: (api, args) => api.importExisting(args),
  },
  compareRuns: {
    check: objectWith({ before: string, after: string, project: optional(string) }),
    call: (api, args) => api.compareRuns(args),
  },
  getReport: {
    check: objectWith({ project: optional(string), before: optional(string), after: optional(string), maxBytes: optional(integer({ min: 1, max: MAX_REPORT_BYTES })) }),
    call: (api, args) => api.getReport(args),
  },
  checkGoals: {
    check: objectWith({ project: optional(string), run: optional(string) }),
    call: (api, args) => api.checkGoals(args),
  },
  getFailures: {
    check: objectWith({ run: string, project: optional(string) }),
    call: (api, args) => api.getFailures(args),
  },
  classifyFailures: {
    check: objectWith({ failures: arrayOf(classifyRequest) }),
    call: (api, args) => api.classifyFailures(args),
  },
  setCategory: {
    check: objectWith({ run: string, target: string, category: oneOf(ROOT_CAUSE_CATEGORIES), project: optional(string) }),
    call: (api, args) => api.setCategory(args),
  },
  listRules: {
    check: objectWith({ project: optional(string) }),
    call: (api, args) => api.listRules(args),
  },
  addRule: {
    check: objectWith({ project: optional(string), category: oneOf(ROOT_CAUSE_CATEGORIES), field: oneOf(USER_RULE_FIELDS), pattern: string, description: optional(string) }),
    call: (api, args) => api.addRule(args),
  },
  removeRule: {
    check: objectWith({ id: string }),
    call: (api, args) => api.removeRule(args),
  },
  getRunTests: {
    check: objectWith({ run: string, project: optional(string) }),
    call: (api, args) => api.getRunTests(args),
  },
  getFailureTrend: {
    check: objectWith({ project: string }),
    call: (api, args) => api.getFailureTrend(args),
  },
  getGroupHistory: {
    check: objectWith({ run: string, project: optional(string) }),
    call: (api, args) => api.getGroupHistory(args),
  },
  deleteRunsOlderThan: {
    check: objectWith({ project: string, days: integer({ min: 1, max: MAX_RETENTION_DAYS }) }),
    call: (api, args) => api.deleteRunsOlderThan(args),
  },
  loadDemo: {
    check: noArgs,
    call: (api) => api.loadDemo(),
  },
};

export const ENGINE_METHOD_NAMES = Object.keys(ENGINE_METHODS) as readonly EngineMethod[];

export function isEngineMethod(name: unknown): name is EngineMethod {
  return typeof name === 'string' && Object.hasOwn(ENGINE_METHODS, name);
}

/** Thrown for a call refused by the contract: the caller's fault (HTTP 400/404), not the engine's. */
export class ContractError extends Error {
  override name = 'ContractError';
  constructor(
    message: string,
    readonly kind: 'unknown-method' | 'bad-arguments',
  ) {
    super(message);
  }
}

/** Null when `method(args)` may be called, else one line saying why not. */
export function checkCall(method: unknown, args: unknown): ContractError | null {
  if (!isEngineMethod(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 60)}"` : typeof method;
    return new ContractError(`unknown method ${shown}`, 'unknown-method');
  }
  const problem = ENGINE_METHODS[method].check(args, 'argument');
  return problem ? new ContractError(`${method}: ${problem}`, 'bad-arguments') : null;
}

/**
 * Checks a call that came from outside and, when allowed, runs it on `api`. This is the one
 * door from IPC and HTTP into the engine.
 */
export async function dispatchCall(api: EngineApi, method: unknown, args: unknown): Promise<unknown> {
  const refused = checkCall(method, args);
  if (refused) throw refused;
  return invoke(api, method as EngineMethod, args);
}

function invoke<M extends EngineMethod>(api: EngineApi, method: M, args: unknown): Promise<EngineResult<M>> {
  const contract: MethodContract<M> = ENGINE_METHODS[method];
  // Only reached after checkCall accepted `args` for this very method.
  return contract.call(api, args as EngineArgs<M>);
}
