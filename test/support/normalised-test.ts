// A normalised test for tests of what stores and moves tests: index-numbered id and name, every
// field set, `extra` overriding any of them.
import type { NormalisedTest } from '../../src/main/engine/model/normalised-report.js';

export function normalisedTest(index: number, extra: Partial<NormalisedTest> = {}): NormalisedTest {
  return {
    id: `t_${String(index).padStart(16, '0')}`,
    suite: 'Suite',
    name: `case ${index}`,
    file: index % 2 ? 'a.test.ts' : null,
    status: 'passed',
    durationMs: index,
    message: null,
    trace: null,
    stdout: null,
    stderr: null,
    startedAt: null,
    attempts: [],
    ...extra,
  };
}
