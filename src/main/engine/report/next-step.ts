// A concrete next step for a failure group, from its category and its own title and tests, so
// the reader knows what to try first and how to tell that it worked.
import type { RootCauseCategory } from '../../../shared/types.js';

export interface StepInput {
  category: RootCauseCategory;
  title: string;
  /** A test of the group, to name in the step. */
  example: string | null;
  blocks: number;
}

const STEPS: Record<RootCauseCategory, (input: StepInput, about: string, verify: string) => string> = {
  isolation_leak: (_, about, verify) =>
    `reset the shared state behind ${about} between tests (a transaction rolled back per test, a fresh database or a truncate in setup), then run the suite twice in a row: ${verify}`,
  config_mismatch: (_, about, verify) => `compare the setting behind ${about} in the test setup and in the code or environment under test, make them agree, then rerun: ${verify}`,
  external_blocker: (_, about, verify) =>
    `check that the service behind ${about} is up and reachable from the test machine (or stub it for unit tests), then rerun: ${verify}`,
  product_defect: (input, about, verify) =>
    `debug the code under test with ${input.example ?? 'the first failing test'}; ${about} is a wrong computed value. Fix it, then rerun: ${verify}`,
  test_defect: (_, about, verify) => `fix the test code itself (imports, fixtures, factories) named in ${about}, then rerun: ${verify}`,
  flaky: (input, _, verify) =>
    `run ${input.example ?? 'the test'} repeatedly on unchanged code to measure how often it flips, then remove the timing dependence (fixed clocks, awaited conditions instead of sleeps): ${verify}`,
  cascade: (_, about) => `fix the group it follows from first; ${about} should then pass or show its own cause`,
  unknown: (input, about, verify) =>
    `read the trace and output of ${input.example ?? 'the first failing test'} (\`vigil show\`) for ${about}; classify it if it fits a category, then rerun: ${verify}`,
};

/** `about` and `example` are Markdown already (code spans). */
export function nextStep(input: StepInput, about: string): string {
  const verify = input.blocks === 1 ? 'the group is gone when its test passes' : `the group is gone when its ${input.blocks} tests pass`;
  return STEPS[input.category](input, about, verify);
}
