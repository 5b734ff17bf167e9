// Go cover profile blocks of one file, turned into lines the way gocover-cobertura and gcov2lcov
// count them (checked against gocover-cobertura's golden.xml files): blocks sorted by start, the
// same block listed twice (profiles of several test binaries) merged as golang.org/x/tools/cover
// merges them (set: either ran; count/atomic: counts added), then every line from a block's
// start line to its end line is a line, covered when any block on it ran.
import type { RawFileCoverage } from '../../../model/raw-coverage.js';
import { LineTable } from '../../line-table.js';

export type CoverMode = 'set' | 'count' | 'atomic';

export interface Block {
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
  statements: number;
  count: number;
}

function sameSpan(a: Block, b: Block): boolean {
  return a.startLine === b.startLine && a.startCol === b.startCol && a.endLine === b.endLine && a.endCol === b.endCol;
}

export function mergeBlocks(blocks: Block[], mode: CoverMode): Block[] {
  const sorted = [...blocks].sort((a, b) => a.startLine - b.startLine || a.startCol - b.startCol);
  const merged: Block[] = [];
  for (const block of sorted) {
    const last = merged[merged.length - 1];
    if (last && sameSpan(last, block)) {
      last.count = mode === 'set' ? (last.count > 0 || block.count > 0 ? 1 : 0) : last.count + block.count;
    } else {
      merged.push({ ...block });
    }
  }
  return merged;
}

export function fileFromBlocks(path: string, blocks: Block[], mode: CoverMode): RawFileCoverage {
  const table = new LineTable();
  const statements = { covered: 0, valid: 0 };
  for (const block of mergeBlocks(blocks, mode)) {
    for (let line = block.startLine; line <= block.endLine; line += 1) table.line(line, block.count);
    statements.valid += block.statements;
    if (block.count > 0) statements.covered += block.statements;
  }
  // Go profiles have no branch or function data; `go tool cover -func` counts statements.
  return table.toFile(path, { branches: null, functions: null, statements });
}
