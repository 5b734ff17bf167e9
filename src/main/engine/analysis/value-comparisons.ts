// What the expected and actual values of a failed comparison have in common, read from the
// first lines of the failure: the same number written with another decimal separator (the
// machine's locale), the same strings in another order (an unordered collection), the same
// version with another patch number (a version the test pins). Each says more about where the
// difference comes from than "they differ" does. Only the first MAX_CHARS are read.

const MAX_CHARS = 1000;

const DECIMAL = /(?<![\d.,])\d+[.,]\d+(?![\d.,])/g;

/** "0.530135" against "0,530135": one number, two locales. */
export function decimalSeparatorOnly(head: string): boolean {
  const numbers = new Set(head.slice(0, MAX_CHARS).match(DECIMAL) ?? []);
  if (numbers.size < 2) return false;
  const withPoint = new Set([...numbers].filter((n) => n.includes('.')));
  return [...numbers].some((n) => n.includes(',') && withPoint.has(n.replace(',', '.')));
}

/** A bracketed list of quoted strings or bare words: no nested lists, at most a few hundred characters. */
const LIST = /\[([^[\]\n]{1,300})\]/g;
const ITEM = /^(?:'[^'\n]*'|"[^"\n]*"|[A-Za-z_][\w.-]*)$/;
/**
 * A printed map or object: {a=1, b=x} (Java's toString), {'a': 1, "b": 'x'} (Python, JSON) or
 * {a: 1} (JavaScript). Entries are key/value pairs of plain values, no nesting. A map printed
 * across a line break is read as one line: a message wraps wherever the runner does.
 */
const MAP = /\{([^{}]{1,300})\}/g;
const ENTRY = /^(?:'[^'\n]*'|"[^"\n]*"|[A-Za-z_][\w.-]*)\s*[=:]\s*(?:'[^'\n]*'|"[^"\n]*"|[\w.+-]*)$/;

function stringItems(list: string): string[] | null {
  const items = list.split(',').map((item) => item.trim());
  return items.length >= 2 && items.every((item) => ITEM.test(item)) ? items : null;
}

function mapEntries(map: string): string[] | null {
  const entries = map.split(',').map((entry) => entry.trim());
  return entries.length >= 2 && entries.every((entry) => ENTRY.test(entry)) ? entries : null;
}

/**
 * Two lists of the same strings in different orders (['b', 'a'] against ['a', 'b']): the order
 * came from a set, a dict or a directory listing and is not fixed. Lists of numbers are left
 * out: numbers in another order are usually a computation (bytes swapped, a sort) gone wrong.
 */
export function reorderedItems(head: string): boolean {
  const text = head.slice(0, MAX_CHARS);
  const lists = [...text.matchAll(LIST)].map((match) => stringItems(match[1] ?? '')).filter((items) => items !== null);
  // The entries of a hash map print in the order of its buckets, which is not fixed either.
  if (text.includes('{')) for (const match of text.matchAll(MAP)) {
    const entries = mapEntries((match[1] ?? '').replace(/\s*\n\s*/g, ' '));
    if (entries) lists.push(entries);
  }
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      const a = lists[i] as string[];
      const b = lists[j] as string[];
      if (a.length !== b.length || a.join(',') === b.join(',')) continue;
      if ([...a].sort().join(',') === [...b].sort().join(',')) return true;
    }
  }
  return false;
}

const VERSION = /(?<![\d.])(\d+)\.(\d+)\.(\d+)(?![\d.])/g;

/** Two versions of one line ("1.0.0" against "1.0.1"): the same major and minor, another patch. */
export function versionOnlyDiff(head: string): boolean {
  const versions = [...new Set([...head.slice(0, MAX_CHARS).matchAll(VERSION)].map((match) => `${match[1]}.${match[2]}|${match[3]}`))];
  const lines = new Map<string, number>();
  for (const version of versions) {
    const line = version.slice(0, version.indexOf('|'));
    lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  return [...lines.values()].some((count) => count >= 2);
}

/** A path with at least two backslash separators (one or two backslashes each: a repr doubles them). */
const BACKSLASH_PATH = /(?:[A-Za-z]:)?[\w.-]+(?:\\{1,2}[\w.-]+){2,}/g;

/**
 * One path written with Windows separators and with "/" ('lib\\a\\b.dart' against 'lib/a/b.dart'):
 * the test compares paths as strings, and on Windows the two sides are built differently.
 */
export function pathSeparatorOnly(head: string): boolean {
  const text = head.slice(0, 2 * MAX_CHARS);
  if (!text.includes('\\') || !text.includes('/')) return false;
  for (const match of text.matchAll(BACKSLASH_PATH)) {
    const posix = match[0].replace(/\\{1,2}/g, '/');
    if (posix.length >= 8 && text.includes(posix)) return true;
  }
  return false;
}

/** A month or weekday name, long or short (English: what Intl, ICU and the JDK print by default). */
const DATE_WORD = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b/i;
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Words a locale puts between the parts of a date ("October 29 at 10 AM", "24. Februar um 10 Uhr"). */
const DATE_FILLERS = new Set(['at', 'um', 'de', 'del', 'of', 'the', 'on', 'le', 'à', 'a', 'o', 'alle', 'kl']);
/** A zone's abbreviation as a locale names it (CEST, MESZ, EDT, GMT, UTC): which name is printed is the locale's choice. */
const ZONE_NAME = /^(?:[A-Z]{2,4}[TZ]|UTC|GMT)$/;
/** JUnit's compact form "expected:<...[a]...> but was:<...[b]...>", or two quoted strings. */
const JUNIT_PAIR = /expected:\s*<([^\n]{1,300}?)> but was:\s*<([^\n]{1,300}?)>/;
const QUOTED = /"([^"\n]{4,200})"|'([^'\n]{4,200})'/g;

/** The parts of a written date that carry its value, sorted: month and weekday names by index, numbers without leading zeros. */
function dateParts(text: string): string | null {
  if (!DATE_WORD.test(text)) return null;
  const parts: string[] = [];
  for (const token of text.split(/[^\p{L}\p{N}]+/u)) {
    if (token === '' || ZONE_NAME.test(token)) continue;
    const lower = token.toLowerCase();
    if (DATE_FILLERS.has(lower)) continue;
    if (/^\d+$/.test(token)) {
      parts.push(String(Number(token)));
      continue;
    }
    const prefix = lower.slice(0, 3);
    const month = MONTH_NAMES.indexOf(prefix);
    const weekday = WEEKDAY_NAMES.indexOf(prefix);
    const named = DATE_WORD.test(token);
    if (named && month >= 0) parts.push(`M${month}`);
    else if (named && weekday >= 0) parts.push(`W${weekday}`);
    else parts.push(token);
  }
  // A date has a number (a day, a year, an hour): two orders of words alone are not two formats.
  return parts.length >= 2 && /\d/.test(text) ? parts.sort().join(' ') : null;
}

/**
 * One date written two ways ("Monday, February 24, 2020" against "Monday, 24 February 2020",
 * "October 29, 10 AM" against "October 29 at 10 AM", "00:00:00 MESZ 2011" against "00:00:00 CEST
 * 2011"): the same parts in another order, with other fillers or another name for the zone. Which
 * way a date is written is the locale's (and the ICU or JDK version's) choice, not the code's.
 */
export function dateFormatOnly(head: string): boolean {
  const text = head.slice(0, MAX_CHARS);
  if (!DATE_WORD.test(text)) return false;
  const pairs: [string, string][] = [];
  const junit = JUNIT_PAIR.exec(text);
  if (junit) pairs.push([junit[1] ?? '', junit[2] ?? '']);
  const quoted = [...text.matchAll(QUOTED)].map((match) => match[1] ?? match[2] ?? '');
  for (let index = 0; index + 1 < quoted.length; index++) pairs.push([quoted[index] as string, quoted[index + 1] as string]);
  return pairs.some(([a, b]) => {
    if (a === b) return false;
    const left = dateParts(a);
    return left !== null && left === dateParts(b);
  });
}

const TIME_UNIT = '(ns|nanosec(?:ond)?s?|us|µs|microsecs?|microseconds?|ms|millisecs?|milliseconds?|s|secs?|seconds?)';
const DURATION_PAIR = new RegExp(`expected:?\\s*<?(\\d+(?:\\.\\d+)?)\\s?${TIME_UNIT}\\b[^\\n]{0,60}?\\b(?:actual|got|but was|received|was):?\\s*<?(\\d+(?:\\.\\d+)?)\\s?${TIME_UNIT}\\b`, 'i');
const UNIT_KEY: Record<string, string> = { ns: 'ns', us: 'us', 'µs': 'us', ms: 'ms', s: 's' };

function unitKey(unit: string): string {
  const lower = unit.toLowerCase();
  if (UNIT_KEY[lower]) return UNIT_KEY[lower] as string;
  if (lower.startsWith('nano')) return 'ns';
  if (lower.startsWith('micro')) return 'us';
  if (lower.startsWith('milli')) return 'ms';
  return 's';
}

/**
 * A measured duration somewhat longer than the one asked for ("Expected: 10000 microsecs.
 * Actual: 13932 microsecs."): a sleep or timer overshoots by however long the scheduler took to
 * wake the process, which varies with the machine's load. More than three times over is not
 * overshoot.
 */
export function durationOvershoot(head: string): boolean {
  const match = DURATION_PAIR.exec(head.slice(0, MAX_CHARS));
  if (!match) return false;
  const expected = Number(match[1]);
  const actual = Number(match[3]);
  return unitKey(match[2] ?? '') === unitKey(match[4] ?? '') && expected > 0 && actual > expected && actual <= 3 * expected;
}
