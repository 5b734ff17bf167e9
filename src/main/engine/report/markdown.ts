// The few Markdown pieces the report is made of, each valid CommonMark + GFM whatever text it
// carries. Anything that comes from a report (test names, messages, paths) goes into a code
// span: nothing in it is read as Markdown or HTML, and GitHub does not turn "@name" or "#12" in
// it into mentions or links. Only our own words are plain text.

/** Table cells end at an unescaped pipe, even inside a code span (GFM), so pipes are escaped there. */
export type Context = 'text' | 'table';

const oneLine = (text: string): string => text.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();

/** `text` as a code span: a fence longer than any run of backticks inside, padded when needed. */
export function code(raw: string, context: Context = 'text'): string {
  let text = oneLine(raw);
  if (text === '') return '(empty)';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // The table scanner treats a backslash as escaping the next character: a pipe after an even
  // number of backslashes would end the cell, so it gets one more.
  if (context === 'table') text = text.replace(/\\*\|/g, (match) => (match.length % 2 === 1 ? `\\${match}` : match));
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Words that may carry a character Markdown would read (`*`, `_`, `<`, `|`) or GitHub would link (`@`, `#`). */
export function plain(raw: string): string {
  // An underscore inside a word (r_58c9, snake_case) never starts emphasis, so it stays as is.
  return oneLine(raw)
    .replace(/[\\`*[\]<>|~&#@]/g, (char) => `\\${char}`)
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_');
}

/** Cuts text to at most `max` characters, saying so. */
export function clip(text: string, max: number): string {
  const line = oneLine(text);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}`;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** A GFM table; every row gets exactly the header's number of cells. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const fitted = rows.map((row) => columns.map((_, index) => (row[index] ?? '').replace(/\n/g, ' ') || ' '));
  return [line(columns.map((column) => column.header)), line(columns.map((column) => (column.align === 'right' ? '---:' : '---'))), ...fitted.map(line)].join('\n');
}

export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** Joins blocks with one blank line, which ends every paragraph, list, table and HTML block. */
export function blocks(...parts: readonly (string | null | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n\n');
}
