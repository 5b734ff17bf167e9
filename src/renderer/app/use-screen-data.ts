// Loads what a screen shows from the engine whenever its inputs (or the app's revision) change,
// keeping the previous data on screen while the next arrives (no flash, no layout shift) and
// dropping answers that arrive after the inputs moved on.
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from './app-store.js';

export interface ScreenData<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * `revision` replaces the app's revision for a view that knows better when its data can change
 * (a project's card: its own project's runs and the user's changes, not every run that lands).
 */
export function useScreenData<T>(load: (() => Promise<T>) | null, deps: readonly unknown[], revision?: string | number): ScreenData<T> {
  const appRevision = useAppStore((s) => s.revision);
  const [state, setState] = useState<ScreenData<T>>({ data: null, error: null, loading: load !== null });
  const ticket = useRef(0);
  useEffect(() => {
    if (!load) return;
    const mine = ++ticket.current;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => {
        if (ticket.current === mine) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (ticket.current === mine) setState((previous) => ({ data: previous.data, error: (error as Error).message, loading: false }));
      },
    );
    // The caller's deps say when to reload; `load` itself is a fresh closure on every render.
  }, [...deps, revision ?? appRevision]);
  return state;
}
