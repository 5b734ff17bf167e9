// When a run is stored (by the watcher, or by another client), the open screens reload, so a
// new run appears by itself. The first run reloads at once (the budget is 500 ms from report to
// screen); the rest of a burst (a sharded run, many folders at once) is gathered into one more
// reload. It is not the user's own change: views that follow only those (a Live card) wait for
// the data that names them to change.
import { useEffect } from 'react';
import { onEngineEvent } from '../api/engine-events.js';
import { useAppStore } from './app-store.js';

const GATHER_MS = 150;

export function useLiveRefresh(): void {
  const runsLanded = useAppStore((s) => s.runsLanded);
  const followReplaced = useAppStore((s) => s.followReplaced);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let more = false;
    const settle = (): void => {
      timer = null;
      if (!more) return;
      more = false;
      runsLanded();
      timer = setTimeout(settle, GATHER_MS);
    };
    const unsubscribe = onEngineEvent((event) => {
      if (event.type !== 'didIngestRun') return;
      // A run open on a screen may just have been replaced by a grown one: follow it there.
      if (event.run.replaces?.length) followReplaced(event.run.replaces, event.run.id);
      if (timer !== null) {
        more = true;
        return;
      }
      runsLanded();
      timer = setTimeout(settle, GATHER_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [runsLanded, followReplaced]);
}
