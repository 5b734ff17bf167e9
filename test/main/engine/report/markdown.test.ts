import { describe, expect, it } from 'vitest';
import { code, plain, table } from '../../../../src/main/engine/report/markdown.js';
import { checkMarkdown, codeSpans, splitRow } from '../../../support/markdown-structure.js';

describe('Markdown pieces', () => {
  it('code spans hold any text: the fence outgrows the backticks inside', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a `b` c')).toBe('``a `b` c``');
    expect(code('`edge`')).toBe('`` `edge` ``');
    expect(code('two\nlines')).toBe('`two lines`');
    expect(code('')).toBe('(empty)');
    for (const text of ['a ``` b', '`', '``x', 'x ` y `` z']) expect(codeSpans(code(text))?.spans.map((span) => span.trim())).toEqual([text]);
  });

  it('in a table, a pipe never ends the cell, whatever backslashes stand before it', () => {
    for (const text of ['a|b', 'a\\|b', 'a\\\\|b', '|', '\\']) {
      const row = `| ${code(text, 'table')} | x |`;
      expect(splitRow(row), text).toHaveLength(2);
    }
  });

  it('plain text escapes what Markdown or GitHub would read, but not underscores inside words', () => {
    expect(plain('r_58c9 *bold* _em_ @user #12 <b> a|b')).toBe('r_58c9 \\*bold\\* \\_em\\_ \\@user \\#12 \\<b\\> a\\|b');
  });

  it('tables get the header\'s number of cells in every row', () => {
    const markdown = `\n${table([{ header: 'a' }, { header: 'b', align: 'right' }], [['1'], ['1', '2'], [plain('x|y'), '']])}\n`;
    const checked = checkMarkdown(markdown);
    expect(checked.problems).toEqual([]);
    expect(checked.tables[0]?.rows.map((row) => row.length)).toEqual([2, 2, 2]);
  });

  it('the structure check catches a broken row, an open span, raw HTML and an open fence', () => {
    const broken = ['', '| a | b |', '| --- | --- |', '| 1 | 2 | 3 |', '', 'an `open span', '', '<div>raw</div>', '', '```', 'never closed'].join('\n');
    const problems = checkMarkdown(broken).problems.join('\n');
    expect(problems).toMatch(/line 4: 3 cells, header has 2/);
    expect(problems).toMatch(/line 6: a code span is not closed/);
    expect(problems).toMatch(/line 8: raw HTML outside a code span/);
    expect(problems).toMatch(/line 10: a code fence is never closed/);
  });
});
