// TAP 13 diagnostics: the YAML block between "  ---" and "  ...". Vigil only needs a few
// top-level fields from it (message, stack, duration_ms, at...), so this reads the common YAML
// shapes producers write (key: scalar, quoted scalars, | and > block scalars, nested blocks kept
// as text) and never fails: text it cannot read stays available as the raw block.

export interface Yamlish {
  /** The block's text, de-indented. */
  readonly raw: string;
  /** Top-level keys and their values as text (nested mappings/sequences as their YAML text). */
  readonly fields: ReadonlyMap<string, string>;
}

const KEY_LINE = /^([^\s:#'"\-?][^:]*?|"[^"]*"|'[^']*'):(?:[ \t]+(.*))?$/;
const BLOCK_SCALAR = /^([|>])[-+0-9]*\s*(?:#.*)?$/;

/** Null for an empty block (tap-parser's YAML parser yields null for it too). */
export function readYamlish(block: string): Yamlish | null {
  const lines = block.split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const base = smallestIndent(lines);
  if (base === null) return null;
  const dedented = lines.map((line) => line.slice(Math.min(base, indentOf(line))));
  const fields = new Map<string, string>();
  let i = 0;
  while (i < dedented.length) {
    const line = dedented[i]!;
    const key = indentOf(line) === 0 ? KEY_LINE.exec(line.trimEnd()) : null;
    i += 1;
    if (!key?.[1]) continue;
    const name = unquote(key[1]);
    const value = (key[2] ?? '').trim();
    // The lines that belong to this key: deeper indented ones (and blank ones between them).
    const start = i;
    while (i < dedented.length && (dedented[i]!.trim() === '' || indentOf(dedented[i]!) > 0)) i += 1;
    const body = dedent(dedented.slice(start, i));
    fields.set(name, scalarValue(value, body));
  }
  return { raw: dedented.join('\n'), fields };
}

function scalarValue(value: string, body: string[]): string {
  const block = BLOCK_SCALAR.exec(value);
  if (block) {
    if (block[1] === '|') return body.join('\n').trimEnd();
    return foldLines(body);
  }
  if (value === '' || value.startsWith('#')) return body.join('\n').trimEnd();
  if (value.startsWith('"')) {
    const text = [value, ...body.map((line) => line.trim())].join(' ');
    const end = closingDoubleQuote(text);
    if (end > 0) {
      const literal = text.slice(0, end + 1);
      const parsed = parseDoubleQuoted(literal);
      if (parsed !== null) return parsed;
    }
    return text;
  }
  if (value.startsWith("'") && value.length > 1 && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  // A plain scalar may continue on deeper-indented lines; YAML folds those with spaces.
  return [value, ...body.map((line) => line.trim()).filter((line) => line !== '')].join(' ');
}

function foldLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (line.trim() === '') out += '\n';
    else out += (out === '' || out.endsWith('\n') ? '' : ' ') + line.trim();
  }
  return out.trimEnd();
}

function closingDoubleQuote(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** YAML double-quoted scalars escape like JSON, plus a few extra escapes rarely used here. */
function parseDoubleQuoted(literal: string): string | null {
  try {
    const value: unknown = JSON.parse(literal.replace(/\\([0abtnvfre /\\"N_LP]|x[0-9a-fA-F]{2})/g, (_all, esc: string) => {
      if (esc.startsWith('x')) return `\\u00${esc.slice(1)}`;
      const simple: Record<string, string> = { '0': '\\u0000', a: '\\u0007', v: '\\u000b', e: '\\u001b', ' ': ' ', '/': '/', N: '\\u0085', _: '\\u00a0', L: '\\u2028', P: '\\u2029' };
      return simple[esc] ?? `\\${esc}`;
    }));
    return typeof value === 'string' ? value : null;
  } catch (error) {
    // Not valid as a quoted scalar: the caller keeps the text as written.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key.trim();
}

function dedent(lines: string[]): string[] {
  const cut = smallestIndent(lines) ?? 0;
  return lines.map((line) => line.slice(Math.min(cut, indentOf(line))));
}

/** Indent of the least indented non-blank line; null when all are blank. (A loop: blocks can be long.) */
function smallestIndent(lines: readonly string[]): number | null {
  let smallest: number | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = indentOf(line);
    if (smallest === null || indent < smallest) smallest = indent;
  }
  return smallest;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
