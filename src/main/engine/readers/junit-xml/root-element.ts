// Finds the name of the root element in the first bytes of an XML file without parsing it:
// skips the XML declaration, processing instructions, comments and a DOCTYPE (including an
// internal subset, so that a file declaring entities is still recognised and then refused by
// the parser with a clear message). Never throws; null when the head does not say.

const LT = 0x3c;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Index just after the DOCTYPE that starts at `from` (after "<!DOCTYPE"), or -1. */
function skipDoctype(head: string, from: number): number {
  let quote = 0;
  let depth = 0;
  for (let i = from; i < head.length; i += 1) {
    const code = head.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === 0x5b) {
      depth += 1;
    } else if (code === 0x5d) {
      depth -= 1;
    } else if (code === 0x3e && depth <= 0) {
      return i + 1;
    }
  }
  return -1;
}

export function rootElementName(head: string): string | null {
  let i = 0;
  while (i < head.length) {
    const code = head.charCodeAt(i);
    if (isSpace(code)) {
      i += 1;
      continue;
    }
    if (code !== LT) return null;
    if (head.startsWith('<?', i)) {
      const end = head.indexOf('?>', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (head.startsWith('<!--', i)) {
      const end = head.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (head.startsWith('<!DOCTYPE', i)) {
      i = skipDoctype(head, i + 9);
      if (i < 0) return null;
    } else {
      let end = i + 1;
      while (end < head.length) {
        const c = head.charCodeAt(end);
        if (isSpace(c) || c === 0x3e || c === 0x2f) break;
        end += 1;
      }
      // A name running to the end of the head is cut off: it may be longer than it looks.
      return end < head.length && end > i + 1 ? head.slice(i + 1, end) : null;
    }
  }
  return null;
}
