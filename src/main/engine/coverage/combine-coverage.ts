// The coverage reports attached to one run become the run's coverage:
// 1. every report's paths are made project-relative (paths/coverage-paths.ts);
// 2. reports of one format are parts of one coverage (JaCoCo per module, lcov shards): united;
// 3. formats whose files largely overlap are the same coverage written several times
//    (coverage.json + coverage.xml + lcov.info): the preferred format is used, the others are
//    checked against it and each disagreement is noted;
// 4. formats with different files (a Go backend's profile and a web front end's lcov) are
//    different coverage of one run: united.
// The run's totals are computed from the resulting files.
import { basename } from 'node:path';
import type { AssembledCoverage, CoverageReportRecord, FileCoverage, ParsedCoverage } from '../model/file-coverage.js';
import type { CoverageFormat } from './coverage-reader.js';
import { totalsOf } from './coverage-totals.js';
import { compareFormats, describeDisagreement } from './format-agreement.js';
import { COVERAGE_FORMAT_PREFERENCE } from './format-preference.js';
import { mergeFiles } from './merge-files.js';
import { PathMatcher } from './path-match.js';
import type { CoveragePaths } from './paths/coverage-paths.js';
import { commonDirectory, isAbsolutePath, toSlashes } from './paths/path-text.js';

/** Two formats are the same coverage when most files of the smaller one are in the other. */
export const SAME_COVERAGE_OVERLAP = 0.5;

export interface CombineContext {
  paths: CoveragePaths;
  /** The module path of go.mod at the project root, when there is one. */
  goModule: string | null;
}

interface FormatGroup {
  format: CoverageFormat;
  reports: ParsedCoverage[];
  files: Map<string, FileCoverage>;
}

function addFile(into: Map<string, FileCoverage>, file: FileCoverage): void {
  const seen = into.get(file.path);
  into.set(file.path, seen ? mergeFiles(seen, file) : file);
}

/** Go profiles name files by import path: drop the module path, else the profile's common prefix. */
function goPrefix(report: ParsedCoverage, goModule: string | null): string | undefined {
  if (report.format !== 'go-coverprofile') return undefined;
  const raw = report.files.map((file) => toSlashes(file.path));
  if (goModule && raw.some((path) => path.startsWith(`${goModule}/`))) return `${goModule}/`;
  if (raw.some((path) => isAbsolutePath(path) || path.startsWith('_/'))) return undefined;
  return commonDirectory(raw) || undefined;
}

export function normaliseReportFiles(report: ParsedCoverage, context: CombineContext): Map<string, FileCoverage> {
  const normalise = context.paths.forReport({ sourceRoots: report.info.sourceRoots, stripPrefix: goPrefix(report, context.goModule) });
  const files = new Map<string, FileCoverage>();
  for (const raw of report.files) addFile(files, { ...raw, path: normalise(raw.path) });
  return files;
}

function overlap(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  const matcher = new PathMatcher(large.keys());
  let shared = 0;
  for (const path of small.keys()) if (matcher.find(path) !== null) shared += 1;
  return shared / small.size;
}

function groupByFormat(reports: readonly ParsedCoverage[], normalised: Map<ParsedCoverage, Map<string, FileCoverage>>): FormatGroup[] {
  const groups = new Map<CoverageFormat, FormatGroup>();
  for (const report of reports) {
    const group: FormatGroup = groups.get(report.format) ?? { format: report.format, reports: [], files: new Map() };
    group.reports.push(report);
    for (const file of normalised.get(report)?.values() ?? []) addFile(group.files, file);
    groups.set(report.format, group);
  }
  return [...groups.values()].sort((a, b) => COVERAGE_FORMAT_PREFERENCE[a.format] - COVERAGE_FORMAT_PREFERENCE[b.format]);
}

/** Clusters of format groups holding the same coverage; the first of each cluster is used. */
function clusterGroups(groups: FormatGroup[]): FormatGroup[][] {
  const clusters: FormatGroup[][] = [];
  for (const group of groups) {
    const same = group.files.size === 0 ? clusters[0] : clusters.find((cluster) => overlap(cluster[0]?.files ?? new Map(), group.files) >= SAME_COVERAGE_OVERLAP);
    if (same) same.push(group);
    else clusters.push([group]);
  }
  return clusters;
}

function name(group: FormatGroup): string {
  return `${group.reports.map((report) => basename(report.path)).join(', ')} (${group.format})`;
}

export function combineCoverage(reports: readonly ParsedCoverage[], context: CombineContext): AssembledCoverage {
  const normalised = new Map(reports.map((report) => [report, normaliseReportFiles(report, context)] as const));
  const clusters = clusterGroups(groupByFormat(reports, normalised));
  const notes = new Map<ParsedCoverage, string[]>();
  const warnings: { path: string; warning: string }[] = [];
  const used = new Set<FormatGroup>();
  const files = new Map<string, FileCoverage>();
  for (const [first, ...others] of clusters) {
    if (!first) continue;
    used.add(first);
    for (const file of first.files.values()) addFile(files, file);
    for (const other of others) {
      const note = describeDisagreement(compareFormats(first.files, other.files), name(other), name(first), Math.max(first.files.size, other.files.size));
      if (!note) continue;
      for (const report of other.reports) {
        notes.set(report, [...(notes.get(report) ?? []), note]);
        warnings.push({ path: report.path, warning: note });
      }
    }
  }
  const usedReports = new Set([...used].flatMap((group) => group.reports));
  const records: CoverageReportRecord[] = reports.map((report) => ({
    path: report.path,
    format: report.format,
    used: usedReports.has(report),
    header: report.header,
    body: totalsOf(normalised.get(report)?.values() ?? []),
    notes: [...report.warnings, ...(notes.get(report) ?? [])],
  }));
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    format: [...used].map((group) => group.format).join('+'),
    files: sorted,
    totals: totalsOf(sorted),
    reports: records,
    warnings,
  };
}
