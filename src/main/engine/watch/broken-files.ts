// Files that did not ingest yet. A report caught half-written fails to parse; the runner's next
// write retries it (through the quiet batch). Only a file that stays broken, with no write for
// a settle time, is reported, and then once until it changes again.
import type { FileFacts } from './file-triage.js';

export interface BrokenFile {
  path: string;
  /** The last problem ingestion named. */
  error: string;
  /** Size and modification time when it failed. */
  facts: FileFacts;
}

export class BrokenFiles {
  private readonly waiting = new Map<string, { file: BrokenFile; timer: NodeJS.Timeout }>();
  /** Files already reported, with what they looked like then. */
  private readonly reported = new Map<string, FileFacts>();

  constructor(
    private readonly settleMs: number,
    private readonly onSettled: (file: BrokenFile) => void,
  ) {}

  /** The file failed: wait for its next write, or report it after the settle time. */
  hold(file: BrokenFile): void {
    const seen = this.waiting.get(file.path);
    if (seen) clearTimeout(seen.timer);
    const timer = setTimeout(() => {
      this.waiting.delete(file.path);
      this.onSettled(file);
    }, this.settleMs);
    timer.unref();
    this.waiting.set(file.path, { file, timer });
  }

  /** The file ingested (or went away): it is not broken any more. */
  clear(path: string): void {
    const seen = this.waiting.get(path);
    if (seen) clearTimeout(seen.timer);
    this.waiting.delete(path);
    this.reported.delete(path);
  }

  /** True when this very state of the file was reported already. */
  alreadyReported(path: string, facts: FileFacts): boolean {
    const seen = this.reported.get(path);
    return seen !== undefined && seen.size === facts.size && seen.mtimeMs === facts.mtimeMs;
  }

  markReported(path: string, facts: FileFacts): void {
    this.reported.set(path, facts);
  }

  isWaiting(path: string): boolean {
    return this.waiting.has(path);
  }

  stop(): void {
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
    this.reported.clear();
  }
}
