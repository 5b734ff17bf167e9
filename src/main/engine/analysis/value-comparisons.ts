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
