// What a human wants from a Go test's output: the first line that says what went wrong (or why it
// was skipped), without the framing lines `go test -v` prints around every test.

/** Lines test2json passes through that frame a test rather than describe it. */
const FRAMING = [
  /^=== (RUN|PAUSE|CONT|NAME)\s/,
  /^\s*--- (FAIL|PASS|SKIP|BENCH):/,
  /^(PASS|FAIL)$/,
  /^(ok {2}|FAIL|\? {3})\t\S/, // package summary: ok  \tpkg\t0.1s, FAIL\tpkg [build failed]
];

const MAX_MESSAGE_LINES = 10;

export function isFraming(line: string): boolean {
  return FRAMING.some((pattern) => pattern.test(line));
}

/**
 * The first non-framing line of `output`, plus the lines right after it that are indented deeper
 * (t.Errorf continues a multi-line message that way). Undefined when there is none.
 */
export function firstMessage(output: string): string | undefined {
  const lines = output.split('\n');
  const kept: string[] = [];
  let indent = -1;
  for (const line of lines) {
    if (indent < 0) {
      if (line.trim() === '' || isFraming(line)) continue;
      indent = indentOf(line);
      kept.push(line.trim());
      continue;
    }
    if (kept.length >= MAX_MESSAGE_LINES || line.trim() === '' || isFraming(line) || indentOf(line) <= indent) break;
    kept.push(line.trim());
  }
  return kept.length > 0 ? kept.join('\n') : undefined;
}

/** The output without framing lines: the failure body. */
export function withoutFraming(output: string): string {
  return output
    .split('\n')
    .filter((line) => !isFraming(line))
    .join('\n')
    .trim();
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const PROPERTY_LINES: [RegExp, string][] = [
  [/^go version (go\S+)/, 'go.version'],
  [/^goos: (\S+)/, 'goos'],
  [/^goarch: (\S+)/, 'goarch'],
  [/^cpu: (.+)$/, 'cpu'],
];

/** Run facts Go prints on their own lines (`go version`, benchmark headers), else null. */
export function propertyFromLine(line: string): [string, string] | null {
  const text = line.trim();
  for (const [pattern, key] of PROPERTY_LINES) {
    const match = pattern.exec(text);
    if (match?.[1]) return [key, match[1].trim()];
  }
  return null;
}
