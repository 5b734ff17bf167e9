// The one place where loose reader output becomes the strict model: ids, retries, caps, totals.
import type { TestStatus, Totals } from '../../../shared/types.js';
import type { RawAttempt, RawTestResult } from './raw-result.js';
import type { NormalisedTest } from './normalised-report.js';
import { testId } from './test-identity.js';
import { MAX_BODY_CHARS, MAX_MESSAGE_CHARS, capText } from '../readers/text-limits.js';

export function emptyTotals(): Totals {
  return { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
}

const TOTAL_KEY: Record<TestStatus, keyof Totals> = {
  passed: 'passed',
  failed: 'failed',
  errored: 'errored',
  skipped: 'skipped',
};

export function countTotals(tests: Iterable<{ status: TestStatus }>): Totals {
  const totals = emptyTotals();
  for (const test of tests) {
    totals.tests += 1;
    totals[TOTAL_KEY[test.status]] += 1;
  }
  return totals;
}

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : null;
}

function orNull(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

function toAttempt(raw: RawTestResult): RawAttempt {
  return {
    status: raw.status,
    durationMs: finite(raw.durationMs) ?? undefined,
    message: capText(raw.message, MAX_MESSAGE_CHARS),
    trace: capText(raw.trace, MAX_BODY_CHARS),
  };
}

/**
 * Folds repeated entries of one test (same suite, name and file) into one test whose outcome is
 * the last entry's and whose earlier entries become its attempts: a retried test counts once.
 */
export function normaliseTests(raws: readonly RawTestResult[]): NormalisedTest[] {
  const byId = new Map<string, NormalisedTest>();
  for (const raw of raws) {
    const file = orNull(raw.file);
    const id = testId(raw.suite, raw.name, file);
    const previous = byId.get(id);
    const attempts = [...(previous ? [...previous.attempts, attemptOf(previous)] : []), ...(raw.attempts ?? [])];
    if (previous) byId.delete(id); // re-insert so report order follows the final attempt
    byId.set(id, {
      id,
      suite: raw.suite,
      name: raw.name,
      file,
      status: raw.status,
      durationMs: finite(raw.durationMs),
      message: orNull(capText(raw.message, MAX_MESSAGE_CHARS)),
      trace: orNull(capText(raw.trace, MAX_BODY_CHARS)),
      stdout: orNull(capText(raw.stdout, MAX_BODY_CHARS)),
      stderr: orNull(capText(raw.stderr, MAX_BODY_CHARS)),
      startedAt: raw.startedAt ?? null,
      attempts: attempts.map((attempt) => toAttempt({ suite: '', name: '', ...attempt })),
    });
  }
  return [...byId.values()];
}

function attemptOf(test: NormalisedTest): RawAttempt {
  return {
    status: test.status,
    durationMs: test.durationMs ?? undefined,
    message: test.message ?? undefined,
    trace: test.trace ?? undefined,
    stdout: test.stdout ?? undefined,
    stderr: test.stderr ?? undefined,
  };
}
