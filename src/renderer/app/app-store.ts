// Where the user is (project, run) and the list of projects. Navigation is plain state: the UI
// has a handful of places and no URLs to share.
import { create } from 'zustand';
import { engine } from '../api/engine.js';

export type Place = { kind: 'history'; project: string } | { kind: 'run'; project: string; runId: string };

interface AppState {
  projects: string[] | null;
  projectsError: string | null;
  place: Place | null;
  /** Bumped by Refresh so that every open view reloads (until live events arrive). */
  revision: number;
  loadProjects(): Promise<void>;
  refresh(): void;
  openProject(project: string): void;
  openRun(project: string, runId: string): void;
}

export const useAppStore = create<AppState>()((set, get) => ({
  projects: null,
  projectsError: null,
  place: null,
  revision: 0,
  async loadProjects() {
    try {
      const projects = await engine.listProjects();
      const place = get().place;
      const keep = place && projects.includes(place.project);
      set({
        projects,
        projectsError: null,
        place: keep ? place : projects[0] !== undefined ? { kind: 'history', project: projects[0] } : null,
      });
    } catch (error) {
      set({ projectsError: (error as Error).message });
    }
  },
  refresh() {
    set({ revision: get().revision + 1 });
    void get().loadProjects();
  },
  openProject(project) {
    set({ place: { kind: 'history', project } });
  },
  openRun(project, runId) {
    set({ place: { kind: 'run', project, runId } });
  },
}));
