// What the desktop screens read beyond the CLI's contract: a run's tests in a slim, columnar
// shape (a 100,000-test run crosses IPC/HTTP in a few MB instead of tens), failure categories
// per run for the History trend, a failure group's life across runs, and retention.
import type { RootCauseCategory, RunSummary } from './types.js';

/** One letter per test in RunTestTable.statuses. */
export const STATUS_LETTERS = { p: 'passed', f: 'failed', e: 'errored', s: 'skipped' } as const;

/**
 * A run's tests, one entry per test in run order, as parallel columns. Suites and files are
 * stored once and referenced by index; messages only where a test has one (first line, cut).
 * Trace, output, attempts and root causes come per test (getTest) or per run (getFailures).
 */
export interface RunTestTable {
  run: RunSummary;
  ids: string[];
  names: string[];
  suites: string[];
  /** Index into `suites` for each test. */
  suiteIndex: number[];
  files: string[];
  /** Index into `files` for each test; -1: no file. */
  fileIndex: number[];
  /** One letter per test: p passed, f failed, e errored, s skipped (STATUS_LETTERS). */
  statuses: string;
  durationsMs: (number | null)[];
  /** [position, first line of the message] for the tests that have a message. */
  messages: [number, string][];
}

/** Longest message line a RunTestTable carries (the full message is in getTest). */
export const TABLE_MESSAGE_CHARS = 300;

/** A run's failing tests counted by category (History's "failures by category" trend). */
export interface RunCategoryCounts {
  runId: string;
  startedAt: string;
  counts: Partial<Record<RootCauseCategory, number>>;
}

/** One failure group of a run seen across the project's runs, by its signature. */
export interface GroupHistory {
  signature: string;
  /** The first and last runs of the project in which a failure with this signature was stored. */
  firstSeen: { runId: string; startedAt: string };
  lastSeen: { runId: string; startedAt: string };
  /** How many of the project's runs had it. */
  runs: number;
}

export interface RetentionResult {
  project: string;
  /** Runs deleted, oldest first. */
  deleted: string[];
  /** Tests no remaining run has a result for, deleted with those runs. */
  testsDeleted: number;
  /** Runs started before this moment were deleted. */
  cutoff: string;
}
