// All the folders this process watches. The engine owns one; it starts when a client (the
// desktop app, `vigil serve`, `vigil watch`) asks, so that `vigil ingest` never watches.
import type { EngineEvent, IngestOutcome, WatchedFolder, WatchFolderStatus } from '../../../shared/types.js';
import type { StoredFolder } from '../store/watched-folders.js';
import { FolderWatch } from './folder-watch.js';
import type { IncompleteStreams } from './report-intake.js';
import type { LiveStatus } from './watched-folder-view.js';
import type { WatchTiming } from './watch-timing.js';

export interface WatchServiceDeps {
  timing: WatchTiming;
  ignoredFiles: readonly string[];
  /** Ingests files found in a watched folder (with that folder's project) and announces the runs. */
  ingest(paths: string[], folder: string, incomplete: IncompleteStreams): Promise<IngestOutcome>;
  /** The folder as the API shows it, or null when it is no longer stored. */
  describe(path: string, live: LiveStatus): WatchedFolder | null;
  emit(event: EngineEvent): void;
}

export class WatchService {
  private readonly watches = new Map<string, FolderWatch>();
  private running = false;

  constructor(private readonly deps: WatchServiceDeps) {}

  get isRunning(): boolean {
    return this.running;
  }

  /** Watches these folders; resolves once each has a status. */
  async start(folders: readonly StoredFolder[]): Promise<void> {
    this.running = true;
    await Promise.all(folders.map((folder) => this.watch(folder)));
  }

  /** Starts watching one folder (again, when its polling setting changed). No-op unless started. */
  async watch(folder: StoredFolder): Promise<void> {
    if (!this.running) return;
    const current = this.watches.get(folder.path);
    if (current && current.polling === folder.polling) return;
    if (current) await this.unwatch(folder.path);
    const watch = new FolderWatch(folder.path, folder.polling, {
      timing: this.deps.timing,
      ignoredFiles: this.deps.ignoredFiles,
      ingest: (paths, incomplete) => this.deps.ingest(paths, folder.path, incomplete),
      onStatus: (status, message) => this.announceStatus(folder.path, { status, message }),
      onFileFailed: (path, error) => this.deps.emit({ type: 'didFailFile', path, error, folder: folder.path }),
    });
    this.watches.set(folder.path, watch);
    await watch.start();
  }

  async unwatch(path: string): Promise<void> {
    const watch = this.watches.get(path);
    if (!watch) return;
    this.watches.delete(path);
    await watch.stop();
  }

  /** What this process sees of the folder; null when it does not watch it. */
  statusOf(path: string): LiveStatus | null {
    const watch = this.watches.get(path);
    return watch ? { status: watch.status, message: watch.message } : null;
  }

  watchedPaths(): string[] {
    return [...this.watches.keys()];
  }

  async stop(): Promise<void> {
    this.running = false;
    const all = [...this.watches.values()];
    this.watches.clear();
    await Promise.all(all.map((watch) => watch.stop()));
  }

  private announceStatus(path: string, live: { status: WatchFolderStatus; message: string | null }): void {
    const folder = this.deps.describe(path, live);
    if (folder) this.deps.emit({ type: 'didChangeFolderStatus', folder });
  }
}
