// Splits the streamed report text into lines, chunk by chunk, without holding the whole file.
import type { ReportInput } from '../report-reader.js';
import { ReportError } from '../report-error.js';

/** A longer line is not a test event stream (and would hold unbounded memory). */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

export interface TextLine {
  /** The line without its terminator (a trailing \r is removed too). */
  readonly text: string;
  /** 1-based line number, for messages. */
  readonly number: number;
  /** False only for a last line that the file ends without a newline after. */
  readonly terminated: boolean;
}

export async function* readLines(input: ReportInput): AsyncGenerator<TextLine> {
  let rest = '';
  let number = 0;
  for await (const chunk of input.text()) {
    rest += chunk;
    let start = 0;
    let end = rest.indexOf('\n', start);
    while (end >= 0) {
      number += 1;
      yield { text: stripCr(rest.slice(start, end)), number, terminated: true };
      start = end + 1;
      end = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
    if (rest.length > MAX_LINE_CHARS) throw new ReportError(`line ${number + 1} is longer than ${MAX_LINE_CHARS / 1024 / 1024} MiB`);
  }
  if (rest !== '') {
    number += 1;
    yield { text: stripCr(rest), number, terminated: false };
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
