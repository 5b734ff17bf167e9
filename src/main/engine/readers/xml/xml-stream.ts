// A streaming, hostile-input-safe XML event source for the XML readers. saxes never expands
// entities it was not given, so entity bombs and XXE cannot be expanded; we still refuse any
// DOCTYPE that declares entities so the user sees why, rather than an "undefined entity" later.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ReportInput } from '../report-reader.js';
import { ReportError, oneLine } from '../report-error.js';

export const MAX_XML_DEPTH = 512;

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  /** Character data and CDATA of the current element, possibly in several pieces. */
  text(text: string): void;
  /**
   * Whether text() uses text at this point (asked after every open and close). Where it says no,
   * saxes is not given a text handler, so it does not cut the text out at all: in a JUnit file
   * most text is the whitespace between elements.
   */
  wantsText?(): boolean;
}

export async function parseXml(input: ReportInput, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let depth = 0;
  let sawRoot = false;
  let failure: ReportError | null = null;
  let lastOpen = '';

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new ReportError(
        'refused: the XML declares entities (<!ENTITY>); Vigil never expands entities (entity-expansion and XXE protection)',
      );
    }
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    sawRoot = true;
    depth += 1;
    if (depth > MAX_XML_DEPTH) {
      throw new ReportError(`refused: XML nesting deeper than ${MAX_XML_DEPTH} elements (at <${tag.name}>)`);
    }
    lastOpen = tag.name;
    handlers.open(tag.name, tag.attributes);
    if (handlers.wantsText) deliverText(handlers.wantsText());
  });
  parser.on('closetag', (tag) => {
    depth -= 1;
    handlers.close(tag.name);
    if (handlers.wantsText) deliverText(handlers.wantsText());
  });
  const onText = (text: string): void => handlers.text(text);
  let delivering = false;
  const deliverText = (wanted: boolean): void => {
    if (wanted === delivering) return;
    delivering = wanted;
    if (wanted) {
      parser.on('text', onText);
      parser.on('cdata', onText);
    } else {
      parser.off('text');
      parser.off('cdata');
    }
  };
  deliverText(true);
  parser.on('error', (error) => {
    // saxes reports, then continues; keep the first problem and stop at the next write.
    failure ??= xmlSyntaxError(error.message, sawRoot);
  });

  for await (const chunk of input.text()) {
    parser.write(chunk);
    if (failure) throw failure;
  }
  if (!sawRoot) throw new ReportError('no XML element found: the file is empty or is not XML');
  parser.close();
  if (failure) throw failure;
  if (depth !== 0) throw new ReportError(`truncated XML: <${lastOpen}> and its parents are never closed`);
}

function xmlSyntaxError(message: string, sawRoot: boolean): ReportError {
  // saxes messages look like "path:3:14: unclosed tag: testsuite"; keep line:column and the words.
  const match = /(\d+):(\d+): (.*)$/s.exec(message);
  const where = match ? `line ${match[1]}, column ${match[2]}` : '';
  const what = match?.[3] ?? message;
  if (/unclosed tag/i.test(what)) {
    return new ReportError(`truncated XML: ${oneLine(what)}${where ? ` (${where})` : ''}`);
  }
  if (!sawRoot && /text data outside of root node|document must contain a root element/i.test(what)) {
    return new ReportError(`not XML: no start tag found (${where || 'start of file'})`);
  }
  return new ReportError(`malformed XML at ${where || 'unknown position'}: ${oneLine(what)}`);
}
