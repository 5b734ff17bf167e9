// Watches one folder, recursively, and keeps watching through whatever happens to it: deleted
// and re-created, renamed away and back, made unreadable, unmounted, the machine asleep. Each
// problem becomes the folder's status; none of them throws. What the files that change become
// is ReportIntake's business.
import { watch as watchFiles, type FSWatcher } from 'chokidar';
import { stat } from 'node:fs/promises';
import type { IngestOutcome, WatchFolderStatus } from '../../../shared/types.js';
import { expandPaths } from '../ingest/expand-paths.js';
import { watchForAppearance } from './appear-watch.js';
import { probeFolder, type Probe } from './folder-probe.js';
import { ignoreMatcher } from './ignore-matcher.js';
import { mapLimit } from './map-limit.js';
import { pollingFsType } from './network-mount.js';
import { ReportIntake, type IncompleteStreams } from './report-intake.js';
import type { WatchTiming } from './watch-timing.js';

/** Files stat-ed in parallel by a catch-up. */
const STAT_PARALLEL = 32;
/** Modification times are compared with some slack: coarse file system clocks, skew on mounts. */
const MTIME_SLACK_MS = 2_000;
/** How long watching waits for the first scan of a folder before it counts as watched anyway. */
const READY_WAIT_MS = 5_000;
/** A health check this late means timers stood still: the machine slept (or the process was stopped). */
const SLEEP_GAP_FACTOR = 3;

/** Resolves with false after `ms` (unref'd: it never keeps a process alive by itself). */
function delay(ms: number): Promise<false> {
  return new Promise((done) => setTimeout(() => done(false), ms).unref());
}

export interface FolderWatchDeps {
  timing: WatchTiming;
  /** Never watched (Vigil's own database files). */
  ignoredFiles: readonly string[];
  /** Ingests files found in this folder; runs stored are announced by the caller. */
  ingest(paths: string[], incomplete: IncompleteStreams): Promise<IngestOutcome>;
  onStatus(status: WatchFolderStatus, message: string | null): void;
  onFileFailed(path: string, error: string): void;
}

export class FolderWatch {
  status: WatchFolderStatus = 'starting';
  message: string | null = null;

  private watcher: FSWatcher | null = null;
  private usingPolling = false;
  /** Device and inode of the folder last watched: a different one is a new folder. */
  private identity: { dev: number; ino: number } | null = null;
  /** When watching stopped working (missing, unreadable); null while it works. */
  private lostAtMs: number | null = null;
  private stopAppearWatch: (() => void) | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private lastHealthAtMs = Date.now();
  private stopped = false;
  private checking: Promise<void> | null = null;
  private checkAgain = false;
  private readonly intake: ReportIntake;
  private readonly ignored: (path: string) => boolean;

  constructor(
    readonly path: string,
    readonly polling: boolean,
    private readonly deps: FolderWatchDeps,
  ) {
    this.intake = new ReportIntake({
      timing: deps.timing,
      ingest: (paths, incomplete) => deps.ingest(paths, incomplete),
      onFileFailed: (path, error) => deps.onFileFailed(path, error),
      onInternalError: (error) => this.internalError(error),
    });
    this.ignored = ignoreMatcher(path, deps.ignoredFiles);
  }

  /** Resolves once the folder has a status: watched (`ok`), or why not. */
  async start(): Promise<void> {
    this.healthTimer = setInterval(() => this.healthCheck(), this.deps.timing.healthMs);
    this.healthTimer.unref();
    await this.check();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.stopAppearWatch?.();
    this.stopAppearWatch = null;
    await this.closeWatcher();
    // An ingest under way finishes before the engine may close the store under it.
    await this.intake.stop();
  }

  /** A fault of Vigil's own: its stack is printed, and the folder shows it as its status. */
  private internalError(error: Error): void {
    if (this.stopped) return;
    console.error(`vigil: watching ${this.path}: ${error.stack ?? error.message}`);
    this.setStatus('error', `internal error: ${error.message}`);
  }

  /** Looks at the folder and moves to the state that fits. One look at a time; asks made meanwhile are merged into one more. */
  private check(): Promise<void> {
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    this.checking = this.checkOnce()
      .catch((error: unknown) => this.internalError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        this.checking = null;
        if (this.checkAgain && !this.stopped) {
          this.checkAgain = false;
          void this.check();
        }
      });
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    const probe = await probeFolder(this.path);
    if (this.stopped) return;
    if (probe.kind !== 'ok') {
      await this.goDown(probe);
      return;
    }
    const sameFolder = this.identity !== null && this.identity.dev === probe.dev && this.identity.ino === probe.ino;
    if (this.watcher && sameFolder) return;
    // Not watched yet, or watched no more, or another folder now stands at this path (deleted
    // and re-created between two looks): (re)start on what is there now.
    const lostAt = this.watcher && !sameFolder ? Date.now() : this.lostAtMs;
    await this.closeWatcher();
    this.stopAppearWatch?.();
    this.stopAppearWatch = null;
    this.identity = { dev: probe.dev, ino: probe.ino };
    const openedAt = Date.now();
    if (!(await this.openWatcher()) || this.stopped) return;
    this.lostAtMs = null;
    // A poller takes its first look a moment after it reports ready; what landed in between
    // would look unchanged to it ever after.
    if (lostAt === null && this.usingPolling) await this.catchUp(openedAt);
    // Reports written while nobody watched are new to us: all of a folder that was created
    // meanwhile, the recent ones of a folder that came back. On the very first start nothing is
    // caught up: reports already there are imported only when asked (importExisting).
    if (lostAt !== null) await this.catchUp(sameFolder ? lostAt - MTIME_SLACK_MS : null);
  }

  private async goDown(probe: Exclude<Probe, { kind: 'ok' }>): Promise<void> {
    await this.closeWatcher();
    // What was pending is gone with the folder, or unreadable with it; whatever is there when
    // it comes back is caught up then.
    this.intake.reset();
    this.lostAtMs ??= Date.now();
    this.setStatus(probe.kind, probe.message);
    if (probe.kind === 'missing' && !this.stopAppearWatch && !this.stopped) {
      const stopAppearWatch = await watchForAppearance(this.path, () => void this.check());
      if (this.stopped || this.stopAppearWatch) stopAppearWatch();
      else this.stopAppearWatch = stopAppearWatch;
    }
  }

  /** True when watching works. */
  private async openWatcher(): Promise<boolean> {
    const { timing } = this.deps;
    const fsType = this.polling ? null : await pollingFsType(this.path);
    const usePolling = this.polling || fsType !== null;
    this.usingPolling = usePolling;
    const watcher = watchFiles(this.path, {
      // Reports already present are not new: they are imported on request, not on every start.
      ignoreInitial: true,
      // A link may point anywhere, loops included; a runner writes its reports in place.
      followSymlinks: false,
      ignored: this.ignored,
      usePolling,
      interval: timing.pollIntervalMs,
      binaryInterval: timing.pollIntervalMs,
      persistent: true,
      // When the file is complete is decided here (quiet folder, parse, settle), not by chokidar.
      awaitWriteFinish: false,
    });
    watcher.on('add', (path) => this.intake.touch(path));
    watcher.on('change', (path) => this.intake.touch(path));
    watcher.on('unlink', (path) => this.intake.forget(path));
    watcher.on('unlinkDir', (path) => {
      if (path === this.path) void this.check();
    });
    watcher.on('error', (error) => this.watchError(error as NodeJS.ErrnoException));
    this.watcher = watcher;
    const okMessage = usePolling ? `polling every ${timing.pollIntervalMs} ms${fsType ? ` (${fsType} mount)` : ''}` : null;
    const ready = new Promise<true>((done) => watcher.once('ready', () => done(true)));
    // A huge tree takes a while to scan; changes are seen meanwhile, so the folder is watched
    // (and `startWatching` resolves) without waiting for the end of the scan.
    const readyInTime = await Promise.race([ready, delay(READY_WAIT_MS)]);
    if (this.stopped || this.watcher !== watcher) return false;
    if (readyInTime) {
      this.setStatus('ok', okMessage);
      return true;
    }
    this.setStatus('ok', 'still scanning the folder; reports written meanwhile are seen');
    void ready.then(() => {
      if (this.watcher === watcher) this.setStatus('ok', okMessage);
    });
    return true;
  }

  private async closeWatcher(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    if (watcher) await watcher.close();
  }

  private watchError(error: NodeJS.ErrnoException): void {
    if (this.stopped) return;
    if (error.code === 'ENOSPC') {
      // inotify's limit: the folders already watched still are, the rest is not.
      this.setStatus(
        'error',
        'the system limit of file watches is reached (ENOSPC): part of the folder is not watched; raise fs.inotify.max_user_watches or watch it with polling',
      );
      return;
    }
    const where = typeof error.path === 'string' ? error.path : this.path;
    if (where !== this.path) this.deps.onFileFailed(where, `cannot watch (${error.code ?? error.message})`);
    // Whatever it was, the folder itself may be the problem: look at it.
    void this.check();
  }

  private healthCheck(): void {
    const now = Date.now();
    const since = this.lastHealthAtMs;
    this.lastHealthAtMs = now;
    const slept = now - since > this.deps.timing.healthMs * SLEEP_GAP_FACTOR;
    this.check()
      .then(async () => {
        // After a sleep OS events may be lost (a network mount reconnected): look for reports
        // written since the last check.
        if (slept && this.watcher && !this.stopped) await this.catchUp(since - MTIME_SLACK_MS);
      })
      .catch((error: unknown) => this.internalError(error instanceof Error ? error : new Error(String(error))));
  }

  /** Queues the files under the folder modified since `sinceMs` (all of them when null). */
  private async catchUp(sinceMs: number | null): Promise<void> {
    const { files, errors } = await expandPaths([this.path]);
    for (const error of errors) if (error.path !== this.path) this.deps.onFileFailed(error.path, error.error);
    const candidates = files.map((file) => file.path).filter((path) => !this.ignored(path));
    const recent = await mapLimit(candidates, STAT_PARALLEL, async (path) => {
      if (sinceMs === null) return true;
      const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
      return !(info instanceof Error) && info.mtimeMs >= sinceMs;
    });
    if (this.stopped) return;
    candidates.forEach((path, index) => {
      if (recent[index]) this.intake.touch(path);
    });
  }

  private setStatus(status: WatchFolderStatus, message: string | null): void {
    if (this.stopped || (status === this.status && message === this.message)) return;
    this.status = status;
    this.message = message;
    this.deps.onStatus(status, message);
  }
}
