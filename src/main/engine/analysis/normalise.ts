// Normalises the volatile parts of a failure message so that the same failure reads the same
// in every run: ids, addresses, temp paths, times, ports and data values change from run to
// run; the words, identifiers and structure that say what went wrong do not.
// Order matters: wider shapes (UUIDs, timestamps, paths) go before the numbers inside them.

interface Replacement {
  pattern: RegExp;
  with: string;
  /** The pattern cannot match a text without this: a cheap test that skips it. */
  needs?: string | RegExp;
}

const REPLACEMENTS: readonly Replacement[] = [
  { pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, with: '<uuid>', needs: '-' },
  // ISO and log timestamps, dates and clock times.
  { pattern: /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|[+-]\d{2}:?\d{2})?/g, with: '<time>', needs: '-' },
  { pattern: /\b\d{4}-\d{2}-\d{2}\b/g, with: '<time>', needs: '-' },
  { pattern: /\b\d{1,2}:\d{2}:\d{2}([.,]\d+)?\b/g, with: '<time>', needs: ':' },
  // Temp folders of every OS and pytest's tmp_path (pytest-of-USER/pytest-N/test_x0).
  { pattern: /(?:\/private)?\/(?:tmp|var\/folders|var\/tmp)\/[^\s'"`),\]]*/g, with: '<tmp>', needs: 'tmp/' },
  { pattern: /[A-Za-z]:\\(?:Users\\[^\\\s]+\\AppData\\Local\\)?Te?mp\\[^\s'"`),\]]*/gi, with: '<tmp>', needs: /te?mp\\/i },
  { pattern: /\bpytest-of-[^\s/\\]+[/\\]pytest-\d+[^\s'"`),\]]*/g, with: '<tmp>', needs: 'pytest-of-' },
  { pattern: /\b0x[0-9a-f]+\b/gi, with: '<addr>', needs: /0x/i },
  { pattern: /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, with: '<email>', needs: '@' },
  // host:port and "port N": ports move between runs (random free ports, parallel workers).
  { pattern: /\b(localhost|127\.0\.0\.1|\[::1\]|::1|0\.0\.0\.0|[a-z][\w.-]*\.[a-z]{2,}|\d{1,3}(\.\d{1,3}){3}):\d{2,5}\b/gi, with: '$1:<port>', needs: ':' },
  { pattern: /\bport[ =:]+\d{2,5}\b/gi, with: 'port <port>', needs: /port/i },
  // Long hex runs: git shas, object ids, hashes.
  { pattern: /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, with: '<hex>' },
  // Data values inside quotes or SQL key details; identifiers in quotes are kept (see below).
  { pattern: /=\(([^()]*)\)/g, with: '=(<v>)', needs: '=(' },
  { pattern: /'([^'\n]{0,200})'|"([^"\n]{0,200})"|`([^`\n]{0,200})`/g, with: '\u0000' },
  // Numbers, but not the parts of dotted addresses and versions (127.0.0.1, 3.12.4): they name things.
  { pattern: /(?<![\d.])\b\d+(?:\.\d+)?\b(?![\d.])/g, with: '<n>' },
  { pattern: /\s+/g, with: ' ' },
];

/** A quoted identifier (env var, table, constraint, module) names the problem; data does not. */
const IDENTIFIER = /^[A-Za-z_][\w.:/-]{0,79}$/;

function replaceQuoted(text: string): string {
  return text.replace(/'([^'\n]{0,200})'|"([^"\n]{0,200})"|`([^`\n]{0,200})`/g, (whole, a?: string, b?: string, c?: string) => {
    const inner = a ?? b ?? c ?? '';
    if (IDENTIFIER.test(inner) && !/\d{3,}/.test(inner)) return whole;
    const quote = whole[0] ?? "'";
    return `${quote}<v>${quote}`;
  });
}

export const MAX_NORMALISED_CHARS = 300;

/** Failures repeat their messages; a normalised message is remembered (bounded). */
const NORMALISED = new Map<string, string>();
const NORMALISED_LIMIT = 4096;

/** The message with every volatile part replaced by a placeholder (<n>, <uuid>, <tmp>...). */
export function normaliseVolatile(text: string): string {
  let normalised = NORMALISED.get(text);
  if (normalised === undefined) {
    normalised = normaliseUncached(text);
    if (NORMALISED.size >= NORMALISED_LIMIT) NORMALISED.clear();
    NORMALISED.set(text, normalised);
  }
  return normalised;
}

function normaliseUncached(text: string): string {
  let out = text;
  for (const { pattern, with: replacement, needs } of REPLACEMENTS) {
    if (needs !== undefined && !(typeof needs === 'string' ? out.includes(needs) : needs.test(out))) continue;
    out = replacement === '\u0000' ? replaceQuoted(out) : out.replace(pattern, replacement);
  }
  out = out.trim();
  return out.length > MAX_NORMALISED_CHARS ? out.slice(0, MAX_NORMALISED_CHARS) : out;
}
