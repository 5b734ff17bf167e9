// Reading a single-document JSON report: the whole text is parsed at once (JSON.parse), but only
// after a streaming scan has checked the nesting depth, because V8's JSON.parse recurses and a
// file of 200,000 '[' would overflow the stack. Syntax errors become one-line ReportErrors that
// name the line and column, like Python's json module does for the same files.
import type { ReportInput } from '../report-reader.js';
import { ReportError, oneLine } from '../report-error.js';

export const MAX_JSON_DEPTH = 512;

/** Tracks string/escape state and container depth across chunks. */
class DepthScanner {
  private inString = false;
  private escaped = false;
  depth = 0;
  line = 1;

  scan(chunk: string): void {
    for (let i = 0; i < chunk.length; i += 1) {
      const ch = chunk.charCodeAt(i);
      if (ch === 10) this.line += 1;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 92 /* \ */) this.escaped = true;
        else if (ch === 34 /* " */) this.inString = false;
      } else if (ch === 34) {
        this.inString = true;
      } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
        this.depth += 1;
        if (this.depth > MAX_JSON_DEPTH) {
          throw new ReportError(`refused: JSON nested deeper than ${MAX_JSON_DEPTH} levels (line ${this.line})`);
        }
      } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
        this.depth -= 1;
      }
    }
  }

  get unterminatedString(): boolean {
    return this.inString;
  }
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
  // V8 (Node 20) says e.g. "Expected double-quoted property name in JSON at position 15",
  // "Unexpected token 'h', "this is..." is not valid JSON" or "Unexpected end of JSON input".
  // Keep the words; replace the character offset by line and column.
  if (/^Unexpected end of JSON input/.test(error.message)) {
    const end = position(text, text.length);
    return `truncated JSON: the document ends early (line ${end.line}, column ${end.column})`;
  }
  const words = error.message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/\s+in JSON at position \d+.*$/s, '')
    .replace(/\s+at position \d+.*$/s, '');
  const offset = /at position (\d+)/.exec(error.message)?.[1];
  if (offset === undefined) return `malformed JSON: ${oneLine(words, 200)}`;
  const where = position(text, Number(offset));
  return `malformed JSON at line ${where.line}, column ${where.column}: ${oneLine(words, 200)}`;
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
