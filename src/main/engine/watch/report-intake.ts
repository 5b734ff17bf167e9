// From "these files changed" to stored runs, for one watched folder. Changed files wait until
// the folder is quiet (QuietBatch), are looked at (triageFile) and ingested together; a file
// that does not parse waits for its next write (BrokenFiles) and is reported only when it stays
// broken. A line-streamed report waits until it has been still for a while, and longer while its
// own structure says it is unfinished (stream-completeness.ts). Batches and settled files are
// handled one at a time, in order.
import type { IngestOutcome } from '../../../shared/types.js';
import type { TestReportFormat } from '../readers/report-reader.js';
import { BrokenFiles, type BrokenFile } from './broken-files.js';
import { claimedByAReader, triageFile, unchangedSince, type FileFacts } from './file-triage.js';
import { mapLimit } from './map-limit.js';
import { QuietBatch } from './quiet-batch.js';
import { streamState } from './stream-completeness.js';
import type { WatchTiming } from './watch-timing.js';

/** Files looked at in parallel before a batch is ingested. */
const TRIAGE_PARALLEL = 32;
/** An empty file with one of these names was probably meant to be a report: worth a message. */
const REPORT_NAME = /\.(xml|json|jsonl|ndjson|trx|tap)$/i;

/** Streams ingested although unfinished (they waited long enough): path → what is missing. */
export type IncompleteStreams = ReadonlyMap<string, string>;

interface ReadyFile {
  path: string;
  facts: FileFacts;
}

interface StillStream extends ReadyFile {
  changedAt: number;
  format: TestReportFormat;
}

export interface ReportIntakeDeps {
  timing: WatchTiming;
  /** Ingests files of the folder; the runs stored are announced by the caller. */
  ingest(paths: string[], incomplete: IncompleteStreams): Promise<IngestOutcome>;
  onFileFailed(path: string, error: string): void;
  /** Something went wrong in Vigil itself (not in a file). */
  onInternalError(error: Error): void;
}

export class ReportIntake {
  private readonly batch: QuietBatch;
  private readonly broken: BrokenFiles;
  private work: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: ReportIntakeDeps) {
    this.batch = new QuietBatch(deps.timing.quietMs, deps.timing.maxWaitMs, (files) => this.queue(() => this.ingestBatch(files)));
    this.broken = new BrokenFiles(deps.timing.settleMs, (file) => this.queue(() => this.settle(file)));
  }

  /** The file was written (or found new). */
  touch(path: string): void {
    if (!this.stopped) this.batch.touch(path);
  }

  /** The file was deleted. */
  forget(path: string): void {
    this.batch.forget(path);
    this.broken.clear(path);
  }

  /** Drops what is pending (the folder went away); the intake keeps working. */
  reset(): void {
    this.batch.stop();
    this.broken.stop();
  }

  /** Stops for good; resolves once an ingest under way has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.reset();
    await this.work;
  }

  private queue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error: unknown) => {
      if (this.stopped) return; // the engine closed the store under an ingest: expected at shutdown
      this.deps.onInternalError(error instanceof Error ? error : new Error(String(error)));
    });
  }

  /** A quiet folder's changed files: look at each, then ingest the ready ones together. */
  private async ingestBatch(files: Map<string, number>): Promise<void> {
    if (this.stopped) return;
    const entries = [...files];
    const triaged = await mapLimit(entries, TRIAGE_PARALLEL, ([path]) => triageFile(path));
    const ready: ReadyFile[] = [];
    const streams: StillStream[] = [];
    const now = Date.now();
    entries.forEach(([path, changedAt], index) => {
      const triage = triaged[index];
      if (!triage) return;
      switch (triage.kind) {
        case 'gone':
        case 'not-a-file':
          this.broken.clear(path);
          return;
        case 'unreadable':
          if (!this.broken.alreadyReported(path, triage)) {
            this.broken.markReported(path, triage);
            this.deps.onFileFailed(path, triage.error);
          }
          return;
        case 'empty':
          // Just created: the runner writes into it next. Reported only if it stays empty.
          this.holdBroken(path, 'file is empty', triage);
          return;
        case 'streamed': {
          const waited = now - changedAt;
          if (waited < this.deps.timing.streamQuietMs) {
            this.batch.putBack(path, changedAt, this.deps.timing.streamQuietMs - waited);
            return;
          }
          streams.push({ path, facts: triage, changedAt, format: triage.format });
          return;
        }
        case 'ready':
          ready.push({ path, facts: triage });
      }
    });
    const incomplete = await this.finishedStreams(streams, now, ready);
    if (ready.length === 0 || this.stopped) return;
    const outcome = await this.deps.ingest(
      ready.map((file) => file.path),
      incomplete,
    );
    if (this.stopped) return;
    const failed = new Map(outcome.errors.map((error) => [error.path, error.error]));
    for (const { path, facts } of ready) {
      const error = failed.get(path);
      failed.delete(path);
      if (error === undefined) this.broken.clear(path);
      else this.holdBroken(path, error, facts);
    }
    // Problems that name no file of the batch (none are expected): still shown.
    for (const [path, error] of failed) this.deps.onFileFailed(path, error);
  }

  /**
   * Streams still for the stream quiet time join `ready` when they look finished, or when they
   * stayed unfinished for the incomplete-stream time (returned, with what is missing); the others
   * are looked at again when that time is up, or at their next write.
   */
  private async finishedStreams(streams: readonly StillStream[], now: number, ready: ReadyFile[]): Promise<Map<string, string>> {
    const incomplete = new Map<string, string>();
    const states = await mapLimit(streams, TRIAGE_PARALLEL, (stream) => streamState(stream.path, stream.format));
    streams.forEach((stream, index) => {
      const state = states[index];
      if (!state) return;
      if (!state.complete) {
        const waited = now - stream.changedAt;
        if (waited < this.deps.timing.incompleteStreamMs) {
          this.batch.putBack(stream.path, stream.changedAt, this.deps.timing.incompleteStreamMs - waited);
          return;
        }
        incomplete.set(stream.path, state.reason);
      }
      ready.push({ path: stream.path, facts: stream.facts });
    });
    return incomplete;
  }

  private holdBroken(path: string, error: string, facts: FileFacts): void {
    if (this.broken.alreadyReported(path, facts)) return;
    this.broken.hold({ path, error, facts });
  }

  /** A broken file had no write for the settle time: one last try, then report it. */
  private async settle(file: BrokenFile): Promise<void> {
    if (this.stopped) return;
    if (!(await unchangedSince(file.path, file.facts))) {
      // Written again (or gone): the event for that may still be on its way; this is a retry.
      this.batch.touch(file.path);
      return;
    }
    const outcome = await this.deps.ingest([file.path], new Map());
    if (this.stopped) return;
    const error = outcome.errors.find((candidate) => candidate.path === file.path);
    if (!error) {
      this.broken.clear(file.path);
      return;
    }
    // A file no reader claims is not a report (a log, a screenshot): skipped quietly, as
    // `vigil ingest` skips such files in a folder. An empty file is shown when its name says report.
    const claimed = (await claimedByAReader(file.path)) || (file.facts.size === 0 && REPORT_NAME.test(file.path));
    if (!claimed || this.stopped) return;
    this.broken.markReported(file.path, file.facts);
    this.deps.onFileFailed(file.path, error.error);
  }
}
