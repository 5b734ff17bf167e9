// Small structural checks for the arguments that cross the IPC/HTTP boundary. Each returns
// null when the value is acceptable, else one line saying what is wrong, so that the caller
// can answer with a precise 400 instead of letting a malformed value reach the engine.

export type Check = (value: unknown, where: string) => string | null;

/** Longest string accepted in an argument: far above any real run id, project or path. */
export const MAX_ARG_STRING = 4096;
/** Most paths accepted by one ingest call. */
export const MAX_ARG_ARRAY = 10_000;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export const string: Check = (value, where) => {
  if (typeof value !== 'string') return `${where} must be a string`;
  if (value.length === 0) return `${where} must not be empty`;
  if (value.length > MAX_ARG_STRING) return `${where} is longer than ${MAX_ARG_STRING} characters`;
  if (value.includes('\0')) return `${where} must not contain NUL`;
  return null;
};

export const boolean: Check = (value, where) => (typeof value === 'boolean' ? null : `${where} must be true or false`);

/** A whole number within bounds (sizes and counts; never NaN or Infinity). */
export function integer({ min, max }: { min: number; max: number }): Check {
  return (value, where) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : `${where} must be a whole number from ${min} to ${max}`;
}

export function optional(check: Check): Check & { optional: true } {
  const wrapped: Check = (value, where) => (value === undefined ? null : check(value, where));
  return Object.assign(wrapped, { optional: true as const });
}

export function arrayOf(check: Check, { min = 0 } = {}): Check {
  return (value, where) => {
    if (!Array.isArray(value)) return `${where} must be an array`;
    if (value.length < min) return `${where} must have at least ${min} item${min === 1 ? '' : 's'}`;
    if (value.length > MAX_ARG_ARRAY) return `${where} has more than ${MAX_ARG_ARRAY} items`;
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i], `${where}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

/** An object with exactly these keys (unknown keys are refused, not ignored). */
export function objectWith(shape: Record<string, Check & { optional?: true }>): Check {
  return (value, where) => {
    if (!isPlainObject(value)) return `${where} must be an object`;
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) return `${where} has an unknown field "${key.slice(0, 40)}"`;
    }
    for (const [key, check] of Object.entries(shape)) {
      const field = value[key];
      if (field === undefined && !check.optional) return `${where}.${key} is required`;
      const problem = check(field, `${where}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
}

/** A method without parameters: nothing, or an empty object (what an empty HTTP body means). */
export const noArgs: Check = (value, where) => {
  if (value === undefined || value === null) return null;
  if (isPlainObject(value) && Object.keys(value).length === 0) return null;
  return `${where} must be empty: this method takes no arguments`;
};

/** One of a fixed set of strings (a category, a field name). */
export function oneOf(values: readonly string[]): Check {
  return (value, where) => (typeof value === 'string' && values.includes(value) ? null : `${where} must be one of ${values.join(', ')}`);
}

/** Free text that may be empty and long (a failure message or trace), up to `max` characters. */
export function text(max: number): Check {
  return (value, where) => {
    if (typeof value !== 'string') return `${where} must be a string`;
    if (value.length > max) return `${where} is longer than ${max} characters`;
    return null;
  };
}
