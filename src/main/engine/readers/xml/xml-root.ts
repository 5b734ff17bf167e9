// Content sniffing for the .NET XML formats (NUnit, xUnit.net, TRX): they differ only by their
// root element, so detection skips the prolog (XML declaration, comments, processing
// instructions, DOCTYPE with its internal subset) and reads the first element's name.
// Shared by the nunit-xml, xunit-xml and trx readers; it would sit well in readers/xml/.

export interface XmlRoot {
  /** Local name of the root element. */
  name: string;
  /** The root's start tag as far as the head holds it (for checking its attributes). */
  startTag: string;
}

/** Local name of the root element in `head`, or null when the head does not start like XML. */
export function xmlRootName(head: string): string | null {
  return xmlRoot(head)?.name ?? null;
}

export function xmlRoot(head: string): XmlRoot | null {
  let at = 0;
  for (;;) {
    at = skipSpace(head, at);
    if (head.startsWith('<?', at)) {
      at = after(head, '?>', at);
    } else if (head.startsWith('<!--', at)) {
      at = after(head, '-->', at);
    } else if (head.startsWith('<!DOCTYPE', at) || head.startsWith('<!doctype', at)) {
      at = afterDoctype(head, at);
    } else {
      break;
    }
    if (at < 0) return null;
  }
  const match = /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(at, at + 256));
  if (!match?.[1]) return null;
  const end = head.indexOf('>', at);
  return { name: localName(match[1]), startTag: head.slice(at, end < 0 ? head.length : end + 1) };
}

/** The element name without a namespace prefix ("a:TestRun" → "TestRun"). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function skipSpace(text: string, from: number): number {
  let at = from;
  // A stray BOM can follow the XML declaration in files concatenated by tools.
  while (at < text.length && /[\s\uFEFF]/.test(text[at] ?? '')) at += 1;
  return at;
}

function after(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found < 0 ? -1 : found + end.length;
}

function afterDoctype(text: string, from: number): number {
  // The internal subset [...] may contain '>' inside declarations; skip it as a whole.
  const close = text.indexOf('>', from);
  const open = text.indexOf('[', from);
  if (open >= 0 && (close < 0 || open < close)) {
    const endSubset = text.indexOf(']', open);
    if (endSubset < 0) return -1;
    return after(text, '>', endSubset);
  }
  return close < 0 ? -1 : close + 1;
}
