// Types for the tests that generate a benchmark-shaped JUnit report (generate-junit.js).
export const DEFAULT_OUT: string;
export const DEFAULT_SEED: number;
/** The counts a generated report must yield (also written beside it as `<file>.expected.json`). */
export interface GeneratedCounts {
  seed: number;
  bytes: number;
  suites: number;
  durationMs: number;
  tests: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  withOutput: number;
}
/** Writes a JUnit XML of testCount tests (5% failures with traces, 30% with output) to outPath. */
export function generate(testCount: number, outPath: string, seed: number): GeneratedCounts;
