// The engine's live half: watched folders, the watcher and the events every client receives.
// engine.ts stays the facade; this file holds what it delegates for issue 4 (live watching).
import type { Database } from 'better-sqlite3';
import { resolve } from 'node:path';
import type { AddWatchFolderResult, AnnouncedRun, EngineEvent, EngineEventListener, IngestOutcome, WatchedFolder } from '../../../shared/types.js';
import { WatchedFolderStore } from '../store/watched-folders.js';
import { EventHub } from './event-hub.js';
import { databaseFiles } from './ignore-matcher.js';
import type { IncompleteStreams } from './report-intake.js';
import { SerialQueue } from './serial-queue.js';
import { WatchService } from './watch-service.js';
import { watchedFolderView } from './watched-folder-view.js';
import { DEFAULT_WATCH_TIMING, type WatchTiming } from './watch-timing.js';

export interface LiveEngineDeps {
  db: Database;
  dbPath: string;
  /** The plain ingest (read, assemble, store) for direct calls; called one at a time from here. */
  ingest(paths: string[], project: string | undefined): Promise<IngestOutcome>;
  /** The watcher's ingest: new reports also join the stored runs they belong to (watch-ingest.ts). */
  ingestJoining(paths: string[], project: string | undefined): Promise<IngestOutcome>;
  timing?: Partial<WatchTiming>;
  /** Thrown when importExisting names a folder that is not watched. */
  notFound(message: string): Error;
}

export interface WatchingControls {
  /** Subscribes to every EngineEvent; returns the function that unsubscribes. */
  onEvent(listener: EngineEventListener): () => void;
  /**
   * Watches the stored folders (only those under `only` when given: `vigil watch DIR...`).
   * Resolves once each folder has a status. Folders added later are watched too.
   */
  startWatching(options?: { only?: readonly string[] }): Promise<void>;
  /** Stops watching and waits for an ingest under way; the engine can then close. */
  stopWatching(): Promise<void>;
}

export function createLiveEngine(deps: LiveEngineDeps) {
  const hub = new EventHub();
  const serial = new SerialQueue();
  const folders = new WatchedFolderStore(deps.db);
  const timing: WatchTiming = { ...DEFAULT_WATCH_TIMING, ...deps.timing };
  let closed = false;

  const emit = (event: EngineEvent): void => hub.emit(event);

  /** Every ingest goes through here: one at a time, and never once the engine is closed. */
  const inTurn = (call: () => Promise<IngestOutcome>): Promise<IngestOutcome> => {
    if (closed) throw new Error('the engine is closed');
    return serial.run(call);
  };

  /** What the watcher found: reports join the runs they belong to; streams stored unfinished say so. */
  const ingestWatched = async (paths: string[], project: string | undefined, folder: string, incomplete: IncompleteStreams): Promise<IngestOutcome> => {
    const outcome = await inTurn(() => deps.ingestJoining(paths, project));
    for (const [path, reason] of incomplete) {
      outcome.warnings.push({ path, warning: `incomplete: ${reason}, and nothing was written for ${timing.incompleteStreamMs / 1000} s; stored as it is (if it goes on, its run is replaced)` });
    }
    for (const run of outcome.runs) {
      const warnings = outcome.warnings.filter((warning) => run.sources.includes(warning.path));
      const announced: AnnouncedRun = warnings.length > 0 ? { ...run, warnings } : run;
      emit({ type: 'didIngestRun', run: announced, folder });
    }
    return outcome;
  };

  /** A direct call's ingest: each stored run is announced. */
  const ingest = async (paths: string[], project: string | undefined, folder: string | null): Promise<IngestOutcome> => {
    const outcome = await inTurn(() => deps.ingest(paths, project));
    for (const run of outcome.runs) emit({ type: 'didIngestRun', run, folder });
    return outcome;
  };

  /** Direct calls announce their refused files too; the watcher decides itself when a file counts as failed. */
  const ingestAndAnnounce = async (paths: string[], project: string | undefined, folder: string | null): Promise<IngestOutcome> => {
    const outcome = await ingest(paths, project, folder);
    for (const error of outcome.errors) emit({ type: 'didFailFile', path: error.path, error: error.error, folder });
    return outcome;
  };

  const service = new WatchService({
    timing,
    ignoredFiles: databaseFiles(resolve(deps.dbPath)),
    ingest: (paths, folder, incomplete) => ingestWatched(paths, folders.get(folder)?.project ?? undefined, folder, incomplete),
    describe: (path, live) => {
      const stored = folders.get(path);
      return stored ? watchedFolderView(stored, live) : null;
    },
    emit,
  });

  const view = (path: string): WatchedFolder | null => {
    const stored = folders.get(path);
    return stored ? watchedFolderView(stored, service.statusOf(path)) : null;
  };

  const controls: WatchingControls = {
    onEvent: (listener) => hub.subscribe(listener),
    async startWatching(options = {}) {
      const only = options.only?.map((path) => resolve(path));
      const stored = folders.list().filter((folder) => !only || only.includes(folder.path));
      await service.start(stored);
    },
    async stopWatching() {
      await service.stop();
      await serial.idle();
    },
  };

  return {
    ...controls,
    ingestPaths({ paths, project }: { paths: string[]; project?: string }): Promise<IngestOutcome> {
      return ingestAndAnnounce(paths, project, null);
    },
    async addWatchFolder({ path, project, polling }: { path: string; project?: string; polling?: boolean }): Promise<AddWatchFolderResult> {
      const absolute = resolve(path);
      const { folder, added } = folders.upsert(absolute, { project, polling }, Date.now());
      await service.watch(folder);
      const shown = view(absolute);
      if (!shown) throw new Error(`${absolute}: stored folder vanished`);
      return { folder: shown, added };
    },
    async removeWatchFolder({ path }: { path: string }): Promise<{ removed: boolean }> {
      const absolute = resolve(path);
      const removed = folders.delete(absolute);
      await service.unwatch(absolute);
      return { removed };
    },
    async listWatchFolders(): Promise<WatchedFolder[]> {
      return folders.list().map((stored) => watchedFolderView(stored, service.statusOf(stored.path)));
    },
    async importExisting({ path }: { path: string }): Promise<IngestOutcome> {
      const absolute = resolve(path);
      const stored = folders.get(absolute);
      if (!stored) throw deps.notFound(`${absolute} is not a watched folder; add it first`);
      const outcome = await ingestAndAnnounce([absolute], stored.project ?? undefined, absolute);
      folders.markImported(absolute, Date.now());
      return outcome;
    },
    /** Stops everything without waiting (the store closes right after); nothing is announced any more. */
    close(): void {
      closed = true;
      hub.close();
      service.stop().catch((error: unknown) => console.error(`vigil: stopping the watcher: ${(error as Error).stack ?? String(error)}`));
    },
  };
}
