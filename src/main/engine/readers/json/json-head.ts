// Detection helper for the JSON readers: which object keys a report starts with, read from the
// 64 KiB head without parsing it (the head is usually cut mid-document). A key found only
// inside a string or deeper in the document never counts, so a failure message that quotes
// "numTotalTests" cannot make a file look like a Jest report.

export interface JsonHead {
  /** The first significant character: '{', '[' or something else ('' when blank). */
  readonly opener: string;
  /** Keys of the top-level object ("stats") and of objects directly inside it ("stats.passes"). */
  readonly keys: ReadonlySet<string>;
}

interface Frame {
  readonly object: boolean;
  /** Dotted key path of this container while every container above it is an object; else null. */
  readonly path: string | null;
  expectKey: boolean;
  /** The key whose value comes next (objects only). */
  pendingKey: string | null;
}

const MAX_KEY_DEPTH = 2;

/** Scans `head` once, char by char, with an explicit stack (no recursion, never throws). */
export function scanJsonHead(head: string): JsonHead {
  const keys = new Set<string>();
  const opener = head.trimStart().charAt(0);
  const stack: Frame[] = [];
  let i = 0;
  while (i < head.length) {
    const ch = head[i];
    if (ch === '"') {
      const end = stringEnd(head, i);
      if (end < 0) break; // the head ends inside this string
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        const key = head.slice(i + 1, end);
        top.pendingKey = key;
        top.expectKey = false;
        if (top.path !== null && stack.length <= MAX_KEY_DEPTH) keys.add(top.path === '' ? key : `${top.path}.${key}`);
      }
      i = end + 1;
      continue;
    }
    if (ch === '{' || ch === '[') {
      const parent = stack[stack.length - 1];
      let path: string | null = '';
      if (parent) {
        path = parent.object && parent.path !== null && parent.pendingKey !== null
          ? (parent.path === '' ? parent.pendingKey : `${parent.path}.${parent.pendingKey}`)
          : null;
      }
      stack.push({ object: ch === '{', path, expectKey: ch === '{', pendingKey: null });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      if (stack.length === 0 && i > 0) break; // the first document is complete
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.object) {
        top.expectKey = true;
        top.pendingKey = null;
      }
    }
    i += 1;
  }
  return { opener, keys };
}

/** Index of the quote closing the string that opens at `start`, or -1 when the text ends first. */
export function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i;
    else i += 1;
  }
  return -1;
}

export function hasKeys(head: JsonHead, ...keys: string[]): boolean {
  return keys.every((key) => head.keys.has(key));
}
