// Where the user is (screen, project, run, the pair of runs compared) and the list of projects.
// Navigation is plain state: the app has a handful of screens and no URLs to share.
import { create } from 'zustand';
import { engine } from '../api/engine.js';

export type Screen = 'live' | 'history' | 'run' | 'causes' | 'compare' | 'report' | 'settings';

export const SCREENS: readonly { id: Screen; label: string }[] = [
  { id: 'live', label: 'Live' },
  { id: 'history', label: 'History' },
  { id: 'run', label: 'Run' },
  { id: 'causes', label: 'Root causes' },
  { id: 'compare', label: 'Compare' },
  { id: 'report', label: 'Report' },
  { id: 'settings', label: 'Settings' },
];

/** Two runs of a project, by id; null sides mean "the usual default" (previous/first and latest). */
export interface RunPair {
  before: string | null;
  after: string | null;
}

interface AppState {
  projects: string[] | null;
  projectsError: string | null;
  screen: Screen;
  /** The project of History, Run, Root causes, Compare and Report. */
  project: string | null;
  /** The run shown by Run and Root causes; null: the project's latest. */
  runId: string | null;
  pair: RunPair;
  /** Bumped whenever stored data may have changed (a run landed, a deletion), so open screens reload. */
  revision: number;
  /** Bumped by the user's own changes only (a recategorisation, a deletion, a folder added). */
  userRevision: number;
  loadProjects(): Promise<void>;
  /** The user changed stored data: every open view reloads. */
  refresh(): void;
  /** Runs were stored (the watcher, another client): open screens reload. */
  runsLanded(): void;
  go(screen: Screen): void;
  setProject(project: string): void;
  openRun(project: string, runId: string | null): void;
  openCauses(project: string, runId: string | null): void;
  openCompare(project: string, pair: RunPair): void;
  openReport(project: string, pair: RunPair): void;
  /** Runs were replaced by `by` (late reports joined them): a screen showing one shows `by` now. */
  followReplaced(replaced: readonly string[], by: string): void;
}

export const useAppStore = create<AppState>()((set, get) => ({
  projects: null,
  projectsError: null,
  screen: 'live',
  project: null,
  runId: null,
  pair: { before: null, after: null },
  revision: 0,
  userRevision: 0,
  async loadProjects() {
    try {
      const projects = await engine.listProjects();
      const current = get().project;
      set({ projects, projectsError: null, project: current && projects.includes(current) ? current : (projects[0] ?? null) });
    } catch (error) {
      set({ projectsError: (error as Error).message });
    }
  },
  refresh() {
    // One update: a view keyed on either revision reloads once.
    set({ revision: get().revision + 1, userRevision: get().userRevision + 1 });
    void get().loadProjects();
  },
  runsLanded() {
    set({ revision: get().revision + 1 });
    void get().loadProjects();
  },
  go(screen) {
    set({ screen });
  },
  setProject(project) {
    if (project === get().project) return;
    set({ project, runId: null, pair: { before: null, after: null } });
  },
  openRun(project, runId) {
    set({ screen: 'run', project, runId });
  },
  openCauses(project, runId) {
    set({ screen: 'causes', project, runId });
  },
  openCompare(project, pair) {
    set({ screen: 'compare', project, pair });
  },
  openReport(project, pair) {
    set({ screen: 'report', project, pair });
  },
  followReplaced(replaced, by) {
    const follow = (id: string | null): string | null => (id !== null && replaced.includes(id) ? by : id);
    const { runId, pair } = get();
    set({ runId: follow(runId), pair: { before: follow(pair.before), after: follow(pair.after) } });
  },
}));
