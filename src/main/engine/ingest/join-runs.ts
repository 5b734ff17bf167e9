// Run assembly for a batch of new reports that may belong to runs stored before (the watcher's
// case: Surefire writes a class's TEST-*.xml seconds after the previous one; a go test -json
// stream grows after it was stored). The rule is the batch rule of assemble-runs.ts, applied to
// the new reports and the stored runs' reports together: a stored run that ends up in one run with
// a new report is replaced by that run, which is assembled from all its reports again. A stored run
// is never split: its reports are kept together.
import type { AssembledRun } from '../model/assembled-run.js';
import type { ParsedCoverage } from '../model/file-coverage.js';
import type { ParsedReport } from '../model/normalised-report.js';
import { assembleBatch, type StoredAttachment, type StoredRunSlots } from './assemble-runs.js';
import type { JoinCandidate } from './join-candidates.js';
import type { ProjectResolver } from './project-name.js';

export interface PlannedRun {
  run: AssembledRun;
  /** The stored runs whose reports this run holds; empty for a run of new reports only. */
  replaces: string[];
}

/**
 * Runs written together: in one transaction with the stored runs they replace, or, when they
 * replace none, each in its own (as `vigil ingest` writes them).
 */
export interface PlannedWrite {
  replaces: string[];
  runs: PlannedRun[];
}

export interface JoinPlan {
  writes: PlannedWrite[];
  /** Coverage of stored runs that are not replaced (it landed after its run). */
  attachments: StoredAttachment[];
}

export function planRuns(
  fresh: readonly ParsedReport[],
  freshCoverage: readonly ParsedCoverage[],
  candidates: readonly JoinCandidate[],
  projects: ProjectResolver,
  projectName: string | undefined,
  storedSlots: StoredRunSlots,
): JoinPlan {
  const joined = joinedCandidates(fresh, candidates, projects, projectName);
  const joinedIds = new Set(joined.map((candidate) => candidate.runId));
  const reports = byPath([...fresh, ...joined.flatMap((candidate) => candidate.tests)]);
  const coverage = [...freshCoverage, ...joined.flatMap((candidate) => candidate.coverage)];
  // A replaced run's coverage is among the reports: it must not attach to the run as stored.
  const slots: StoredRunSlots = (folders) => storedSlots(folders).filter((slot) => slot.storedRunId === undefined || !joinedIds.has(slot.storedRunId));
  const { runs, attachments } = assembleBatch(reports, projects, projectName, coverage, slots, keptTogether(joined));
  return { writes: groupWrites(runs, joined), attachments };
}

/** The candidates that the batch rule puts in one run with a new report. */
function joinedCandidates(
  fresh: readonly ParsedReport[],
  candidates: readonly JoinCandidate[],
  projects: ProjectResolver,
  projectName: string | undefined,
): JoinCandidate[] {
  if (candidates.length === 0) return [];
  const freshPaths = new Set(fresh.map((report) => report.path));
  const reports = byPath([...fresh, ...candidates.flatMap((candidate) => candidate.tests)]);
  // Test results decide which reports are one run; coverage only follows them.
  const { runs } = assembleBatch(reports, projects, projectName, [], undefined, keptTogether(candidates));
  const withFresh = new Set(
    runs.filter((run) => run.sources.some((source) => freshPaths.has(source.path))).flatMap((run) => run.sources.map((source) => source.path)),
  );
  return candidates.filter((candidate) => candidate.tests.some((report) => withFresh.has(report.path)));
}

function keptTogether(candidates: readonly JoinCandidate[]): string[][] {
  return candidates.map((candidate) => candidate.tests.map((report) => report.path));
}

/** One report per path: a stream that grew is both new and part of its stored run. */
function byPath(reports: readonly ParsedReport[]): ParsedReport[] {
  return [...new Map(reports.map((report) => [report.path, report])).values()];
}

/** Runs that hold reports of one replaced run are written together (rare: its coverage went to another run). */
function groupWrites(runs: readonly AssembledRun[], joined: readonly JoinCandidate[]): PlannedWrite[] {
  const ownerOf = new Map<string, string>();
  for (const candidate of joined) {
    for (const report of [...candidate.tests, ...candidate.coverage]) ownerOf.set(report.path, candidate.runId);
  }
  const writes: PlannedWrite[] = [];
  const writeOf = new Map<string, PlannedWrite>();
  for (const run of runs) {
    const replaces = [...new Set(run.sources.flatMap((source) => ownerOf.get(source.path) ?? []))].sort();
    const planned: PlannedRun = { run, replaces };
    if (replaces.length === 0) {
      writes.push({ replaces: [], runs: [planned] });
      continue;
    }
    const merged: PlannedWrite = { replaces: [...replaces], runs: [planned] };
    for (const id of replaces) {
      const earlier = writeOf.get(id);
      if (!earlier || earlier === merged) continue;
      merged.replaces.push(...earlier.replaces);
      merged.runs.unshift(...earlier.runs);
      writes.splice(writes.indexOf(earlier), 1);
      for (const other of earlier.replaces) writeOf.set(other, merged);
    }
    merged.replaces = [...new Set(merged.replaces)].sort();
    for (const id of merged.replaces) writeOf.set(id, merged);
    writes.push(merged);
  }
  return writes;
}
