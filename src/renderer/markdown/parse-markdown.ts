// A small Markdown parser for the subset the handoff report is written in (src/main/engine/report/
// markdown.ts): ATX headings, paragraphs, GFM tables with alignment, bullet lists (nested by
// indentation), thematic breaks; inline code spans, **strong**, *emphasis* and backslash escapes.
// It yields a plain tree that markdown-view.tsx turns into React elements: report text is data,
// so it never becomes HTML (no raw HTML, no links, no images: those stay literal text).

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] };

export type Align = 'left' | 'right' | 'center' | null;

export interface ListItem {
  content: Inline[];
  children: ListItem[];
}

export type Block =
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'rule' }
  | { kind: 'table'; align: Align[]; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'list'; items: ListItem[] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
const DELIMITER_CELL = /^\s*:?-{1,}:?\s*$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, content: parseInline(heading[2] ?? '') });
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i += 1;
      continue;
    }
    const next = lines[i + 1];
    if (line.includes('|') && next !== undefined && isDelimiterRow(next)) {
      const align = splitRow(next).map(alignOf);
      const header = splitRow(line).map(parseInline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? '').trim() !== '' && (lines[i] ?? '').includes('|')) {
        const cells = splitRow(lines[i] ?? '');
        // GFM: every row has the header's number of cells (missing ones empty, extra ones dropped).
        rows.push(align.map((_, column) => parseInline(cells[column] ?? '')));
        i += 1;
      }
      blocks.push({ kind: 'table', align, header: align.map((_, column) => header[column] ?? []), rows });
      continue;
    }
    if (BULLET.test(line)) {
      const items: { indent: number; text: string }[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const bullet = BULLET.exec(current);
        if (bullet) {
          items.push({ indent: (bullet[1] ?? '').length, text: bullet[2] ?? '' });
        } else if (current.trim() !== '' && /^\s+/.test(current) && items.length > 0) {
          // A continuation line of the item above (lazy continuation is not used by the report).
          const last = items[items.length - 1];
          if (last) last.text += ` ${current.trim()}`;
        } else {
          break;
        }
        i += 1;
      }
      blocks.push({ kind: 'list', items: nestItems(items) });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const current = lines[i] ?? '';
      if (current.trim() === '' || HEADING.test(current) || RULE.test(current) || BULLET.test(current)) break;
      if (current.includes('|') && isDelimiterRow(lines[i + 1] ?? '')) break;
      paragraph.push(current.trim());
      i += 1;
    }
    blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

function nestItems(flat: readonly { indent: number; text: string }[]): ListItem[] {
  const root: ListItem[] = [];
  const stack: { indent: number; item: ListItem }[] = [];
  for (const { indent, text } of flat) {
    const item: ListItem = { content: parseInline(text), children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.item.children.push(item);
    else root.push(item);
    stack.push({ indent, item });
  }
  return root;
}

function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((cell) => DELIMITER_CELL.test(cell));
}

function alignOf(cell: string): Align {
  const text = cell.trim();
  const left = text.startsWith(':');
  const right = text.endsWith(':');
  if (left && right) return 'center';
  if (right) return 'right';
  if (left) return 'left';
  return null;
}

/** A table row's cells: split at pipes that are not escaped (GFM splits even inside code spans). */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && text[i + 1] === '|') {
      // The escape belongs to the table: the cell's content gets a plain pipe.
      cell += '|';
      i += 1;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (char === '\\' && ESCAPABLE.test(source[i + 1] ?? '')) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (char === '`') {
      const fence = backticksAt(source, i);
      const close = findFence(source, i + fence, fence);
      if (close < 0) {
        text += '`'.repeat(fence);
        i += fence;
        continue;
      }
      flush();
      let code = source.slice(i + fence, close);
      // CommonMark: one space of padding is stripped from each end when both ends have one.
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
      out.push({ kind: 'code', text: code });
      i = close + fence;
      continue;
    }
    if ((char === '*' || char === '_') && source[i + 1] === char) {
      const close = findDelimiter(source, i + 2, char + char);
      if (close > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(source.slice(i + 2, close)) });
        i = close + 2;
        continue;
      }
    }
    if (char === '*' || (char === '_' && !/[A-Za-z0-9]/.test(source[i - 1] ?? ''))) {
      const close = findDelimiter(source, i + 1, char);
      if (close > i + 1 && source[i + 1] !== ' ') {
        flush();
        out.push({ kind: 'em', children: parseInline(source.slice(i + 1, close)) });
        i = close + 1;
        continue;
      }
    }
    text += char;
    i += 1;
  }
  flush();
  return out;
}

/** How many backticks in a row start at `at`. */
function backticksAt(source: string, at: number): number {
  let count = 0;
  while (source[at + count] === '`') count += 1;
  return count;
}

/** The next run of exactly `length` backticks at or after `from`; -1 when there is none. */
function findFence(source: string, from: number, length: number): number {
  let i = from;
  while (i < source.length) {
    if (source[i] !== '`') {
      i += 1;
      continue;
    }
    const run = backticksAt(source, i);
    if (run === length) return i;
    i += run;
  }
  return -1;
}

/** The closing delimiter, skipping escapes and code spans (which bind tighter than emphasis). */
function findDelimiter(source: string, from: number, delimiter: string): number {
  let i = from;
  while (i < source.length) {
    const char = source[i];
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === '`') {
      const fence = backticksAt(source, i);
      const close = findFence(source, i + fence, fence);
      i = close < 0 ? i + fence : close + fence;
      continue;
    }
    if (source.startsWith(delimiter, i) && source[i - 1] !== ' ' && (delimiter.length === 2 || source[i + 1] !== delimiter)) return i;
    i += 1;
  }
  return -1;
}
