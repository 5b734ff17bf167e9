// The EngineApi methods the desktop screens need beyond the CLI's: the slim run table, the
// failure trend and group history, retention and the demo workspace. Kept out of engine.ts so
// the facade stays a list of delegations.
import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineApi, IngestOutcome, RunSummary } from '../../../shared/types.js';
import { findDemoDir, DEMO_PROJECTS } from '../demo/demo-workspace.js';
import { FailureTrendQuery } from '../store/failure-trend-query.js';
import { Retention } from '../store/retention.js';
import { RunTableQuery } from '../store/run-table-query.js';

const DAY_MS = 86_400_000;

export type UiApi = Pick<EngineApi, 'getRunTests' | 'getFailureTrend' | 'getGroupHistory' | 'deleteRunsOlderThan' | 'loadDemo'>;

export interface UiApiDeps {
  db: Database;
  resolveRun(selector: string, project?: string): RunSummary;
  /** getFailures of the engine: the group signatures whose history is asked for. */
  failures: EngineApi['getFailures'];
  /** The engine's ingest (announces each run, so open screens update). */
  ingest(paths: string[], project: string): Promise<IngestOutcome>;
  /** resources/demo; found beside the code when not given. */
  demoDir?: string;
  notFound(message: string): Error;
  now?: () => number;
}

export function uiApi(deps: UiApiDeps): UiApi {
  const table = new RunTableQuery(deps.db);
  const trend = new FailureTrendQuery(deps.db);
  const retention = new Retention(deps.db);
  const now = deps.now ?? (() => Date.now());

  return {
    getRunTests: async ({ run, project }) => table.table(deps.resolveRun(run, project)),
    getFailureTrend: async ({ project }) => trend.trend(project),
    async getGroupHistory({ run, project }) {
      const summary = deps.resolveRun(run, project);
      const { groups } = await deps.failures({ run: summary.id });
      return trend.history(summary.id, [...new Set(groups.map((group) => group.signature))]);
    },
    async deleteRunsOlderThan({ project, days }) {
      const cutoff = now() - days * DAY_MS;
      const deleted = await retention.deleteOlderThan(project, cutoff);
      return { project, deleted: deleted.runs, testsDeleted: deleted.tests, cutoff: new Date(cutoff).toISOString() };
    },
    async loadDemo() {
      const dir = deps.demoDir ?? findDemoDir();
      if (!dir || !existsSync(join(dir, 'README.md'))) throw deps.notFound('the demo reports (resources/demo) are not part of this installation');
      const outcome: IngestOutcome = { runs: [], duplicates: [], errors: [], warnings: [] };
      for (const { folder, project } of DEMO_PROJECTS) {
        const part = await deps.ingest([join(dir, folder)], project);
        outcome.runs.push(...part.runs);
        outcome.duplicates.push(...part.duplicates);
        outcome.errors.push(...part.errors);
        outcome.warnings.push(...part.warnings);
      }
      return outcome;
    },
  };
}
