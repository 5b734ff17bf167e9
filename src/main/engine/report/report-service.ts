// compareRuns, getReport and checkGoals over one store: resolves the runs named by selectors,
// then compares, renders or checks. The engine facade delegates here.
import type { Database } from 'better-sqlite3';
import type { RunComparison } from '../../../shared/compare-types.js';
import type { GoalsCheck, HandoffReport, ReportQuery } from '../../../shared/report-types.js';
import { engineSources } from '../compare/engine-sources.js';
import { projectFor, resolvePair, type PairLookup } from '../compare/resolve-pair.js';
import { RunComparer } from '../compare/run-comparer.js';
import { CompareQueries } from '../store/compare-queries.js';
import { RunQueries } from '../store/run-queries.js';
import { gatherReport, goalsOutcome, type ReportDeps } from './report-data.js';
import { fitReport } from './render-report.js';

/** What only local callers (the CLI) may add: a goals file of their choosing. */
export interface LocalGoals {
  goalsPath?: string;
}

export interface ReportService {
  compareRuns(query: { before: string; after: string; project?: string }): RunComparison;
  report(query: ReportQuery & LocalGoals): HandoffReport;
  checkGoals(query: { project?: string; run?: string } & LocalGoals): GoalsCheck;
}

export function createReportService(db: Database): ReportService {
  const queries = new CompareQueries(db);
  const runs = new RunQueries(db);
  const lookup: PairLookup = { stamps: (project) => queries.runStamps(project), summary: (id) => runs.runById(id), listProjects: () => runs.listProjects() };
  const sources = engineSources(db, queries);
  const deps: ReportDeps = { queries, comparer: new RunComparer(queries, sources), rootCauses: sources.rootCauses, coverage: sources.coverage };

  return {
    compareRuns({ before, after, project }) {
      const pair = resolvePair(lookup, before, after, project);
      return deps.comparer.compare(pair.before, pair.after).comparison;
    },
    report({ project, before = 'first', after = 'latest', maxBytes, goalsPath }) {
      const pair = resolvePair(lookup, before, after, project);
      const data = gatherReport(deps, pair, goalsPath);
      const rendered = fitReport(data, maxBytes ?? null);
      return {
        project: pair.project,
        before: pair.before,
        after: pair.after,
        markdown: rendered.markdown,
        bytes: rendered.bytes,
        maxBytes: maxBytes ?? null,
        fits: rendered.fits,
        foldedItems: rendered.foldedItems,
        goals: data.goals,
      };
    },
    checkGoals({ project, run = 'latest', goalsPath }) {
      const name = projectFor(lookup, [run], project);
      const pair = resolvePair(lookup, run, run, name);
      return { project: name, run: pair.after, goals: goalsOutcome(deps, pair, queries.results(pair.after.id), goalsPath) };
    },
  };
}
