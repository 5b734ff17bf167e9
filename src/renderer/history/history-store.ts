import { create } from 'zustand';
import type { RunSummary } from '../../shared/types.js';
import { engine } from '../api/engine.js';

interface HistoryState {
  project: string | null;
  runs: RunSummary[] | null;
  error: string | null;
  load(project: string): Promise<void>;
}

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  project: null,
  runs: null,
  error: null,
  async load(project) {
    set({ project, runs: get().project === project ? get().runs : null, error: null });
    try {
      const runs = await engine.listRuns({ project });
      // A slower answer for a project the user has already left is dropped.
      if (get().project === project) set({ runs });
    } catch (error) {
      if (get().project === project) set({ error: (error as Error).message });
    }
  },
}));
