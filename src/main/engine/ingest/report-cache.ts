// Parsed reports kept for the watcher's next join. A long Maven or Gradle run writes one class file
// after another, and each late file joins the stored run, which is then assembled again from all
// its files: without this, every file of the run so far is parsed again for each new one
// (bench/watch-join.bench.js, 300 ten-test class files: the last tenth took 788 ms to show, the
// median 599 ms; with it 345 ms and 330 ms). A report is reused only while its file is unchanged:
// the same size and modification time as when it was read, and the content hash the store holds.
import type { ReadOutcome } from '../coverage/read-any-report.js';

/** About what a large suite's run holds; past it the oldest reports are dropped (and read again if needed). */
const MAX_TESTS = 200_000;

interface Entry {
  read: ReadOutcome;
  size: number;
  mtimeMs: number;
  sha256: string;
  tests: number;
}

export class ReportCache {
  private readonly entries = new Map<string, Entry>();
  private tests = 0;

  constructor(private readonly maxTests = MAX_TESTS) {}

  /** The report read from `path` when the file had this size and time and the content this hash. */
  get(path: string, size: number, mtimeMs: number, sha256: string): ReadOutcome | null {
    const entry = this.entries.get(path);
    if (!entry || entry.size !== size || entry.mtimeMs !== mtimeMs || entry.sha256 !== sha256) return null;
    return entry.read;
  }

  put(read: ReadOutcome): void {
    const parsed = read.kind === 'tests' ? read.report : read.coverage;
    const tests = read.kind === 'tests' ? read.report.tests.length : read.coverage.files.length;
    this.forget(parsed.path);
    this.entries.set(parsed.path, { read, size: parsed.size, mtimeMs: parsed.mtimeMs, sha256: parsed.sha256, tests });
    this.tests += tests;
    // Oldest first: Map keeps insertion order, and a report put again moves to the end.
    for (const [path] of this.entries) {
      if (this.tests <= this.maxTests || this.entries.size === 1) break;
      this.forget(path);
    }
  }

  private forget(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.tests -= entry.tests;
    this.entries.delete(path);
  }
}
