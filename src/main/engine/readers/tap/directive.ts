// Test point directives (# SKIP, # TODO, node-tap's # time=) and TAP's backslash escaping.

export type Directive = ['todo', string | true] | ['skip', string | true] | ['time', number];

export const OPEN_BRACE_EOL = /\{\s*$/;

/**
 * Reads the text after a test point's unescaped "#". SKIP and TODO are case-insensitive and may
 * be followed by more letters ("# Skipped: reason", "# TODOORNOTTODO"), as tap-parser accepts.
 */
export function parseDirective(text: string): Directive | null {
  if (!text.trim()) return null;
  const line = text.replace(OPEN_BRACE_EOL, '').trim();
  const time = /^time=((?:[1-9][0-9]*|0)(?:\.[0-9]+)?)(ms|s)$/i.exec(line);
  if (time?.[1] !== undefined) {
    let ms = Number(time[1]);
    if (time[2] === 's') ms = Math.round(ms * 1_000_000) / 1000;
    return ['time', ms];
  }
  const directive = /^(todo|skip)(?:\S*)\b(.*)$/i.exec(line);
  const kind = directive?.[1]?.toLowerCase();
  if (kind !== 'todo' && kind !== 'skip') return null;
  const reason = directive?.[2]?.trim() || true;
  return kind === 'todo' ? ['todo', reason] : ['skip', reason];
}

/** "\\#" → "#", "\\\\" → "\\". */
export function unescapeTap(text: string): string {
  return text.replace(/\\\\/g, '\u0000').replace(/\\#/g, '#').replace(/\u0000/g, '\\').trim();
}
