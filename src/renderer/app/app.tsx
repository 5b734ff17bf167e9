// The window: a top bar (project, theme), the screens' navigation (Alt+1..7) and the screen.
// The screen's heading takes the focus when the screen changes, so keyboard and screen-reader
// users land where the new content starts.
import { useEffect, useRef } from 'react';
import { CausesView } from '../causes/causes-view.js';
import { CompareView } from '../compare/compare-view.js';
import { HistoryView } from '../history/history-view.js';
import { LiveView } from '../live/live-view.js';
import { ReportView } from '../report/report-view.js';
import { RunView } from '../run/run-view.js';
import { SettingsView } from '../settings/settings-view.js';
import { SCREENS, useAppStore, type Screen } from './app-store.js';
import { ErrorBanner } from './error-banner.js';
import { useLiveRefresh } from './live-refresh.js';
import { ThemePicker } from './theme-picker.js';

const PROJECT_SCREENS: ReadonlySet<Screen> = new Set(['history', 'run', 'causes', 'compare', 'report']);

function ScreenBody({ screen, project }: { screen: Screen; project: string | null }) {
  if (screen === 'live') return <LiveView />;
  if (screen === 'settings') return <SettingsView />;
  if (!project) return <p className="muted">No project yet: load the demo or watch a folder on the Live screen.</p>;
  switch (screen) {
    case 'history':
      return <HistoryView project={project} />;
    case 'run':
      return <RunView project={project} />;
    case 'causes':
      return <CausesView project={project} />;
    case 'compare':
      return <CompareView project={project} />;
    case 'report':
      return <ReportView project={project} />;
  }
}

export function App() {
  const projects = useAppStore((s) => s.projects);
  const projectsError = useAppStore((s) => s.projectsError);
  const screen = useAppStore((s) => s.screen);
  const project = useAppStore((s) => s.project);
  const go = useAppStore((s) => s.go);
  const setProject = useAppStore((s) => s.setProject);
  const loadProjects = useAppStore((s) => s.loadProjects);
  const mainRef = useRef<HTMLElement>(null);
  const firstScreen = useRef(true);
  useLiveRefresh();

  useEffect(() => {
    void loadProjects();
  }, [loadProjects]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const target = SCREENS[index];
      if (target) {
        event.preventDefault();
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  useEffect(() => {
    // Not on launch: the focus stays at the top of the page then.
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screen]);

  return (
    <div className="shell">
      <header className="top-bar">
        <span className="brand">Vigil</span>
        {PROJECT_SCREENS.has(screen) && projects && projects.length > 0 && (
          <label className="project-picker">
            <span className="muted">Project</span>
            <select className="select" value={project ?? ''} onChange={(event) => setProject(event.target.value)}>
              {projects.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="spacer" />
        <ThemePicker />
      </header>
      <nav className="side-nav" aria-label="Screens">
        <ul className="nav-list">
          {SCREENS.map((entry, index) => (
            <li key={entry.id}>
              <button
                type="button"
                className={entry.id === screen ? 'nav-item current' : 'nav-item'}
                aria-current={entry.id === screen ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${index + 1}`}
                title={`${entry.label} (Alt+${index + 1})`}
                onClick={() => go(entry.id)}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" ref={mainRef} data-screen={screen}>
        {projectsError && <ErrorBanner message={projectsError} />}
        <ScreenBody screen={screen} project={project} />
      </main>
    </div>
  );
}
