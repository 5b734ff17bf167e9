// The coverage side of run assembly: coverage reports attached to the runs of a batch, to runs
// stored by an earlier ingest, or made into coverage-only runs (coverage/attach-coverage.ts
// decides which; coverage/combine-coverage.ts makes one coverage of a run's reports).
import { dirname } from 'node:path';
import { coverageTime, type RunSlot } from '../coverage/attach-coverage.js';
import { combineCoverage, type CombineContext } from '../coverage/combine-coverage.js';
import { CoveragePaths } from '../coverage/paths/coverage-paths.js';
import { goModulePath } from '../coverage/paths/go-module.js';
import type { AssembledRun, SourceRecord } from '../model/assembled-run.js';
import type { AssembledCoverage, ParsedCoverage } from '../model/file-coverage.js';
import { emptyTotals } from '../model/normalise-report.js';
import type { ProjectResolver } from './project-name.js';
import { runId } from './run-id.js';

/** Coverage that belongs to a run stored by an earlier ingest (written after its tests). */
export interface StoredAttachment {
  runId: string;
  coverage: AssembledCoverage;
  sources: SourceRecord[];
}

export interface AssembledBatch {
  runs: AssembledRun[];
  attachments: StoredAttachment[];
}

/** Stored runs without coverage whose reports are in one of these folders, as attachment slots. */
export type StoredRunSlots = (folders: readonly string[]) => RunSlot[];

/** Path rules per project root, built once per batch. */
export class CombineContexts {
  private readonly byRoot = new Map<string, CombineContext>();

  of(root: string): CombineContext {
    let context = this.byRoot.get(root);
    if (!context) {
      context = { paths: new CoveragePaths({ root }), goModule: goModulePath(root) };
      this.byRoot.set(root, context);
    }
    return context;
  }
}

export function coverageSources(reports: readonly ParsedCoverage[]): SourceRecord[] {
  // A Jest report's coverage map is inside a file that is already a source of the run.
  return reports
    .filter((report) => report.format !== 'jest-coverage-map')
    .map((report) => ({ path: report.path, size: report.size, mtimeMs: report.mtimeMs, sha256: report.sha256, format: report.format, kind: 'coverage' }));
}

export function withCoverage(run: AssembledRun, reports: readonly ParsedCoverage[], context: CombineContext): AssembledRun {
  const sources = [...run.sources, ...coverageSources(reports)];
  return { ...run, id: runId(sources), sources, coverage: combineCoverage(reports, context) };
}

/** Coverage written with no test results: a run with totals 0 and the coverage. */
export function coverageOnlyRun(group: ParsedCoverage[], projects: ProjectResolver, contexts: CombineContexts, projectName?: string): AssembledRun {
  const first = group[0];
  if (!first) throw new Error('assembleRuns: an empty coverage group cannot become a run');
  const folder = dirname(first.path);
  const guess = projects.forReport(first.path);
  const coverage = combineCoverage(group, contexts.of(guess.root ?? folder));
  const sources = coverageSources(group);
  return {
    id: runId(sources),
    project: projectName ?? guess.name,
    projectRoot: projectName ? null : guess.root,
    folder,
    startedAtMs: Math.min(...group.map(coverageTime)),
    durationMs: null,
    format: coverage.format,
    hostname: null,
    properties: {},
    sources,
    tests: [],
    totals: emptyTotals(),
    coverage,
  };
}
