// What the Live screen shows from the event stream itself: folder statuses as they change and
// the files that could not be read. Subscribed for the app's whole life, so a failure that
// happens while another screen is open is still listed when the user comes back.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { WatchedFolder } from '../../shared/types.js';
import { onEngineEvent } from '../api/engine-events.js';

export interface FileFailure {
  path: string;
  error: string;
  at: string;
}

const MAX_FAILURES = 20;

interface LiveEventsState {
  /** Latest status per folder path from events (newer than the last listWatchFolders). */
  statuses: Record<string, WatchedFolder>;
  failures: FileFailure[];
  lastRunAt: string | null;
}

export const useLiveEvents = create<LiveEventsState>()(() => ({ statuses: {}, failures: [], lastRunAt: null }));

export function useLiveEventsSubscription(): void {
  useEffect(
    () =>
      onEngineEvent((event) => {
        if (event.type === 'didChangeFolderStatus') {
          useLiveEvents.setState((s) => ({ statuses: { ...s.statuses, [event.folder.path]: event.folder } }));
        } else if (event.type === 'didFailFile') {
          const failure = { path: event.path, error: event.error, at: new Date().toISOString() };
          useLiveEvents.setState((s) => ({ failures: [failure, ...s.failures].slice(0, MAX_FAILURES) }));
        } else {
          useLiveEvents.setState({ lastRunAt: new Date().toISOString() });
        }
      }),
    [],
  );
}
