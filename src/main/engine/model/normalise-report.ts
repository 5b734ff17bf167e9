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

function toAttempt(raw: RawAttempt): RawAttempt {
  return {
    status: raw.status,
    durationMs: finite(raw.durationMs) ?? undefined,
    message: capText(raw.message, MAX_MESSAGE_CHARS),
    trace: capText(raw.trace, MAX_BODY_CHARS),
    stdout: capText(raw.stdout, MAX_BODY_CHARS),
    stderr: capText(raw.stderr, MAX_BODY_CHARS),
  };
}

/**
 * Settles the identity of repeated entries of one test (same suite, name and file) in a report:
 * - after a failed or errored entry, a repeat is a retry: the test counts once, with the last
 *   entry's outcome, and earlier entries become its attempts (runners retry only failures);
 * - after a passed or skipped entry, a repeat is another case that happens to share the name
 *   (TestNG data providers, `test.each` rows with one title): it becomes its own test, named
 *   "name #2", "#3"... in report order, so its id stays stable across runs.
 */
export function normaliseTests(raws: readonly RawTestResult[]): NormalisedTest[] {
  const normaliser = new TestNormaliser();
  for (const raw of raws) normaliser.add(raw);
  return normaliser.result();
}

/**
 * The identity rules above, one raw result at a time, keeping only what a later repeat needs:
 * the case count of each (suite, name, file) and the failing tests (a repeat of a passed or
 * skipped test is another case, so its content is never needed again). `settle` says which
 * earlier test a retry replaces, so a streaming ingest can update a row it already stored.
 */
export class TestSettler {
  /** Latest id of each (suite, name, file), and how many distinct cases share it. */
  private readonly latest = new Map<string, { id: string; cases: number }>();
  /** Tests whose latest outcome failed or errored: a repeat of one of them is its retry. */
  private readonly failing = new Map<string, NormalisedTest>();

  /**
   * `keepsTexts: false`: the failing tests kept for their retries lose their texts (message,
   * trace, output), and so do the attempts a retry gets from them: a caller that has stored those
   * tests already (the streaming ingest) takes the texts from the store, and memory does not grow
   * with the failures' output. A retry's own attempts keep theirs.
   */
  constructor(private readonly options: { keepsTexts: boolean } = { keepsTexts: true }) {}

  settle(raw: RawTestResult): { test: NormalisedTest; retried: NormalisedTest | null } {
    const file = orNull(raw.file);
    const baseId = testId(raw.suite, raw.name, file);
    const seen = this.latest.get(baseId);
    const previous = seen ? this.failing.get(seen.id) : undefined;
    let name = raw.name;
    let id = baseId;
    let attempts: RawAttempt[] = raw.attempts ?? [];
    if (seen && previous) {
      id = seen.id;
      name = previous.name;
      attempts = [...previous.attempts, attemptOf(previous), ...attempts];
    } else if (seen) {
      seen.cases += 1;
      name = `${raw.name} #${seen.cases}`;
      id = testId(raw.suite, name, file);
      seen.id = id;
    } else {
      this.latest.set(baseId, { id, cases: 1 });
    }
    const test: NormalisedTest = {
      id,
      suite: raw.suite,
      name,
      file,
      status: raw.status,
      durationMs: finite(raw.durationMs),
      message: orNull(capText(raw.message, MAX_MESSAGE_CHARS)),
      trace: orNull(capText(raw.trace, MAX_BODY_CHARS)),
      stdout: orNull(capText(raw.stdout, MAX_BODY_CHARS)),
      stderr: orNull(capText(raw.stderr, MAX_BODY_CHARS)),
      startedAt: raw.startedAt ?? null,
      attempts: attempts.length === 0 ? attempts : attempts.map(toAttempt),
    };
    if (test.status === 'failed' || test.status === 'errored') this.failing.set(id, this.options.keepsTexts ? test : withoutTexts(test));
    else this.failing.delete(id);
    return { test, retried: previous ?? null };
  }
}

/**
 * normaliseTests one result at a time, as a reader pushes them: a 100,000-test report is never
 * held twice (raw and normalised) in memory.
 */
export class TestNormaliser {
  private readonly settler = new TestSettler();
  private readonly byId = new Map<string, NormalisedTest>();

  add(raw: RawTestResult): void {
    const { test, retried } = this.settler.settle(raw);
    // Re-inserted so that report order follows the final attempt.
    if (retried) this.byId.delete(test.id);
    this.byId.set(test.id, test);
  }

  result(): NormalisedTest[] {
    return [...this.byId.values()];
  }
}

/** The test without its texts (message, trace, output), its attempts' included: for what needs only its identity and outcome. */
export function withoutTexts(test: NormalisedTest): NormalisedTest {
  const attempts = test.attempts.map((attempt) => ({ status: attempt.status, durationMs: attempt.durationMs }));
  return { ...test, message: null, trace: null, stdout: null, stderr: null, attempts };
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
