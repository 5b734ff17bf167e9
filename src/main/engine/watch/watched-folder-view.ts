import type { WatchedFolder, WatchFolderStatus } from '../../../shared/types.js';
import type { StoredFolder } from '../store/watched-folders.js';

export interface LiveStatus {
  status: WatchFolderStatus;
  message: string | null;
}

/** A stored folder with the status this process sees, as the API shows it. */
export function watchedFolderView(stored: StoredFolder, live: LiveStatus | null): WatchedFolder {
  return {
    path: stored.path,
    project: stored.project,
    polling: stored.polling,
    status: live?.status ?? 'not-watched',
    message: live?.message ?? null,
    addedAt: new Date(stored.addedAtMs).toISOString(),
    importedAt: stored.importedAtMs === null ? null : new Date(stored.importedAtMs).toISOString(),
  };
}
