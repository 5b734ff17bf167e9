// Finds where a JSON text first goes wrong, for error messages only (run after JSON.parse has
// refused the text). V8's own messages give no position for many errors ("Unexpected token
// 'o', ... is not valid JSON"); users need a line and column. Iterative, so any depth is safe.

export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) of the first bad character, or text.length at an early end. */
  offset: number;
  problem: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value';

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const describe = (at: number): string => (at >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text.charAt(at))}`);
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
    const ch = text.charAt(i);
    const top = stack[stack.length - 1];
    if (expect === 'after-value') {
      if (top === undefined) return i >= text.length ? null : { offset: i, problem: 'unexpected data after the JSON document' };
      if (ch === ',') {
        expect = top === '{' ? 'key' : 'value';
        i += 1;
      } else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
        stack.pop();
        i += 1;
      } else {
        return { offset: i, problem: `${describe(i)}, expected ',' or '${top === '{' ? '}' : ']'}'` };
      }
      continue;
    }
    if (expect === 'colon') {
      if (ch !== ':') return { offset: i, problem: `${describe(i)}, expected ':'` };
      expect = 'value';
      i += 1;
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (ch === '}' && expect === 'key-or-close') {
        stack.pop();
        expect = 'after-value';
        i += 1;
        continue;
      }
      if (ch !== '"') return { offset: i, problem: `${describe(i)}, expected a property name in double quotes` };
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = 'colon';
      continue;
    }
    // A value is expected.
    if (ch === ']' && expect === 'value-or-close') {
      stack.pop();
      expect = 'after-value';
      i += 1;
      continue;
    }
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      expect = ch === '{' ? 'key-or-close' : 'value-or-close';
      i += 1;
      continue;
    }
    if (ch === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = 'after-value';
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && number[0] !== '' && number[0] !== '-') {
      i += number[0].length;
      expect = 'after-value';
      continue;
    }
    const rest = text.slice(i, i + 5);
    if (rest !== '' && i + rest.length === text.length && LITERALS.some((word) => word.length > rest.length && word.startsWith(rest))) {
      return { offset: text.length, problem: 'unexpected end of input' }; // cut inside true/false/null
    }
    const literal = LITERALS.find((word) => text.startsWith(word, i));
    if (literal) {
      i += literal.length;
      expect = 'after-value';
      continue;
    }
    return { offset: i, problem: `${describe(i)}, expected a value` };
  }
}

/** Offset just after the string opening at `start`, or the error inside it. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (code < 0x20) return { offset: i, problem: 'control character inside a string' };
    if (code === 92) {
      const next = text.charAt(i + 1);
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, problem: 'bad \\u escape in a string' };
        i += 6;
      } else if ('"\\/bfnrt'.includes(next) && next !== '') {
        i += 2;
      } else {
        return { offset: i, problem: i + 1 >= text.length ? 'unterminated string' : 'bad escape in a string' };
      }
      continue;
    }
    i += 1;
  }
  return { offset: text.length, problem: 'unterminated string' };
}
