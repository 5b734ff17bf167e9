// Renders parse-markdown.ts's tree as React elements. Text only ever becomes text nodes: there
// is no HTML string anywhere, so nothing a report carries can run or load anything.
import { Fragment, type ReactNode } from 'react';
import type { Block, Inline, ListItem } from './parse-markdown.js';

function inlines(items: readonly Inline[]): ReactNode {
  return items.map((item, index) => {
    switch (item.kind) {
      case 'text':
        return <Fragment key={index}>{item.text}</Fragment>;
      case 'code':
        return <code key={index}>{item.text}</code>;
      case 'strong':
        return <strong key={index}>{inlines(item.children)}</strong>;
      case 'em':
        return <em key={index}>{inlines(item.children)}</em>;
    }
  });
}

function List({ items }: { items: readonly ListItem[] }) {
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index}>
          {inlines(item.content)}
          {item.children.length > 0 && <List items={item.children} />}
        </li>
      ))}
    </ul>
  );
}

const ALIGN_CLASS = { left: 'align-left', right: 'num', center: 'align-center' } as const;

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      // The report's own h1 sits under the screen's h1: every level moves down one.
      const level = Math.min(6, block.level + 1);
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag>{inlines(block.content)}</Tag>;
    }
    case 'paragraph':
      return <p>{inlines(block.content)}</p>;
    case 'rule':
      return <hr />;
    case 'list':
      return <List items={block.items} />;
    case 'table':
      return (
        <div className="table-scroll">
          <table className="md-table">
            <thead>
              <tr>
                {block.header.map((cell, index) => (
                  <th key={index} scope="col" className={block.align[index] ? ALIGN_CLASS[block.align[index]] : undefined}>
                    {inlines(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td key={index} className={block.align[index] ? ALIGN_CLASS[block.align[index]] : undefined}>
                      {inlines(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function MarkdownView({ blocks, label }: { blocks: readonly Block[]; label: string }) {
  return (
    <article className="markdown" aria-label={label}>
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </article>
  );
}
