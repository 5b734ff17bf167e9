// Types for the tests that generate a benchmark-shaped JUnit report (generate-junit.js).
export const DEFAULT_OUT: string;
export const DEFAULT_SEED: number;
/** Writes a JUnit XML of testCount tests (5% failures with traces, 30% with output) to outPath. */
export function generate(testCount: number, outPath: string, seed: number): unknown;
