// Reads one coverage file into a ParsedCoverage: streams it through its reader while hashing the
// same bytes, then checks the report's header against its files. Nothing is stored here.
import { createHash } from 'node:crypto';
import type { ParsedCoverage } from '../model/file-coverage.js';
import { NotAReportError, fileInput, readHead, whyUnrecognised, type FileHead } from '../ingest/read-report.js';
import { CollectingCoverageSink } from './collecting-coverage-sink.js';
import type { CoverageReader } from './coverage-reader.js';
import { totalsOf } from './coverage-totals.js';
import { headerDisagreements, headerWarning } from './header-check.js';
import { COVERAGE_READERS } from './registry.js';

export function detectCoverageReader(head: string, readers: readonly CoverageReader[] = COVERAGE_READERS): CoverageReader | null {
  return readers.find((reader) => reader.matches(head)) ?? null;
}

/** Reads `path` with `reader` (already chosen from `head`). Throws ReportError when it is bad. */
export async function readCoverageWith(path: string, head: FileHead, reader: CoverageReader): Promise<ParsedCoverage> {
  const hash = createHash('sha256');
  const sink = new CollectingCoverageSink();
  await reader.read(fileInput(path, hash), sink);
  const files = sink.files;
  const warnings = [...sink.warnings];
  const disagreement = headerWarning(headerDisagreements(sink.stated, totalsOf(files)));
  if (disagreement) warnings.push(disagreement);
  return {
    path,
    format: reader.format,
    size: head.size,
    mtimeMs: head.mtimeMs,
    sha256: hash.digest('hex'),
    info: sink.facts,
    header: sink.stated,
    files,
    warnings,
  };
}

/** Detects and reads one coverage file. Throws NotAReportError when no coverage reader claims it. */
export async function readCoverage(path: string, readers: readonly CoverageReader[] = COVERAGE_READERS): Promise<ParsedCoverage> {
  const head = await readHead(path);
  const reader = detectCoverageReader(head.text, readers);
  if (!reader) throw new NotAReportError(await whyUnrecognised(path, head));
  return readCoverageWith(path, head, reader);
}
