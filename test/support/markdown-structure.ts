// Structural checks of the Markdown Vigil writes, as GFM reads it (no Markdown package may be
// added): every table row has the header's number of cells (split the way cmark-gfm splits,
// with a backslash escaping the next character), the delimiter row matches, fences are closed,
// every code span on a line is closed, and no raw HTML appears outside code spans.

export interface MarkdownTable {
  /** 1-based line of the header row. */
  line: number;
  header: string[];
  rows: string[][];
}

export interface StructureReport {
  problems: string[];
  tables: MarkdownTable[];
  headings: string[];
}

/** Splits a table row into cells like cmark-gfm: pipes escaped by a backslash do not split. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      cell += char + text[i + 1];
      i++;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell.trim() !== '' || !text.endsWith('|')) cells.push(cell.trim());
  return cells;
}

const DELIMITER_CELL = /^:?-+:?$/;

/** Code spans of one line as CommonMark finds them; null when a backtick run is left open. */
export function codeSpans(line: string): { spans: string[]; outside: string } | null {
  const spans: string[] = [];
  let outside = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\\' && line[i + 1] !== undefined) {
      outside += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (line[i] !== '`') {
      outside += line[i];
      i++;
      continue;
    }
    let run = 0;
    while (line[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    // The closing run must be exactly as long: not part of a longer run.
    let close = -1;
    for (let j = line.indexOf(fence, i + run); j >= 0; j = line.indexOf(fence, j + 1)) {
      if (line[j - 1] !== '`' && line[j + run] !== '`') {
        close = j;
        break;
      }
    }
    if (close < 0) return null;
    spans.push(line.slice(i + run, close));
    i = close + run;
  }
  return { spans, outside };
}

export function checkMarkdown(markdown: string): StructureReport {
  const problems: string[] = [];
  const tables: MarkdownTable[] = [];
  const headings: string[] = [];
  const lines = markdown.split('\n');
  let fenceOpen: number | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const number = index + 1;
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      fenceOpen = fenceOpen === null ? number : null;
      continue;
    }
    if (fenceOpen !== null) continue;
    const spans = codeSpans(line);
    if (spans === null) problems.push(`line ${number}: a code span is not closed: ${line.slice(0, 120)}`);
    else if (/<[A-Za-z/!?]/.test(spans.outside.replace(/\\</g, ''))) problems.push(`line ${number}: raw HTML outside a code span: ${line.slice(0, 120)}`);
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) headings.push(`${heading[1]} ${heading[2]}`);
    const next = lines[index + 1] ?? '';
    if (line.startsWith('|') && next.startsWith('|') && splitRow(next).every((cell) => DELIMITER_CELL.test(cell))) {
      const previous = lines[index - 1];
      if (previous !== undefined && previous.trim() !== '') problems.push(`line ${number}: a table must follow a blank line`);
      const header = splitRow(line);
      const delimiter = splitRow(next);
      if (delimiter.length !== header.length) problems.push(`line ${number + 1}: delimiter row has ${delimiter.length} cells, header ${header.length}`);
      const rows: string[][] = [];
      let row = index + 2;
      while (row < lines.length && (lines[row] ?? '').startsWith('|')) {
        const cells = splitRow(lines[row] ?? '');
        if (cells.length !== header.length) problems.push(`line ${row + 1}: ${cells.length} cells, header has ${header.length}: ${(lines[row] ?? '').slice(0, 160)}`);
        const rowSpans = codeSpans(lines[row] ?? '');
        if (rowSpans === null) problems.push(`line ${row + 1}: a code span is not closed`);
        rows.push(cells);
        row++;
      }
      if (row < lines.length && (lines[row] ?? '').trim() !== '') problems.push(`line ${row + 1}: a table must end with a blank line`);
      tables.push({ line: number, header, rows });
      index = row - 1;
    }
  }
  if (fenceOpen !== null) problems.push(`line ${fenceOpen}: a code fence is never closed`);
  return { problems, tables, headings };
}
