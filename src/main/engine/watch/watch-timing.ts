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
  settleMs: 2_000,
  healthMs: 2_000,
  pollIntervalMs: 1_000,
};
