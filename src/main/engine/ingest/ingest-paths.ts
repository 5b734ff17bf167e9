// `vigil ingest`: read every candidate file (test results or coverage), skip content already
// stored, assemble runs (coverage attached to its run), store
// each run in its own transaction. One bad file never stops the batch and never leaves a
// partial run: it becomes one error line naming the file.
import type { IngestOutcome } from '../../../shared/types.js';
import type { ParsedCoverage } from '../model/file-coverage.js';
import type { ParsedReport } from '../model/normalised-report.js';
import { readAnyReport, type ReadOutcome } from '../coverage/read-any-report.js';
import { ReportError } from '../readers/report-error.js';
import type { RunQueries } from '../store/run-queries.js';
import type { RunWriter } from '../store/run-writer.js';
import { assembleBatch } from './assemble-runs.js';
import { expandPaths } from './expand-paths.js';
import { ProjectResolver } from './project-name.js';
import { NotAReportError } from './read-report.js';

export interface IngestDeps {
  queries: RunQueries;
  writer: RunWriter;
}

export async function ingestPaths(deps: IngestDeps, paths: readonly string[], project?: string): Promise<IngestOutcome> {
  const outcome: IngestOutcome = { runs: [], duplicates: [], errors: [], warnings: [] };
  const { files, errors } = await expandPaths(paths);
  outcome.errors.push(...errors);

  const fresh: ParsedReport[] = [];
  const freshCoverage: ParsedCoverage[] = [];
  const pendingDuplicates: { path: string; sha256: string }[] = [];
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
    outcome.warnings.push(...parsed.warnings.map((warning) => ({ path: file.path, warning })));
    const storedIn = deps.queries.runIdForSha(parsed.sha256);
    if (storedIn) outcome.duplicates.push({ path: file.path, runId: storedIn });
    else if (seenInBatch.has(parsed.sha256)) pendingDuplicates.push({ path: file.path, sha256: parsed.sha256 });
    else {
      seenInBatch.add(parsed.sha256);
      if (read.kind === 'tests') fresh.push(read.report);
      else freshCoverage.push(read.coverage);
    }
  }

  const { runs, attachments } = assembleBatch(fresh, new ProjectResolver(), project, freshCoverage, (folders) => deps.queries.uncoveredRunSlots(folders));
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
    outcome.warnings.push(...(run.coverage?.warnings ?? []));
  }
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
  for (const duplicate of pendingDuplicates) {
    const runId = deps.queries.runIdForSha(duplicate.sha256);
    if (runId) outcome.duplicates.push({ path: duplicate.path, runId });
  }
  return outcome;
}

