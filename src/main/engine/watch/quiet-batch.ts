// Collects the files that changed in one watched folder and hands them over together once the
// folder has been quiet for a while: the files of one run are written within a moment of each
// other, and ingestPaths assembles runs only from the files it is given at once. A file that
// keeps changing for longer than `maxWaitMs` (a log appended all the time) stops holding the
// rest of its folder back; a burst of many files (a sharded run) still waits for its end.

interface Pending {
  /** When the file last changed. */
  changedAt: number;
  /** When it first changed since it was last handed over. */
  firstChangedAt: number;
  /** Not handed over before this moment (it changed less than the quiet time ago, or was put back). */
  dueAt: number;
}

export class QuietBatch {
  private readonly pending = new Map<string, Pending>();
  private lastTouchAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;

  constructor(
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
    /** Receives each handed-over file with the time it last changed. */
    private readonly onQuiet: (files: Map<string, number>) => void,
  ) {}

  /** A file was written (or found new): it waits for the folder to be quiet. */
  touch(path: string, atMs = Date.now()): void {
    const firstChangedAt = this.pending.get(path)?.firstChangedAt ?? atMs;
    this.pending.set(path, { changedAt: atMs, firstChangedAt, dueAt: atMs + this.quietMs });
    // Only files that started changing recently keep the folder from being quiet.
    if (atMs - firstChangedAt < this.maxWaitMs) this.lastTouchAt = Math.max(this.lastTouchAt, atMs);
    this.schedule();
  }

  /** Takes back a file handed over too early (a stream that may go on), to look again in `afterMs`. */
  putBack(path: string, changedAt: number, afterMs: number): void {
    if (this.pending.has(path)) return; // it changed again meanwhile: that touch already counts
    this.pending.set(path, { changedAt, firstChangedAt: changedAt, dueAt: Date.now() + afterMs });
    this.schedule();
  }

  /** The file is gone: nothing to ingest. */
  forget(path: string): void {
    this.pending.delete(path);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  /** When a file may be handed over: it is due, and the folder is quiet. */
  private readyAt(item: Pending): number {
    return Math.max(item.dueAt, this.lastTouchAt + this.quietMs);
  }

  private schedule(): void {
    if (this.pending.size === 0) return;
    let at = Number.POSITIVE_INFINITY;
    for (const item of this.pending.values()) at = Math.min(at, this.readyAt(item));
    if (this.timer && this.timerAt === at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, at - Date.now()));
    // The watcher's own OS handles keep a watching process alive; a timer alone must not.
    this.timer.unref();
  }

  private fire(): void {
    this.timer = null;
    const now = Date.now();
    const ready = new Map<string, number>();
    for (const [path, item] of this.pending) {
      if (this.readyAt(item) <= now) ready.set(path, item.changedAt);
    }
    for (const path of ready.keys()) this.pending.delete(path);
    this.schedule();
    if (ready.size > 0) this.onQuiet(ready);
  }
}
