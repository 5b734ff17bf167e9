// The report renderer's parser on the constructs the report uses, on a real report written by
// the engine, and on hostile text: nothing ever comes out as anything but text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../src/main/engine/engine.js';
import { parseInline, parseMarkdown, splitRow, type Block, type Inline } from '../../../src/renderer/markdown/parse-markdown.js';
import { SHOP_RUNS_DIR } from '../../support/shop-history.js';
import { tempDir } from '../../support/temp.js';

const text = (items: readonly Inline[]): string =>
  items.map((item) => (item.kind === 'text' || item.kind === 'code' ? item.text : text(item.children))).join('');

describe('parseInline', () => {
  it('reads code spans of any fence, strong, emphasis and escapes', () => {
    expect(parseInline('a `b` c')).toEqual([{ kind: 'text', text: 'a ' }, { kind: 'code', text: 'b' }, { kind: 'text', text: ' c' }]);
    expect(parseInline('``x ` y``')).toEqual([{ kind: 'code', text: 'x ` y' }]);
    expect(parseInline('`` `tick` ``')).toEqual([{ kind: 'code', text: '`tick`' }]);
    expect(parseInline('**Coverage: NO DATA.** Neither')).toEqual([{ kind: 'strong', children: [{ kind: 'text', text: 'Coverage: NO DATA.' }] }, { kind: 'text', text: ' Neither' }]);
    expect(parseInline('\\*not em\\* \\<b\\> \\#12 \\@me')).toEqual([{ kind: 'text', text: '*not em* <b> #12 @me' }]);
    expect(parseInline('snake_case_name and r_58c9')).toEqual([{ kind: 'text', text: 'snake_case_name and r_58c9' }]);
    expect(parseInline('*em* and _em_')).toEqual([
      { kind: 'em', children: [{ kind: 'text', text: 'em' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'em', children: [{ kind: 'text', text: 'em' }] },
    ]);
  });

  it('keeps HTML, links and images as literal text', () => {
    const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![i](http://x/y.png) <script>alert(1)</script>';
    const parsed = parseInline(hostile);
    expect(parsed.every((item) => item.kind === 'text')).toBe(true);
    expect(text(parsed)).toBe(hostile);
  });

  it('leaves an unclosed backtick as text', () => {
    expect(parseInline('a ` b')).toEqual([{ kind: 'text', text: 'a ` b' }]);
  });
});

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, rules, nested lists and aligned tables', () => {
    const blocks = parseMarkdown(['# Title `x`', '', 'One line', 'and another.', '', '- a', '  - b', '- c', '', '| a | b |', '| --- | ---: |', '| `1\\|2` | 3 |', '| only |', '', '---'].join('\n'));
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list', 'table', 'rule']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', content: [{ kind: 'text', text: 'One line and another.' }] });
    const list = blocks[2] as Extract<Block, { kind: 'list' }>;
    expect(list.items.map((item) => text(item.content))).toEqual(['a', 'c']);
    expect(list.items[0]?.children.map((item) => text(item.content))).toEqual(['b']);
    const table = blocks[3] as Extract<Block, { kind: 'table' }>;
    expect(table.align).toEqual([null, 'right']);
    expect(table.rows[0]?.[0]).toEqual([{ kind: 'code', text: '1|2' }]);
    expect(table.rows[1]).toEqual([[{ kind: 'text', text: 'only' }], []]);
  });

  it('splits table rows at unescaped pipes only', () => {
    expect(splitRow('| a | b \\| c | d |')).toEqual(['a', 'b | c', 'd']);
  });

  it('reads a real handoff report: every table keeps its columns, every figure its text', async () => {
    const engine = openEngine({ dbPath: join(tempDir(), 'vigil.db') });
    try {
      await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
      const report = await engine.getReport({ project: 'shop' });
      const blocks = parseMarkdown(report.markdown);
      const headings = blocks.filter((block): block is Extract<Block, { kind: 'heading' }> => block.kind === 'heading').map((block) => text(block.content));
      expect(headings[0]).toBe('Handoff report: shop');
      expect(headings).toContain('Before and after');
      const tables = blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');
      expect(tables.length).toBeGreaterThanOrEqual(3);
      for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.header.length);
      const all = JSON.stringify(blocks);
      // The pass rates of the first and last runs, as the report writes them.
      expect(all).toContain('8/13 (61.5%)');
      expect(all).toContain('9/15 (60.0%)');
      expect(all).not.toContain('\\\\|');
    } finally {
      engine.close();
    }
  });
});
