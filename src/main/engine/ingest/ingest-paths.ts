// `vigil ingest`: read every candidate file (test results or coverage), skip content already
// stored, assemble runs (coverage attached to its run), store
// each run in its own transaction. One bad file never stops the batch and never leaves a
// partial run: it becomes one error line naming the file.
import type { IngestOutcome } from '../../../shared/types.js';
import type { ParsedCoverage } from '../model/file-coverage.js';
import type { ParsedReport } from '../model/normalised-report.js';
import { readAnyReport, type ReadOutcome } from '../coverage/read-any-report.js';
import { ReportError } from '../readers/report-error.js';
import type { RunQueries } from '../store/run-queries.js';
import type { RunWriter } from '../store/run-writer.js';
import { assembleBatch } from './assemble-runs.js';
import { expandPaths } from './expand-paths.js';
import { ProjectResolver } from './project-name.js';
import { NotAReportError, detectReader, readHead, type FileHead } from './read-report.js';
import type { ParseWorkerFactory } from './stream/parse-worker-factory.js';
import { streamReport } from './stream/stream-report.js';

export interface IngestDeps {
  queries: RunQueries;
  writer: RunWriter;
  /** Starts the parse worker; without it every file is read whole before it is stored. */
  startParseWorker?: ParseWorkerFactory | null;
  /** Smallest lone report that is streamed (STREAM_MIN_BYTES unless a test says otherwise). */
  streamMinBytes?: number;
}

/**
 * From this size a lone test report is parsed on a worker thread while it is stored. Below it the
 * worker's start-up (~50 ms) costs more than the overlap gains.
 */
export const STREAM_MIN_BYTES = 4 * 1024 * 1024;

/**
 * A lone large test report is streamed into the store (stream-report.ts); null when it does not
 * qualify or streaming gave way to the ordinary path. Jest reports are excluded: their coverage
 * is read from the whole file.
 */
async function streamLoneReport(deps: IngestDeps, path: string, projects: ProjectResolver, project: string | undefined): Promise<IngestOutcome | null> {
  if (!deps.startParseWorker) return null;
  let head: FileHead;
  try {
    head = await readHead(path);
  } catch (error) {
    if (error instanceof ReportError) return null; // the ordinary path reports it
    throw error;
  }
  const reader = head.size >= (deps.streamMinBytes ?? STREAM_MIN_BYTES) ? detectReader(head.text) : null;
  if (!reader || reader.format === 'jest-json') return null;
  const streamed = await streamReport({ queries: deps.queries, writer: deps.writer, startWorker: deps.startParseWorker }, path, reader.format, projects, project);
  const outcome: IngestOutcome = { runs: [], duplicates: [], errors: [], warnings: [] };
  switch (streamed.kind) {
    case 'fallback':
      return null;
    case 'duplicate':
      outcome.duplicates.push({ path, runId: streamed.runId });
      return outcome;
    case 'error':
      outcome.errors.push({ path, error: streamed.error.message });
      return outcome;
    case 'stored': {
      const stored = deps.queries.runById(streamed.runId);
      if (stored) outcome.runs.push(stored);
      outcome.warnings.push(...streamed.warnings.map((warning) => ({ path, warning })));
      return outcome;
    }
  }
}

export async function ingestPaths(deps: IngestDeps, paths: readonly string[], project?: string): Promise<IngestOutcome> {
  const { files, errors } = await expandPaths(paths);
  const projects = new ProjectResolver();
  const lone = files.length === 1 && errors.length === 0 ? files[0] : undefined;
  const streamed = lone ? await streamLoneReport(deps, lone.path, projects, project) : null;
  if (streamed) return streamed;
  const outcome: IngestOutcome = { runs: [], duplicates: [], errors: [], warnings: [] };
  outcome.errors.push(...errors);

  const fresh: ParsedReport[] = [];
  const freshCoverage: ParsedCoverage[] = [];
  const pendingDuplicates: { path: string; sha256: string }[] = [];
  const seenInBatch = new Set<string>();
  for (const file of files) {
    let read: ReadOutcome;
    try {
      read = await readAnyReport(file.path);
    } catch (error) {
      if (error instanceof NotAReportError && !file.explicit) continue;
      if (error instanceof ReportError) {
        outcome.errors.push({ path: file.path, error: error.message });
        continue;
      }
      throw error;
    }
    const parsed = read.kind === 'tests' ? read.report : read.coverage;
    outcome.warnings.push(...parsed.warnings.map((warning) => ({ path: file.path, warning })));
    const storedIn = deps.queries.runIdForSha(parsed.sha256);
    if (storedIn) outcome.duplicates.push({ path: file.path, runId: storedIn });
    else if (seenInBatch.has(parsed.sha256)) pendingDuplicates.push({ path: file.path, sha256: parsed.sha256 });
    else {
      seenInBatch.add(parsed.sha256);
      if (read.kind === 'tests') fresh.push(read.report);
      else freshCoverage.push(read.coverage);
    }
  }

  const { runs, attachments } = assembleBatch(fresh, projects, project, freshCoverage, (folders) => deps.queries.uncoveredRunSlots(folders));
  for (const run of runs) {
    try {
      deps.writer.write(run);
    } catch (error) {
      // The transaction rolled back: nothing of this run is stored.
      const message = `could not store run (${(error as Error).message})`;
      for (const source of run.sources) outcome.errors.push({ path: source.path, error: message });
      continue;
    }
    const stored = deps.queries.runById(run.id);
    if (stored) outcome.runs.push(stored);
    outcome.warnings.push(...(run.coverage?.warnings ?? []));
  }
  // Coverage of runs stored before: the run is listed again, now with its coverage.
  for (const attachment of attachments) {
    try {
      deps.writer.attachCoverage(attachment);
    } catch (error) {
      const message = `could not store coverage of run ${attachment.runId} (${(error as Error).message})`;
      for (const source of attachment.sources) outcome.errors.push({ path: source.path, error: message });
      continue;
    }
    const stored = deps.queries.runById(attachment.runId);
    if (stored) outcome.runs.push(stored);
    outcome.warnings.push(...attachment.coverage.warnings);
  }
  for (const duplicate of pendingDuplicates) {
    const runId = deps.queries.runIdForSha(duplicate.sha256);
    if (runId) outcome.duplicates.push({ path: duplicate.path, runId });
  }
  return outcome;
}

