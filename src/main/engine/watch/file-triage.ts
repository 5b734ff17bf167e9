// A first look at each changed file before it is ingested: gone already (a temporary file
// renamed into place), empty (just created; the runner writes next), a line-streamed report
// that may still be growing, or ready to read.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { ReportError } from '../readers/report-error.js';
import type { TestReportFormat } from '../readers/report-reader.js';
import { detectCoverageReader } from '../coverage/read-coverage.js';
import { detectReader, readHead } from '../ingest/read-report.js';

/** Formats written line by line while the tests run: every prefix of them parses. */
const STREAMED_FORMATS: ReadonlySet<TestReportFormat> = new Set(['go-test-json', 'tap', 'dart-json']);

export interface FileFacts {
  size: number;
  mtimeMs: number;
}

export type Triage =
  | { kind: 'gone' }
  | { kind: 'not-a-file' }
  | ({ kind: 'unreadable'; error: string } & FileFacts)
  | ({ kind: 'empty' } & FileFacts)
  | ({ kind: 'streamed'; format: TestReportFormat } & FileFacts)
  | ({ kind: 'ready' } & FileFacts);

export async function triageFile(path: string): Promise<Triage> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === 'ENOENT' || info.code === 'ENOTDIR') return { kind: 'gone' };
    return { kind: 'unreadable', error: `cannot read file (${info.code ?? info.message})`, size: 0, mtimeMs: 0 };
  }
  if (!info.isFile()) return { kind: 'not-a-file' };
  const facts = { size: info.size, mtimeMs: info.mtimeMs };
  // A report the runner wrote with a mode we may not read is a problem to show, not to retry.
  const readable = await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) => error);
  if (readable instanceof Error) {
    if (readable.code === 'ENOENT') return { kind: 'gone' };
    return { kind: 'unreadable', error: `cannot read file (${readable.code ?? readable.message})`, ...facts };
  }
  if (info.size === 0) return { kind: 'empty', ...facts };
  const format = await sniffFormat(path);
  if (format !== null && STREAMED_FORMATS.has(format)) return { kind: 'streamed', format, ...facts };
  return { kind: 'ready', ...facts };
}

/** The head of the file, or null when there is none to look at (empty, binary, vanished, unreadable). */
async function headText(path: string): Promise<string | null> {
  try {
    return (await readHead(path)).text;
  } catch (error) {
    // Ingestion names these problems itself when they matter.
    if (error instanceof ReportError || (error as NodeJS.ErrnoException).code !== undefined) return null;
    throw error;
  }
}

/** The test-report format the content claims, or null (not a report, not yet one, or unreadable). */
export async function sniffFormat(path: string): Promise<TestReportFormat | null> {
  const head = await headText(path);
  return head === null ? null : (detectReader(head)?.format ?? null);
}

/** True when a test-result or coverage reader claims the file: a report, even if a broken one. */
export async function claimedByAReader(path: string): Promise<boolean> {
  const head = await headText(path);
  return head !== null && (detectReader(head) !== null || detectCoverageReader(head) !== null);
}

/** Unchanged since `facts` were taken (same size and modification time)? A vanished file has changed. */
export async function unchangedSince(path: string, facts: FileFacts): Promise<boolean> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) return info.code !== 'ENOENT' && info.code !== 'ENOTDIR';
  return info.size === facts.size && info.mtimeMs === facts.mtimeMs;
}
