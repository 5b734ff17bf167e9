// Go cover profiles (`go test -coverprofile`): a "mode: set|count|atomic" line, then one line per
// block: "import/path/file.go:startLine.startCol,endLine.endCol numStatements count".
// Files are named by import path; the module path is stripped later (coverage/paths).
import type { CoverageSink } from '../../../model/raw-coverage.js';
import { readLines } from '../../../readers/read-lines.js';
import { ReportError, oneLine } from '../../../readers/report-error.js';
import type { ReportInput } from '../../../readers/report-reader.js';
import type { CoverageReader } from '../../coverage-reader.js';
import { MAX_LINE_NUMBER, lineNumber } from '../numbers.js';
import { fileFromBlocks, type Block, type CoverMode } from './go-blocks.js';

const MODE = /^mode: (set|count|atomic)\s*$/;
const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;
/** No Go block spans more lines than this; a larger span is a broken or hostile profile. */
const MAX_BLOCK_LINES = 100_000;

function isMode(text: string | undefined): text is CoverMode {
  return text === 'set' || text === 'count' || text === 'atomic';
}

function parseBlock(text: string, number: number): { file: string; block: Block } {
  const match = BLOCK.exec(text);
  if (!match) throw new ReportError(`line ${number}: not a cover profile block: ${JSON.stringify(oneLine(text, 80))}`);
  const [, file = '', sl, sc, el, ec, statements, count] = match;
  const where = `line ${number}`;
  const block: Block = {
    startLine: lineNumber(sl, where),
    startCol: Number(sc),
    endLine: Number(el),
    endCol: Number(ec),
    statements: Number(statements),
    count: Number(count),
  };
  if (block.endLine < block.startLine || block.endLine > MAX_LINE_NUMBER || block.endLine - block.startLine > MAX_BLOCK_LINES) {
    throw new ReportError(`${where}: block ${sl}.${sc},${el}.${ec} does not span a plausible range of lines`);
  }
  if (!Number.isSafeInteger(block.count) || !Number.isSafeInteger(block.statements)) throw new ReportError(`${where}: count out of range`);
  return { file, block };
}

export const goCoverprofileReader: CoverageReader = {
  format: 'go-coverprofile',

  matches(head: string): boolean {
    const [first, second] = head.split('\n', 2);
    return MODE.test(first ?? '') && (second === undefined || second.trim() === '' || BLOCK.test(second.trim()));
  },

  async read(input: ReportInput, sink: CoverageSink): Promise<void> {
    let mode: CoverMode | null = null;
    const byFile = new Map<string, Block[]>();
    for await (const { text: line, number, unterminated } of readLines(input)) {
      const text = line.trim();
      if (text === '') continue;
      const modeLine = MODE.exec(text);
      if (modeLine) {
        const found = modeLine[1];
        if (!isMode(found)) continue;
        // Profiles of several packages are often concatenated, each with its own mode line.
        if (mode !== null && found !== mode) throw new ReportError(`line ${number}: mode ${found} after mode ${mode}; one profile has one mode`);
        mode = found;
        continue;
      }
      if (mode === null) throw new ReportError(`line ${number}: a cover profile starts with "mode: set|count|atomic"`);
      // Go ends every line with a newline: a last line without one was cut off while written.
      if (unterminated) throw new ReportError(`truncated Go cover profile: line ${number} has no end of line`);
      const { file, block } = parseBlock(text, number);
      const blocks = byFile.get(file);
      if (blocks) blocks.push(block);
      else byFile.set(file, [block]);
    }
    if (mode === null) throw new ReportError('not a Go cover profile: no "mode:" line');
    const settled: CoverMode = mode;
    for (const [file, blocks] of byFile) sink.file(fileFromBlocks(file, blocks, settled));
  },
};
