import { useEffect } from 'react';
import { HistoryView } from '../history/history-view.js';
import { useLiveRefresh } from '../history/live-refresh.js';
import { RunView } from '../run/run-view.js';
import { useAppStore } from './app-store.js';
import { EmptyState } from './empty-state.js';
import { ErrorBanner } from './error-banner.js';
import { ProjectNav } from './project-nav.js';

export function App() {
  const projects = useAppStore((s) => s.projects);
  const projectsError = useAppStore((s) => s.projectsError);
  const place = useAppStore((s) => s.place);
  const loadProjects = useAppStore((s) => s.loadProjects);
  const refresh = useAppStore((s) => s.refresh);
  useLiveRefresh();

  useEffect(() => {
    void loadProjects();
  }, [loadProjects]);

  return (
    <div className="shell">
      <header className="top-bar">
        <span className="brand">Vigil</span>
        <button type="button" className="button" onClick={refresh}>
          Refresh
        </button>
      </header>
      <nav className="side-nav" aria-label="Projects">
        <ProjectNav />
      </nav>
      <main className="content">
        {projectsError && <ErrorBanner message={projectsError} />}
        {projects === null && !projectsError && <p className="muted">Loading…</p>}
        {projects !== null && projects.length === 0 && <EmptyState />}
        {place?.kind === 'history' && <HistoryView project={place.project} />}
        {place?.kind === 'run' && <RunView project={place.project} runId={place.runId} />}
      </main>
    </div>
  );
}
