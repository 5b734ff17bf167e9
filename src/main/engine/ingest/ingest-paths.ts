// `vigil ingest`: read every candidate file, skip content already stored, assemble runs, store
// each run in its own transaction. One bad file never stops the batch and never leaves a
// partial run: it becomes one error line naming the file.
import type { IngestOutcome } from '../../../shared/types.js';
import type { ParsedReport } from '../model/normalised-report.js';
import { ReportError } from '../readers/report-error.js';
import type { RunQueries } from '../store/run-queries.js';
import type { RunWriter } from '../store/run-writer.js';
import { assembleRuns } from './assemble-runs.js';
import { expandPaths } from './expand-paths.js';
import { ProjectResolver } from './project-name.js';
import { NotAReportError, readReport } from './read-report.js';

export interface IngestDeps {
  queries: RunQueries;
  writer: RunWriter;
}

export async function ingestPaths(deps: IngestDeps, paths: readonly string[], project?: string): Promise<IngestOutcome> {
  const outcome: IngestOutcome = { runs: [], duplicates: [], errors: [], warnings: [] };
  const { files, errors } = await expandPaths(paths);
  outcome.errors.push(...errors);

  const fresh: ParsedReport[] = [];
  const pendingDuplicates: { path: string; sha256: string }[] = [];
  const seenInBatch = new Set<string>();
  for (const file of files) {
    let report: ParsedReport;
    try {
      report = await readReport(file.path);
    } catch (error) {
      if (error instanceof NotAReportError && !file.explicit) continue;
      if (error instanceof ReportError) {
        outcome.errors.push({ path: file.path, error: error.message });
        continue;
      }
      throw error;
    }
    outcome.warnings.push(...report.warnings.map((warning) => ({ path: file.path, warning })));
    const storedIn = deps.queries.runIdForSha(report.sha256);
    if (storedIn) outcome.duplicates.push({ path: file.path, runId: storedIn });
    else if (seenInBatch.has(report.sha256)) pendingDuplicates.push({ path: file.path, sha256: report.sha256 });
    else {
      seenInBatch.add(report.sha256);
      fresh.push(report);
    }
  }

  const runs = assembleRuns(fresh, new ProjectResolver(), project);
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
  }
  for (const duplicate of pendingDuplicates) {
    const runId = deps.queries.runIdForSha(duplicate.sha256);
    if (runId) outcome.duplicates.push({ path: duplicate.path, runId });
  }
  return outcome;
}

