// Line-oriented report input (go test -json, TAP, Dart JSON): yields each line with its number,
// reading the input to its end. Lines are cut from chunks as they stream, so memory holds one
// chunk plus one partial line, never the whole file.
import type { ReportInput } from './report-reader.js';
import { ReportError } from './report-error.js';

/** One line longer than this is not an event stream we can trust (and would be unbounded). */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

export interface TextLine {
  /** The line without its terminator (a trailing \r is removed too). */
  readonly text: string;
  /** 1-based line number, for messages. */
  readonly number: number;
  /** True for the last line when the file does not end with a newline (possibly cut short). */
  readonly unterminated: boolean;
}

export async function* readLines(input: ReportInput): AsyncGenerator<TextLine> {
  let partial = '';
  let number = 0;
  for await (const chunk of input.text()) {
    let start = 0;
    let newline = chunk.indexOf('\n', start);
    while (newline >= 0) {
      number += 1;
      const line = partial + chunk.slice(start, newline);
      partial = '';
      yield { text: stripCr(line), number, unterminated: false };
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    partial += chunk.slice(start);
    if (partial.length > MAX_LINE_CHARS) throw new ReportError(`line ${number + 1} is longer than ${MAX_LINE_CHARS / 1024 / 1024} MiB`);
  }
  if (partial !== '') yield { text: stripCr(partial), number: number + 1, unterminated: true };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
