// How long the watcher waits, in one place. The numbers trade latency (PRODUCT.md: a closed
// report shows within 500 ms, median) against assembling a run whole.

export interface WatchTiming {
  /**
   * A folder's changed files are ingested together once no file in it changed for this long:
   * a runner writes the files of one run (Surefire's TEST-*.xml, Vitest's JUnit + JSON) within
   * a moment of each other, and a file written in pieces rarely pauses longer.
   */
  quietMs: number;
  /**
   * A file that keeps changing for longer than this (a log appended all the time) no longer
   * keeps its folder from counting as quiet, so the reports beside it are not held back; it is
   * itself handed over once it stops changing.
   */
  maxWaitMs: number;
  /**
   * Line-streamed formats (go test -json, TAP, Dart JSON) parse at every line end, so a pause
   * in the stream cannot be told from its end; they wait longer before they count as finished.
   */
  streamQuietMs: number;
  /**
   * A line-streamed report that is visibly unfinished (a go test -json package with no
   * pass/fail/skip event yet, a TAP plan not met, a Dart stream with no "done") waits this long
   * for its next line before it is stored as it is, with an "incomplete" warning.
   */
  incompleteStreamMs: number;
  /** A file that does not parse is retried on its next change; it is an error only when no change comes for this long. */
  settleMs: number;
  /** How often each folder is checked for being deleted, renamed, unmounted or unreadable, and for a clock jump (sleep). */
  healthMs: number;
  /** The polling interval when a folder is polled (network and container mounts). */
  pollIntervalMs: number;
}

export const DEFAULT_WATCH_TIMING: WatchTiming = {
  quietMs: 300,
  maxWaitMs: 3_000,
  streamQuietMs: 2_000,
  // The pause between two lines of a stream is one test's (or one package build's) duration. 30 s
  // outlasts the slow tests of most suites, yet a run that was killed (Ctrl+C, a crash, a CI
  // timeout) still shows within half a minute. Choosing short costs little: a stream that goes
  // on after it was stored replaces its run (ingest/join-runs.ts), nothing is lost or doubled.
  incompleteStreamMs: 30_000,
  settleMs: 2_000,
  healthMs: 2_000,
  pollIntervalMs: 1_000,
};
