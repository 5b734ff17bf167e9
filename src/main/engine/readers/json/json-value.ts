// Typed access to parsed JSON (unknown) without casts: each reader checks the shape it relies
// on and names the problem, and reads optional fields leniently.
import { ReportError } from '../report-error.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value must be an object, else a ReportError "<format>: <what> is not an object". */
export function requireObject(value: unknown, what: string, format: string): JsonObject {
  if (!isObject(value)) throw new ReportError(`not ${article(format)} ${format} report: ${what} is not an object`);
  return value;
}

/** The value must be an array, else a ReportError "<format>: <what> is not an array". */
export function requireArray(value: unknown, what: string, format: string): unknown[] {
  if (!Array.isArray(value)) throw new ReportError(`not ${article(format)} ${format} report: ${what} is ${value === undefined ? 'missing' : 'not an array'}`);
  return value;
}

/** "an RSpec JSON report", "a Jest/Vitest JSON report". */
export function article(format: string): string {
  return /^(RSpec|[aeiou])/i.test(format) ? 'an' : 'a';
}

/** An optional array: absent or null gives [], anything else but an array is a ReportError. */
export function optionalArray(value: unknown, what: string, format: string): unknown[] {
  return value === undefined || value === null ? [] : requireArray(value, what, format);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A scalar as text (strings, numbers, booleans); undefined for anything else. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Flattens an object of scalars and nested objects into "a.b" → text properties (pytest's
 * environment {"Packages": {"pytest": "4.1.1"}}, CTRF's environment). Depth-limited.
 */
export function flattenProperties(value: unknown, into: Record<string, string> = {}, prefix = '', depth = 0): Record<string, string> {
  if (!isObject(value) || depth > 4) return into;
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const text = scalarText(item);
    if (text !== undefined) into[name] = text;
    else if (isObject(item)) flattenProperties(item, into, name, depth + 1);
    else if (Array.isArray(item)) {
      const parts = item.map(scalarText).filter((part): part is string => part !== undefined);
      if (parts.length > 0) into[name] = parts.join(', ');
    }
  }
  return into;
}

/** ms since the epoch (or seconds when `seconds`) → ISO string; undefined when unusable. */
export function isoFromEpoch(value: number | undefined, seconds = false): string | undefined {
  if (value === undefined || value <= 0) return undefined;
  const date = new Date(seconds ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An ISO-ish date string normalised to ISO; undefined when it does not parse. */
export function isoFromText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
