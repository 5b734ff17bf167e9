// Detection helper for the XML coverage formats: the root element's name and the text of its
// start tag, found in the first bytes without parsing (the XML declaration, comments, processing
// instructions and a DOCTYPE, internal subset included, are skipped). Never throws.

export interface XmlHead {
  /** Name of the root element. */
  root: string;
  /** The root's start tag, attributes included (cut at 4 KiB). */
  startTag: string;
  /** The DOCTYPE text when there is one ("" otherwise). */
  doctype: string;
}

const MAX_TAG_CHARS = 4096;

function skipDoctype(head: string, from: number): number {
  let quote = '';
  let depth = 0;
  for (let i = from; i < head.length; i += 1) {
    const ch = head[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth += 1;
    else if (ch === ']') depth -= 1;
    else if (ch === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

/** Index just after the next `marker` from `from`, or -1. */
function after(head: string, marker: string, from: number): number {
  const at = head.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

export function xmlHead(head: string): XmlHead | null {
  let i = 0;
  let doctype = '';
  while (i < head.length) {
    const ch = head[i];
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      i += 1;
      continue;
    }
    if (ch !== '<') return null;
    let end: number;
    if (head.startsWith('<?', i)) end = after(head, '?>', i + 2);
    else if (head.startsWith('<!--', i)) end = after(head, '-->', i + 4);
    else if (head.startsWith('<!DOCTYPE', i)) {
      end = skipDoctype(head, i + 9);
      if (end > 0) doctype = head.slice(i, end);
    } else {
      const match = /^<([A-Za-z_][\w.:-]*)(?=[\s/>])/.exec(head.slice(i, i + 256));
      if (!match?.[1]) return null;
      const close = head.indexOf('>', i);
      const startTag = head.slice(i, close < 0 ? Math.min(head.length, i + MAX_TAG_CHARS) : Math.min(close + 1, i + MAX_TAG_CHARS));
      return { root: match[1], startTag, doctype };
    }
    if (end < 0) return null;
    i = end;
  }
  return null;
}

/** True when the start tag carries attribute `name`. */
export function hasAttribute(startTag: string, name: string): boolean {
  return new RegExp(`\\s${name.replace(/[.-]/g, '\\$&')}\\s*=`).test(startTag);
}
