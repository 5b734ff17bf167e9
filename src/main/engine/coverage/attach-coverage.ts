// Which run a coverage report belongs to (CLI.md, `vigil ingest`): coverage written with a run,
// in the run's folder or in a subfolder that holds no test results of its own (Vitest's and
// Jest's coverage/, build/reports/jacoco/...), attaches to it. "Written with" is judged by time:
// the report's own timestamp or its file time lies within COVERAGE_WINDOW_MS of the run's span
// (coverage is written after the tests, and big reports take a while). Own times are compared
// with own times and file times with file times. When a folder holds several runs, the nearest
// wins; a tie goes to the latest run (coverage.xml is overwritten by every run, so it is the
// last one's). Coverage no run claims becomes a coverage-only run.
import { dirname } from 'node:path';
import type { ParsedCoverage } from '../model/file-coverage.js';

export const COVERAGE_WINDOW_MS = 2 * 60_000;
/**
 * Coverage-only reports of one folder this close together are one run: a multi-module build
 * writes one JaCoCo report per module, minutes apart (jacoco-report's multi_module: 137 s).
 */
export const COVERAGE_ONLY_GAP_MS = 10 * 60_000;
/** How far above its own folder a coverage report looks for the run it belongs to. */
export const MAX_LEVELS_UP = 3;

export interface RunSlot {
  folder: string;
  /** The run's span from its reports' own timestamps, when they have them. */
  ownSpan: readonly [number, number] | null;
  /** The run's span from its reports' file times. */
  fileSpan: readonly [number, number];
  startedAtMs: number;
  /** Set for a run already in the store (its coverage arrives after it was stored). */
  storedRunId?: string;
}

export interface Attachment {
  /** Slot index → the coverage reports that belong to it. */
  attached: Map<number, ParsedCoverage[]>;
  orphans: ParsedCoverage[];
}

/** The report's own time, when it has one with a known time zone. */
export function ownTime(report: ParsedCoverage): number | null {
  const own = report.info.startedAt ? Date.parse(report.info.startedAt) : Number.NaN;
  return Number.isFinite(own) ? own : null;
}

/** The time a coverage-only run starts at: the report's own, else the file's. */
export function coverageTime(report: ParsedCoverage): number {
  return ownTime(report) ?? report.mtimeMs;
}

function gap(time: number, [start, end]: readonly [number, number]): number {
  return time < start ? start - time : time > end ? time - end : 0;
}

/**
 * Own times are compared with own times and file times with file times; the nearer counts. File
 * times keep a copied folder's reports together (all copied at once), and find the run of a
 * report whose own clock is naive local time read in another time zone (pytest's JUnit).
 */
function distance(report: ParsedCoverage, slot: RunSlot): number {
  const own = ownTime(report);
  const byFile = gap(report.mtimeMs, slot.fileSpan);
  return own !== null && slot.ownSpan ? Math.min(gap(own, slot.ownSpan), byFile) : byFile;
}

/** The folders a coverage report may belong to a run of: its own and those above it. */
export function candidateFolders(report: ParsedCoverage, root: string | null): string[] {
  const folders: string[] = [];
  let folder = dirname(report.path);
  for (let level = 0; level <= MAX_LEVELS_UP; level += 1) {
    folders.push(folder);
    const parent = dirname(folder);
    if (parent === folder || folder === root) break;
    folder = parent;
  }
  return folders;
}

/**
 * `stopAt(folder)` is the project root above a report (or null): a report never attaches to a
 * run above its own project.
 */
export function attachCoverage(slots: readonly RunSlot[], reports: readonly ParsedCoverage[], stopAt: (path: string) => string | null): Attachment {
  const byFolder = new Map<string, number[]>();
  slots.forEach((slot, index) => byFolder.set(slot.folder, [...(byFolder.get(slot.folder) ?? []), index]));
  const attached = new Map<number, ParsedCoverage[]>();
  const orphans: ParsedCoverage[] = [];
  for (const report of reports) {
    const index = findSlot(report, slots, byFolder, stopAt(report.path));
    if (index === null) orphans.push(report);
    else attached.set(index, [...(attached.get(index) ?? []), report]);
  }
  return { attached, orphans };
}

function findSlot(report: ParsedCoverage, slots: readonly RunSlot[], byFolder: Map<string, number[]>, root: string | null): number | null {
  let folder = dirname(report.path);
  for (let level = 0; level <= MAX_LEVELS_UP; level += 1) {
    const here = byFolder.get(folder);
    if (here) {
      // This folder holds test results: the report belongs to one of its runs or to none.
      let best: number | null = null;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const index of here) {
        const slot = slots[index];
        if (!slot) continue;
        const d = distance(report, slot);
        const later = best !== null && d === bestDistance && slot.startedAtMs >= (slots[best]?.startedAtMs ?? 0);
        if (d <= COVERAGE_WINDOW_MS && (d < bestDistance || later)) {
          best = index;
          bestDistance = d;
        }
      }
      return best;
    }
    const parent = dirname(folder);
    if (parent === folder || folder === root) return null;
    folder = parent;
  }
  return null;
}

/** Two coverage-only reports were written together: own times when both have them, else file times. */
function together(a: ParsedCoverage, b: ParsedCoverage): boolean {
  const ownA = ownTime(a);
  const ownB = ownTime(b);
  if (ownA !== null && ownB !== null) return Math.abs(ownA - ownB) <= COVERAGE_ONLY_GAP_MS;
  return Math.abs(a.mtimeMs - b.mtimeMs) <= COVERAGE_ONLY_GAP_MS;
}

/** Removes from `pending` and returns the reports written together with a member of `group`. */
function takeTogether(pending: ParsedCoverage[], group: readonly ParsedCoverage[]): ParsedCoverage[] {
  const joined = pending.filter((candidate) => group.some((member) => together(member, candidate)));
  for (const report of joined) pending.splice(pending.indexOf(report), 1);
  return joined;
}

/** Coverage-only reports of one folder written together make one run (a folder holds a handful). */
export function groupCoverageOnly(reports: readonly ParsedCoverage[]): ParsedCoverage[][] {
  const byFolder = new Map<string, ParsedCoverage[]>();
  for (const report of reports) byFolder.set(dirname(report.path), [...(byFolder.get(dirname(report.path)) ?? []), report]);
  const groups: ParsedCoverage[][] = [];
  for (const folderReports of byFolder.values()) {
    const pending = [...folderReports].sort((a, b) => coverageTime(a) - coverageTime(b) || a.path.localeCompare(b.path));
    for (let first = pending.shift(); first !== undefined; first = pending.shift()) {
      const group = [first];
      // Grow the group until no pending report was written with any of its members.
      for (let joined = takeTogether(pending, group); joined.length > 0; joined = takeTogether(pending, group)) group.push(...joined);
      groups.push(group);
    }
  }
  return groups;
}
