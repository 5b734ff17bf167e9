// The allow-list of what may be called across the IPC and HTTP boundaries: every EngineApi
// method, the check of its one argument, and how to call it once checked. The mapped type is
// exhaustive, so adding a method to EngineApi fails the typecheck until it is listed here.
import { arrayOf, noArgs, objectWith, optional, string, type Check } from './arg-checks.js';
import type { EngineApi, EngineMethod } from './types.js';

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
