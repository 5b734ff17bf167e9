// Reading a single-document JSON report: the whole text is parsed at once (JSON.parse), but only
// after a streaming scan has checked the nesting depth. No report nests deeper than a few dozen
// levels; a file of 200,000 '[' is hostile or broken, and refusing it up front means nothing
// that later walks the value (a reader, JSON.stringify, structured clone) can overflow the
// stack. Syntax errors become one-line ReportErrors naming line and column, as Python's json
// module reports them for the same files.
import type { ReportInput } from '../report-reader.js';
import { ReportError, oneLine } from '../report-error.js';
import { findJsonSyntaxError } from './json-syntax.js';

export const MAX_JSON_DEPTH = 512;

/** Tracks string/escape state and container depth across chunks. */
class DepthScanner {
  private inString = false;
  private escaped = false;
  depth = 0;
  /** Newlines in the chunks before the current one (for the error message only). */
  private linesBefore = 0;

  scan(chunk: string): void {
    // Jump from one significant character to the next with native regex search rather than
    // looking at every character in JS: a report is mostly string content.
    const inside = /["\\]/g;
    const outside = /["{}[\]]/g;
    let i = 0;
    if (this.escaped && chunk.length > 0) {
      this.escaped = false;
      i = 1;
    }
    while (i < chunk.length) {
      const pattern = this.inString ? inside : outside;
      pattern.lastIndex = i;
      const match = pattern.exec(chunk);
      if (match === null) break;
      const at = match.index;
      const ch = chunk.charCodeAt(at);
      i = at + 1;
      if (this.inString) {
        if (ch === 92 /* \ */) {
          if (i >= chunk.length) this.escaped = true; // the escaped character starts the next chunk
          i += 1;
        } else {
          this.inString = false;
        }
      } else if (ch === 34 /* " */) {
        this.inString = true;
      } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
        this.depth += 1;
        if (this.depth > MAX_JSON_DEPTH) {
          throw new ReportError(`refused: JSON nested deeper than ${MAX_JSON_DEPTH} levels (line ${this.linesBefore + countLines(chunk, at)})`);
        }
      } else {
        this.depth -= 1;
      }
    }
    this.linesBefore += countLines(chunk, chunk.length) - 1;
  }

  get unterminatedString(): boolean {
    return this.inString;
  }
}

/** 1 + the number of newlines in chunk[0, end). */
function countLines(chunk: string, end: number): number {
  let lines = 1;
  let at = chunk.indexOf('\n');
  while (at >= 0 && at < end) {
    lines += 1;
    at = chunk.indexOf('\n', at + 1);
  }
  return lines;
}

/** Reads the whole input (to its end) and parses it as one JSON document. */
export async function readJsonDocument(input: ReportInput): Promise<unknown> {
  const scanner = new DepthScanner();
  const chunks: string[] = [];
  for await (const chunk of input.text()) {
    scanner.scan(chunk);
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = chunks.join('');
  } catch (error) {
    // V8 caps string length (~512 MB); a report that large cannot be parsed as one document.
    if (error instanceof RangeError) throw new ReportError('JSON report too large to read as one document');
    throw error;
  }
  if (scanner.unterminatedString || scanner.depth > 0) {
    const where = position(text, text.length);
    throw new ReportError(`truncated JSON: the document ends inside ${scanner.unterminatedString ? 'a string' : 'an unclosed object or array'} (line ${where.line}, column ${where.column})`);
  }
  return parseJson(text);
}

/** JSON.parse with a one-line ReportError naming line and column on bad syntax. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw new ReportError(jsonSyntaxMessage(text, error));
    throw error;
  }
}

/**
 * What is wrong with `text` as JSON, one line naming line and column, or null when it parses.
 * Also meant for the ingest layer: a file that looks like JSON but that no reader claims can be
 * told apart from "not a report" with it.
 */
export function jsonSyntaxProblem(text: string): string | null {
  const tooDeep = depthProblem(text);
  if (tooDeep !== null) return tooDeep;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    if (error instanceof SyntaxError) return jsonSyntaxMessage(text, error);
    throw error;
  }
}

function depthProblem(text: string): string | null {
  const scanner = new DepthScanner();
  try {
    scanner.scan(text);
    return null;
  } catch (error) {
    if (error instanceof ReportError) return error.message;
    throw error;
  }
}

function jsonSyntaxMessage(text: string, error: SyntaxError): string {
  const found = findJsonSyntaxError(text);
  // Our scan and V8 agree on what is JSON; should they ever not, V8's words still say enough.
  if (found === null) return `malformed JSON: ${oneLine(error.message, 200)}`;
  const where = position(text, found.offset);
  const kind = found.offset >= text.length ? 'truncated JSON' : 'malformed JSON';
  return `${kind} at line ${where.line}, column ${where.column}: ${found.problem}`;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
