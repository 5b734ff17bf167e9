// The lines a file left uncovered, as people read them ("5-7, 12"): stored compactly as
// "5-7,12" and short enough to show beside a file's rate.

/** Ranges of lines with no hits, or null when the report does not list lines. */
export function missedLines(lineHits: ReadonlyMap<number, number> | null): string | null {
  if (!lineHits) return null;
  const missed: number[] = [];
  let ascending = true;
  let last = 0;
  // forEach rather than for-of: no [line, hits] pair per line of a 300,000-line report.
  lineHits.forEach((hits, line) => {
    if (hits !== 0) return;
    if (line < last) ascending = false;
    last = line;
    missed.push(line);
  });
  if (!ascending) missed.sort((a, b) => a - b);
  const ranges: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  for (const line of missed) {
    if (start !== undefined && previous !== undefined && line === previous + 1) {
      previous = line;
      continue;
    }
    if (start !== undefined && previous !== undefined) ranges.push(start === previous ? `${start}` : `${start}-${previous}`);
    start = line;
    previous = line;
  }
  if (start !== undefined && previous !== undefined) ranges.push(start === previous ? `${start}` : `${start}-${previous}`);
  return ranges.join(',');
}
