// Groups parsed reports into runs the way runners write them (CLI.md, `vigil ingest`):
// - reports of one folder whose time spans touch are one run (Surefire's TEST-*.xml per class,
//   shards written together); reports of one folder with separate start times are separate runs;
// - two reports of one run written by two reporters (Vitest's JUnit + JSON) hold the same
//   tests: they are recognised by identical totals and counted once;
// - runs in different folders stay different runs;
// - coverage written with a run attaches to it (coverage/attach-coverage.ts), its formats are
//   combined into one coverage (coverage/combine-coverage.ts); coverage no run claims makes a
//   coverage-only run.
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { attachCoverage, candidateFolders, groupCoverageOnly, type RunSlot } from '../coverage/attach-coverage.js';
import { combineCoverage } from '../coverage/combine-coverage.js';
import type { AssembledRun, SourceRecord } from '../model/assembled-run.js';
import type { ParsedCoverage } from '../model/file-coverage.js';
import type { NormalisedTest, ParsedReport } from '../model/normalised-report.js';
import type { RawRunInfo } from '../model/raw-result.js';
import { countTotals } from '../model/normalise-report.js';
import { testId } from '../model/test-identity.js';
import type { TestReportFormat } from '../readers/report-reader.js';
import { mergeKeptTogether } from './keep-together.js';
import { CombineContexts, coverageOnlyRun, coverageSources, withCoverage, type AssembledBatch, type StoredAttachment, type StoredRunSlots } from './coverage-runs.js';
import type { ProjectResolver } from './project-name.js';
import { runId } from './run-id.js';

export type { AssembledBatch, StoredAttachment, StoredRunSlots } from './coverage-runs.js';

/** Reports whose spans are closer than this belong to one run (classes run back to back). */
export const SAME_RUN_GAP_MS = 5_000;

/** When two reporters wrote the same run, keep the richer format's results. */
const FORMAT_PREFERENCE: Record<TestReportFormat, number> = {
  'jest-json': 0,
  'pytest-json': 1,
  'go-test-json': 2,
  'rspec-json': 3,
  'mocha-json': 4,
  'dart-json': 5,
  'ctrf-json': 6,
  trx: 7,
  'nunit-xml': 8,
  'xunit-xml': 9,
  tap: 10,
  'junit-xml': 11,
};

interface Timed {
  report: ParsedReport;
  /** Start used for display: the report's own time, else the file's mtime. */
  startedAtMs: number;
  /** Span used for grouping. Without an own timestamp the file was written at the end. */
  spanStart: number;
  spanEnd: number;
}

export function assembleRuns(
  reports: readonly ParsedReport[],
  projects: ProjectResolver,
  projectName?: string,
  coverage: readonly ParsedCoverage[] = [],
): AssembledRun[] {
  return assembleBatch(reports, projects, projectName, coverage).runs;
}

/**
 * The runs of one batch of files, and the coverage that belongs to runs stored before (a watcher
 * stores a run's tests first and sees its coverage land seconds later). Each group of paths in
 * `keepTogether` ends up in one run (a stored run assembled again: join-runs.ts).
 */
export function assembleBatch(
  reports: readonly ParsedReport[],
  projects: ProjectResolver,
  projectName?: string,
  coverage: readonly ParsedCoverage[] = [],
  storedRuns?: StoredRunSlots,
  keepTogether: readonly (readonly string[])[] = [],
): AssembledBatch {
  const byFolder = new Map<string, ParsedReport[]>();
  for (const report of reports) {
    const folder = dirname(report.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), report]);
  }
  const built: { run: AssembledRun; slot: RunSlot; own: ParsedCoverage[] }[] = [];
  for (const [folder, folderReports] of byFolder) {
    const clusters = mergeKeptTogether(clusterByTime(folderReports.map(timed)), (item) => item.report.path, keepTogether);
    // In time order, as clusterByTime leaves them: the first report names the run's format.
    for (const cluster of clusters.map((merged) => merged.sort(byStart))) {
      const run = buildRun(folder, cluster, projects, projectName);
      // A Jest report with --coverage carries its run's coverage inside it.
      const own = cluster.flatMap((item) => (item.report.coverage ? [item.report.coverage] : []));
      built.push({ run, slot: runSlot(folder, cluster, run.startedAtMs), own });
    }
  }
  const rootOf = (path: string): string | null => projects.forReport(path).root;
  const folders = new Set(coverage.flatMap((report) => candidateFolders(report, rootOf(report.path))));
  const stored = storedRuns && folders.size > 0 ? storedRuns([...folders]) : [];
  const { attached, orphans } = attachCoverage([...built.map((item) => item.slot), ...stored], coverage, rootOf);
  const contexts = new CombineContexts();
  const runs = built.map(({ run, own }, index) => {
    const reportsOfRun = [...own, ...(attached.get(index) ?? [])];
    if (reportsOfRun.length === 0) return run;
    const root = run.sources[0] ? rootOf(run.sources[0].path) : null;
    return withCoverage(run, reportsOfRun, contexts.of(root ?? run.folder));
  });
  const attachments: StoredAttachment[] = [];
  stored.forEach((slot, offset) => {
    const reportsOfRun = attached.get(built.length + offset);
    const first = reportsOfRun?.[0];
    if (!reportsOfRun || !first || !slot.storedRunId) return;
    const coverageOfRun = combineCoverage(reportsOfRun, contexts.of(rootOf(first.path) ?? slot.folder));
    attachments.push({ runId: slot.storedRunId, coverage: coverageOfRun, sources: coverageSources(reportsOfRun) });
  });
  for (const group of groupCoverageOnly(orphans)) runs.push(coverageOnlyRun(group, projects, contexts, projectName));
  return { runs: runs.sort((a, b) => a.startedAtMs - b.startedAtMs), attachments };
}

function runSlot(folder: string, cluster: Timed[], startedAtMs: number): RunSlot {
  const owned = cluster.filter((item) => item.report.info.startedAt !== undefined && Number.isFinite(Date.parse(item.report.info.startedAt)));
  return {
    folder,
    ownSpan: owned.length > 0 ? [Math.min(...owned.map((item) => item.spanStart)), Math.max(...owned.map((item) => item.spanEnd))] : null,
    fileSpan: [
      Math.min(...cluster.map((item) => item.report.mtimeMs - reportDuration(item.report))),
      Math.max(...cluster.map((item) => item.report.mtimeMs)),
    ],
    startedAtMs,
  };
}

/** Longer than any real run: such a duration is a writer's bug (seen: 62 years) and is ignored. */
const MAX_PLAUSIBLE_DURATION_MS = 7 * 24 * 3600 * 1000;

function reportDuration(report: ParsedReport): number {
  return durationOfReport(report.info, report.tests.reduce((total, test) => total + (test.durationMs ?? 0), 0));
}

/** A report's duration: its own figure where plausible, else the sum of its tests' durations. */
export function durationOfReport(info: RawRunInfo, testDurationSum: number): number {
  const own = info.durationMs;
  if (own !== undefined && own <= MAX_PLAUSIBLE_DURATION_MS) return own;
  return testDurationSum <= MAX_PLAUSIBLE_DURATION_MS ? testDurationSum : 0;
}

/** When a report's run started: its own timestamp, else its file's mtime. */
export function startOfReport(info: RawRunInfo, mtimeMs: number): number {
  const own = info.startedAt ? Date.parse(info.startedAt) : Number.NaN;
  return Number.isFinite(own) ? own : mtimeMs;
}

function timed(report: ParsedReport): Timed {
  const own = report.info.startedAt ? Date.parse(report.info.startedAt) : Number.NaN;
  const duration = reportDuration(report);
  if (Number.isFinite(own)) return { report, startedAtMs: own, spanStart: own, spanEnd: own + duration };
  return { report, startedAtMs: report.mtimeMs, spanStart: report.mtimeMs - duration, spanEnd: report.mtimeMs };
}

/** The time span a report is grouped by (its own start and duration, else its file time). */
export function reportSpan(report: ParsedReport): { start: number; end: number } {
  const { spanStart, spanEnd } = timed(report);
  return { start: spanStart, end: spanEnd };
}

function byStart(a: Timed, b: Timed): number {
  return a.spanStart - b.spanStart || a.report.path.localeCompare(b.report.path);
}

function clusterByTime(items: Timed[]): Timed[][] {
  const sorted = [...items].sort(byStart);
  const clusters: Timed[][] = [];
  let current: Timed[] = [];
  let currentEnd = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    if (current.length > 0 && item.spanStart > currentEnd + SAME_RUN_GAP_MS) {
      clusters.push(current);
      current = [];
    }
    current.push(item);
    currentEnd = current.length === 1 ? item.spanEnd : Math.max(currentEnd, item.spanEnd);
  }
  if (current.length > 0) clusters.push(current);
  return clusters;
}

function sameTotals(a: ParsedReport, b: ParsedReport): boolean {
  return (
    a.totals.tests > 0 &&
    a.totals.tests === b.totals.tests &&
    a.totals.passed === b.totals.passed &&
    a.totals.failed === b.totals.failed &&
    a.totals.errored === b.totals.errored &&
    a.totals.skipped === b.totals.skipped
  );
}

/** Drops reports that repeat another report's run in another format; keeps the preferred one. */
function withoutMirrors(cluster: Timed[]): Timed[] {
  const ranked = [...cluster].sort((a, b) => FORMAT_PREFERENCE[a.report.format] - FORMAT_PREFERENCE[b.report.format]);
  const kept: Timed[] = [];
  for (const item of ranked) {
    const mirrored = kept.some((other) => other.report.format !== item.report.format && sameTotals(other.report, item.report));
    if (!mirrored) kept.push(item);
  }
  return cluster.filter((item) => kept.includes(item));
}

function buildRun(folder: string, cluster: Timed[], projects: ProjectResolver, projectName?: string): AssembledRun {
  const kept = withoutMirrors(cluster);
  const first = kept[0] ?? cluster[0];
  if (!first) throw new Error('assembleRuns: an empty cluster cannot become a run');
  const guess = projects.forReport(first.report.path);
  const tests = new Map<string, NormalisedTest>();
  for (const item of kept) {
    for (const test of item.report.tests) {
      const settled = guess.root ? relativeToRoot(test, guess.root) : test;
      tests.set(settled.id, settled);
    }
  }
  const sources: SourceRecord[] = cluster.map(({ report }) => ({
    path: report.path,
    size: report.size,
    mtimeMs: report.mtimeMs,
    sha256: report.sha256,
    format: report.format,
    kind: 'tests',
  }));
  const startedAtMs = Math.min(...cluster.map((item) => item.startedAtMs));
  const spanStart = Math.min(...kept.map((item) => item.spanStart));
  const spanEnd = Math.max(...kept.map((item) => item.spanEnd));
  const properties: Record<string, string> = {};
  for (const item of kept) Object.assign(properties, item.report.info.properties ?? {});
  const testList = [...tests.values()];
  return {
    id: runId(sources),
    project: projectName ?? guess.name,
    projectRoot: projectName ? null : guess.root,
    folder,
    startedAtMs,
    durationMs: kept.length === 1 ? reportDuration(first.report) : spanEnd - spanStart,
    format: first.report.format,
    hostname: kept.map((item) => item.report.info.hostname).find((name) => name !== undefined) ?? null,
    properties,
    sources,
    tests: testList,
    totals: countTotals(testList),
    coverage: null,
  };
}

/**
 * Absolute test file paths inside the project become relative to its root, so a test keeps its
 * id when the project is checked out elsewhere (a CI runner, another developer's machine).
 */
export function relativeToRoot(test: NormalisedTest, root: string): NormalisedTest {
  if (!test.file || !isAbsolute(test.file) || !test.file.startsWith(root + sep)) return test;
  const file = relative(root, test.file).split(sep).join('/');
  return { ...test, file, id: testId(test.suite, test.name, file) };
}
