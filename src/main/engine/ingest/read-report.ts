// Reads one file into a ParsedReport: checks it is text, detects its format from content,
// streams it through the reader while hashing the same bytes, and normalises the results.
// Any problem becomes a ReportError with one line; nothing is stored here.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { RawRunInfo, RawTestResult, ResultSink } from '../model/raw-result.js';
import type { ParsedReport } from '../model/normalised-report.js';
import { TestNormaliser, countTotals } from '../model/normalise-report.js';
import type { ReportInput, ReportReader } from '../readers/report-reader.js';
import { ReportError } from '../readers/report-error.js';
import { TEST_READERS } from '../readers/registry.js';
import { jsonSyntaxProblem } from '../readers/json/json-document.js';
import { readFile } from 'node:fs/promises';

export const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** A file that is readable text but no format claims: skipped quietly inside a folder walk. */
export class NotAReportError extends ReportError {
  override name = 'NotAReportError';
}

export interface FileHead {
  size: number;
  mtimeMs: number;
  /** The first bytes decoded, BOM and leading whitespace removed. */
  text: string;
}

export async function readHead(path: string): Promise<FileHead> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new ReportError(error.code === 'ENOENT' ? 'file does not exist' : `cannot read file (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw new ReportError('not a regular file');
  if (info.size === 0) throw new ReportError('file is empty');
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ReportError(`cannot read file (${error.code ?? error.message})`);
  });
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.includes(0)) throw new NotAReportError('binary file (contains NUL bytes), not a test report');
    // Not fatal here: the head may end inside a multi-byte character. read() validates it all.
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '').trimStart();
    if (text === '') throw new ReportError('file is empty (only whitespace)');
    return { size: info.size, mtimeMs: info.mtimeMs, text };
  } finally {
    await handle.close();
  }
}

export function detectReader(head: string, readers: readonly ReportReader[] = TEST_READERS): ReportReader | null {
  return readers.find((reader) => reader.matches(head)) ?? null;
}

/** The file's bytes; an I/O failure midway (EIO, a file removed under us) becomes a ReportError. */
async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await chunks.next();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ReportError(`cannot read file (${code ?? (error as Error).message})`);
      }
      if (next.done) return;
      yield next.value as Buffer;
    }
  } finally {
    // A reader that stops early (bad content) must not leave the file open.
    stream.destroy();
  }
}

/** Streams the file as validated UTF-8 text while hashing its bytes. */
export function fileInput(path: string, hash: ReturnType<typeof createHash>): ReportInput {
  return {
    path,
    async *text() {
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      let offset = 0;
      for await (const chunk of readChunks(path)) {
        const bytes = chunk;
        hash.update(bytes);
        // On the bytes (memchr), not the decoded text: in UTF-8 a 0 byte is always U+0000.
        if (bytes.includes(0)) throw new ReportError('binary content (NUL byte), not a test report');
        let text: string;
        try {
          text = decoder.decode(bytes, { stream: true });
        } catch (error) {
          throw new ReportError(`invalid UTF-8 in bytes ${offset}-${offset + bytes.length} (${(error as Error).message})`);
        }
        offset += bytes.length;
        yield text;
      }
      try {
        const rest = decoder.decode();
        if (rest) yield rest;
      } catch (error) {
        throw new ReportError(`truncated UTF-8 at the end of the file (${(error as Error).message})`);
      }
    },
  };
}

/** Run facts a reader reports several times: earlier values win, later ones fill gaps. */
export function mergeRunInfo(into: RawRunInfo, info: RawRunInfo): void {
  if (info.startedAt !== undefined) into.startedAt ??= info.startedAt;
  if (info.durationMs !== undefined) into.durationMs ??= info.durationMs;
  if (info.hostname !== undefined) into.hostname ??= info.hostname;
  if (info.properties) into.properties = { ...info.properties, ...into.properties };
}

/** A sink that normalises what a reader pushes as it comes; nothing is stored from here. */
export class CollectingSink implements ResultSink {
  readonly tests = new TestNormaliser();
  readonly info: RawRunInfo = {};
  readonly warnings: string[] = [];

  runInfo(info: RawRunInfo): void {
    mergeRunInfo(this.info, info);
  }

  test(result: RawTestResult): void {
    this.tests.add(result);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}

/** Small enough to parse whole just to say where broken JSON breaks. */
const MAX_DIAGNOSED_JSON_BYTES = 8 * 1024 * 1024;

/** "Not a report" says more when the file is JSON that does not even parse. */
export async function whyUnrecognised(path: string, head: FileHead): Promise<string> {
  const unknown = 'not a recognised test report (unknown format)';
  if (!/^[[{]/.test(head.text) || head.size > MAX_DIAGNOSED_JSON_BYTES) return unknown;
  const problem = jsonSyntaxProblem((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  return problem ? `${problem}; not a recognised test report` : unknown;
}

/**
 * Reads and normalises one test-result file. Throws NotAReportError when no reader claims it,
 * ReportError when it is claimed but bad.
 */
export async function readReport(path: string, readers: readonly ReportReader[] = TEST_READERS): Promise<ParsedReport> {
  const head = await readHead(path);
  const reader = detectReader(head.text, readers);
  if (!reader) throw new NotAReportError(await whyUnrecognised(path, head));
  const hash = createHash('sha256');
  const sink = new CollectingSink();
  await reader.read(fileInput(path, hash), sink);
  const tests = sink.tests.result();
  return {
    path,
    format: reader.format,
    size: head.size,
    mtimeMs: head.mtimeMs,
    sha256: hash.digest('hex'),
    info: sink.info,
    tests,
    totals: countTotals(tests),
    warnings: sink.warnings,
  };
}
