// `vigil ingest`: read every candidate file (test results or coverage), skip content already
// stored, assemble runs (coverage attached to its run), store
// each run in its own transaction. One bad file never stops the batch and never leaves a
// partial run: it becomes one error line naming the file. With `join` (the watcher), new reports
// also join the stored runs they belong to (join-runs.ts), which are then replaced.
import type { IngestOutcome, RunSummary } from '../../../shared/types.js';
import type { ParsedCoverage } from '../model/file-coverage.js';
import type { ParsedReport } from '../model/normalised-report.js';
import { readAnyReport, type ReadOutcome } from '../coverage/read-any-report.js';
import { ReportError } from '../readers/report-error.js';
import type { RunQueries } from '../store/run-queries.js';
import type { RunReplacer } from '../store/run-replacer.js';
import type { RunWriter } from '../store/run-writer.js';
import type { StoredRunSources } from '../store/stored-run-sources.js';
import type { ReportCache } from './report-cache.js';
import { expandPaths } from './expand-paths.js';
import { joinCandidates, mayJoinStoredRun, type JoinCandidate } from './join-candidates.js';
import { planRuns, type PlannedWrite } from './join-runs.js';
import { ProjectResolver } from './project-name.js';
import { NotAReportError, detectReader, readHead, type FileHead } from './read-report.js';
import type { ParseWorkerFactory } from './stream/parse-worker-factory.js';
import type { StreamLimits } from './stream/stream-messages.js';
import { streamReport } from './stream/stream-report.js';

export interface IngestDeps {
  queries: RunQueries;
  writer: RunWriter;
  /** Starts the parse worker; without it every file is read whole before it is stored. */
  startParseWorker?: ParseWorkerFactory | null;
  /** Smallest lone report that is streamed (STREAM_MIN_BYTES unless a test says otherwise). */
  streamMinBytes?: number;
  /** What the parse worker may hold in memory (STREAM_LIMITS unless a test says otherwise). */
  streamLimits?: Partial<StreamLimits>;
  /**
   * New reports join the stored runs they belong to by the batch rule (the watcher: it stores a
   * run before all of it has landed). Without it each call assembles only what it is given.
   */
  join?: RunJoining | null;
}

export interface RunJoining {
  runs: StoredRunSources;
  replacer: RunReplacer;
  /** Reports read before, reused while their files are unchanged (report-cache.ts). */
  cache: ReportCache;
}

/** A RUN of the outcome that replaced stored runs: their ids (CLI.md, `vigil watch`). */
export type ReplacingRun = RunSummary & { replaces: string[] };

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
  // A report that may join a stored run is read whole: joining needs it parsed beside that run's.
  if (deps.join && (await mayJoinStoredRun(deps.join.runs, path))) return null;
  const streamed = await streamReport(
    { queries: deps.queries, writer: deps.writer, startWorker: deps.startParseWorker, limits: deps.streamLimits },
    path,
    reader.format,
    projects,
    project,
  );
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
  // Their run is looked up once the batch is stored: it may be one this batch replaced or wrote.
  const duplicates: { path: string; sha256: string }[] = [];
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
    deps.join?.cache.put(read);
    outcome.warnings.push(...parsed.warnings.map((warning) => ({ path: file.path, warning })));
    if (deps.queries.runIdForSha(parsed.sha256) || seenInBatch.has(parsed.sha256)) duplicates.push({ path: file.path, sha256: parsed.sha256 });
    else {
      seenInBatch.add(parsed.sha256);
      if (read.kind === 'tests') fresh.push(read.report);
      else freshCoverage.push(read.coverage);
    }
  }

  const candidates: JoinCandidate[] = deps.join ? await joinCandidates(deps.join.runs, fresh, deps.join.cache) : [];
  const { writes, attachments } = planRuns(fresh, freshCoverage, candidates, projects, project, (folders) => deps.queries.uncoveredRunSlots(folders));
  const freshPaths = new Set([...fresh, ...freshCoverage].map((report) => report.path));
  for (const write of writes) storeWrite(deps, write, freshPaths, outcome);
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
  for (const duplicate of duplicates) {
    const runId = deps.queries.runIdForSha(duplicate.sha256);
    if (runId) outcome.duplicates.push({ path: duplicate.path, runId });
  }
  return outcome;
}

/** Stores one planned write; a failure rolls it back whole and names the new files. */
function storeWrite(deps: IngestDeps, write: PlannedWrite, freshPaths: ReadonlySet<string>, outcome: IngestOutcome): void {
  if (write.replaces.length === 0) {
    for (const { run } of write.runs) {
      try {
        deps.writer.write(run);
      } catch (error) {
        // The transaction rolled back: nothing of this run is stored.
        const message = `could not store run (${(error as Error).message})`;
        for (const source of run.sources) outcome.errors.push({ path: source.path, error: message });
        continue;
      }
      announce(deps, run.id, null, outcome);
      outcome.warnings.push(...(run.coverage?.warnings ?? []));
    }
    return;
  }
  if (!deps.join) throw new Error('ingest: a run to replace without a replacer');
  try {
    deps.join.replacer.replace(
      write.replaces,
      write.runs.map(({ run }) => run),
    );
  } catch (error) {
    // Rolled back: the stored runs are as they were. Only the new files failed; the stored ones
    // are fine and keep their run.
    const message = `could not store run (${(error as Error).message}); ${write.replaces.join(', ')} kept as stored`;
    for (const { run } of write.runs) {
      for (const source of run.sources) if (freshPaths.has(source.path)) outcome.errors.push({ path: source.path, error: message });
    }
    return;
  }
  for (const { run, replaces } of write.runs) {
    announce(deps, run.id, replaces, outcome);
    outcome.warnings.push(...(run.coverage?.warnings ?? []));
  }
}

function announce(deps: IngestDeps, runId: string, replaces: string[] | null, outcome: IngestOutcome): void {
  const stored = deps.queries.runById(runId);
  if (!stored) return;
  if (replaces === null || replaces.length === 0) {
    outcome.runs.push(stored);
    return;
  }
  const replacing: ReplacingRun = { ...stored, replaces };
  outcome.runs.push(replacing);
}

