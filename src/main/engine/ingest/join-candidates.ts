// The stored runs that freshly read test reports may join (a watcher stores a run the moment its
// folder is quiet, and more of the same run can land later): runs of the same folder whose span
// comes within SAME_RUN_GAP_MS of a new report's (and, in turn, runs that close to those), and
// the run of a line-streamed report that grew since it was stored. Each is read again from its
// files; a run whose files are no longer what was stored (rewritten, deleted, unreadable) cannot be
// assembled again and is left as it is. Whether a candidate really joins is decided by the batch
// rule itself (join-runs.ts).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readAnyReport, type ReadOutcome } from '../coverage/read-any-report.js';
import type { SourceRecord } from '../model/assembled-run.js';
import type { ParsedCoverage } from '../model/file-coverage.js';
import type { ParsedReport } from '../model/normalised-report.js';
import { ReportError } from '../readers/report-error.js';
import type { StoredRunRef, StoredRunSources } from '../store/stored-run-sources.js';
import type { ReportCache } from './report-cache.js';
import { SAME_RUN_GAP_MS, reportSpan } from './assemble-runs.js';

/**
 * Stored runs looked at for one batch, at most: each is read again from disk. A folder holds a
 * handful of runs within seconds of a report; this only bounds a pathological one.
 */
const MAX_CANDIDATES = 64;

export interface JoinCandidate {
  runId: string;
  /** Its test reports as they are on disk now; a stream that grew is its new read (from the batch). */
  tests: ParsedReport[];
  coverage: ParsedCoverage[];
}

export async function joinCandidates(runs: StoredRunSources, fresh: readonly ParsedReport[], cache: ReportCache): Promise<JoinCandidate[]> {
  const freshByPath = new Map(fresh.map((report) => [report.path, report]));
  const looked = new Set<string>();
  const candidates: JoinCandidate[] = [];
  const spans: { folder: string; start: number; end: number }[] = fresh.map((report) => ({ folder: dirname(report.path), ...reportSpan(report) }));
  const consider = async (ref: StoredRunRef, folder: string): Promise<void> => {
    if (looked.has(ref.id) || looked.size >= MAX_CANDIDATES) return;
    looked.add(ref.id);
    const candidate = await readCandidate(ref, freshByPath, cache);
    if (!candidate) return;
    candidates.push(candidate);
    // Runs close to this one join through it, as reports chain into one cluster.
    spans.push({ folder, start: ref.startedAtMs - ref.durationMs, end: ref.startedAtMs + ref.durationMs });
  };
  for (const report of fresh) {
    const folder = dirname(report.path);
    const grown = runs.latestWithSourceAt(folder, report.path);
    if (grown) await consider(grown, folder);
  }
  for (let next = spans.shift(); next; next = spans.shift()) {
    for (const ref of runs.near(next.folder, next.start, next.end, SAME_RUN_GAP_MS)) await consider(ref, next.folder);
  }
  return candidates;
}

/**
 * Cheap and conservative (no report is parsed): could a lone report at `path` join a stored run?
 * True when a run of its folder still has all its files as stored, or when the report is a
 * larger version of a stored run's file (a stream written on). Such a report is read whole, so
 * that the join rules see it; any other is free to be streamed into a run of its own.
 */
export async function mayJoinStoredRun(runs: StoredRunSources, path: string): Promise<boolean> {
  const folder = dirname(path);
  const sizes = new Map<string, number | null>();
  const sizeOf = async (file: string): Promise<number | null> => {
    if (!sizes.has(file)) {
      // Gone or unreadable: it cannot be read again, so it matches nothing (null).
      const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
      sizes.set(file, info instanceof Error ? null : info.size);
    }
    return sizes.get(file) ?? null;
  };
  const stored = runs.latestWithSourceAt(folder, path)?.sources.find((source) => source.path === path);
  const size = await sizeOf(path);
  if (stored && size !== null && size > stored.size) return true;
  for (const files of runs.filesInFolder(folder).values()) {
    let intact = true;
    for (const file of files) intact &&= (await sizeOf(file.path)) === file.size;
    if (intact) return true;
  }
  return false;
}

/** The stored run's reports as they are now, or null when it cannot be assembled again from them. */
async function readCandidate(ref: StoredRunRef, freshByPath: ReadonlyMap<string, ParsedReport>, cache: ReportCache): Promise<JoinCandidate | null> {
  const tests: ParsedReport[] = [];
  const coverage: ParsedCoverage[] = [];
  for (const source of ref.sources) {
    const fresh = freshByPath.get(source.path);
    if (fresh) {
      // Changed since it was stored: it still holds this run only if it grew (a stream written on).
      if (source.kind !== 'tests' || !(await startsWithStored(source))) return null;
      tests.push(fresh);
      continue;
    }
    const read = await readUnchanged(source, cache);
    if (!read) return null;
    if (read.kind === 'tests') tests.push(read.report);
    else coverage.push(read.coverage);
  }
  return tests.length > 0 ? { runId: ref.id, tests, coverage } : null;
}

/** The stored file read again, or null when it is gone, unreadable or no longer what was stored. */
async function readUnchanged(source: SourceRecord, cache: ReportCache): Promise<ReadOutcome | null> {
  // Gone, unreadable or resized: the run cannot be assembled again from it.
  const info = await stat(source.path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error || info.size !== source.size) return null;
  const kept = cache.get(source.path, info.size, info.mtimeMs, source.sha256);
  if (kept) return kept;
  let read: ReadOutcome;
  try {
    read = await readAnyReport(source.path);
  } catch (error) {
    // The file is no longer a report it was (rewritten meanwhile): the run stays as stored.
    if (error instanceof ReportError) return null;
    throw error;
  }
  const sha256 = read.kind === 'tests' ? read.report.sha256 : read.coverage.sha256;
  if (sha256 !== source.sha256) return null;
  cache.put(read);
  return read;
}

/** True when the file's first `source.size` bytes are the stored content (it was appended to). */
async function startsWithStored(source: SourceRecord): Promise<boolean> {
  const info = await stat(source.path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error || info.size <= source.size) return false;
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(source.path, { start: 0, end: source.size - 1, highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  } catch (error) {
    // Gone or unreadable since the stat: then it does not hold the stored run any more.
    if ((error as NodeJS.ErrnoException).code !== undefined) return false;
    throw error;
  }
  return hash.digest('hex') === source.sha256;
}
