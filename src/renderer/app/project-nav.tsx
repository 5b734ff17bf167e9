import { useAppStore } from './app-store.js';

export function ProjectNav() {
  const projects = useAppStore((s) => s.projects);
  const place = useAppStore((s) => s.place);
  const openProject = useAppStore((s) => s.openProject);
  if (!projects || projects.length === 0) return <p className="muted nav-empty">No projects yet</p>;
  return (
    <ul className="nav-list">
      {projects.map((project) => {
        const current = place?.project === project;
        return (
          <li key={project}>
            <button
              type="button"
              className={current ? 'nav-item current' : 'nav-item'}
              aria-current={current ? 'page' : undefined}
              onClick={() => openProject(project)}
            >
              {project}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
