// A short message for a failure element that has no `message` attribute (jest-junit, Catch2
// bodies): its first non-blank line.

const MAX_FIRST_LINE = 1000;

export function firstLine(text: string): string | undefined {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '') return line.length > MAX_FIRST_LINE ? `${line.slice(0, MAX_FIRST_LINE - 1)}…` : line;
    start = end + 1;
  }
  return undefined;
}

/** Text with surrounding whitespace removed, or undefined when nothing is left. */
export function nonBlank(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Captured output as written, or undefined when it is only whitespace. */
export function unlessBlank(text: string): string | undefined {
  return /\S/.test(text) ? text : undefined;
}
