import type { Totals } from '../../../shared/types.js';
import type { AssembledCoverage } from './file-coverage.js';
import type { NormalisedTest } from './normalised-report.js';

export interface SourceRecord {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  format: string;
  kind: 'tests' | 'coverage';
}

/** A run ready to store: one or more reports of one folder that a runner wrote as one run. */
export interface AssembledRun {
  id: string;
  project: string;
  projectRoot: string | null;
  folder: string;
  startedAtMs: number;
  durationMs: number | null;
  format: string;
  hostname: string | null;
  properties: Record<string, string>;
  sources: SourceRecord[];
  tests: NormalisedTest[];
  totals: Totals;
  /** The run's coverage, or null when none was written with it. */
  coverage: AssembledCoverage | null;
}
