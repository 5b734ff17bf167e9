// Live: what just happened. Watched folders and their status, the latest run of each project
// with what changed since the run before it and its failure groups, the files that could not be
// read, and the runs as they land. Everything reloads when a run is stored (app/live-refresh.ts).
import { useEffect, useRef } from 'react';
import type { RunSummary, WatchedFolder } from '../../shared/types.js';
import { engine } from '../api/engine.js';
import { ErrorBanner } from '../app/error-banner.js';
import { formatAgo, plural } from '../app/format.js';
import { Screen } from '../app/screen.js';
import { useScreenData } from '../app/use-screen-data.js';
import { FirstLaunch } from './first-launch.js';
import { FolderList } from './folder-list.js';
import { useLiveEvents } from './live-events.js';
import { ProjectCard } from './project-card.js';
import { RecentRuns } from './recent-runs.js';

interface LiveData {
  runs: RunSummary[];
  folders: WatchedFolder[];
}

/** Latest and previous run of each project and how many it has, most recently active project first. */
function latestPerProject(runs: readonly RunSummary[]): { latest: RunSummary; previous: RunSummary | null; count: number }[] {
  const byProject = new Map<string, { latest: RunSummary; previous: RunSummary | null; count: number }>();
  // listRuns is oldest first: each later run pushes the one before it to "previous".
  for (const run of runs) {
    const seen = byProject.get(run.project);
    byProject.set(run.project, { latest: run, previous: seen ? seen.latest : null, count: (seen?.count ?? 0) + 1 });
  }
  return [...byProject.values()].sort((a, b) => b.latest.startedAt.localeCompare(a.latest.startedAt));
}

export function LiveView() {
  const { data, error } = useScreenData<LiveData>(async () => {
    const [runs, folders] = await Promise.all([engine.listRuns({}), engine.listWatchFolders()]);
    return { runs, folders };
  }, []);
  const statuses = useLiveEvents((s) => s.statuses);
  const failures = useLiveEvents((s) => s.failures);
  const marked = useRef(false);
  const completed = useRef(new Set<string>());

  const projects = data ? latestPerProject(data.runs) : [];
  useEffect(() => {
    // The first-paint benchmark (bench/first-paint.bench.js) reads this mark: the latest run
    // of every project is on screen.
    if (data && !marked.current) {
      marked.current = true;
      performance.mark('vigil:live-runs');
    }
  }, [data]);

  const onCardReady = (runId: string): void => {
    completed.current.add(runId);
    if (projects.every((entry) => completed.current.has(entry.latest.id)) && performance.getEntriesByName('vigil:live-complete').length === 0) {
      performance.mark('vigil:live-complete');
    }
  };

  const folders = data?.folders.map((folder) => statuses[folder.path] ?? folder) ?? null;
  const empty = data !== null && data.runs.length === 0;

  return (
    <Screen
      name="live"
      title="Live"
      header={<p className="muted screen-sub">{data ? `${plural(data.runs.length, 'run')} stored · ${plural(projects.length, 'project')}` : 'Loading…'}</p>}
    >
      {error && <ErrorBanner message={error} />}
      {empty && <FirstLaunch hasFolders={(folders?.length ?? 0) > 0} />}
      <section className="panel" aria-labelledby="folders-title">
        <h2 id="folders-title">Watched folders</h2>
        <FolderList folders={folders} />
      </section>
      {failures.length > 0 && (
        <section className="panel" aria-labelledby="failed-files-title">
          <h2 id="failed-files-title">Files that could not be read</h2>
          <ul className="plain-list">
            {failures.map((failure) => (
              <li key={`${failure.path}@${failure.at}`}>
                <span className="mono">{failure.path}</span>: {failure.error} <span className="muted">({formatAgo(failure.at)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {projects.length > 0 && (
        <section aria-labelledby="latest-title">
          <h2 id="latest-title">Latest run of each project</h2>
          <div className="card-grid">
            {projects.map((entry) => (
              <ProjectCard key={entry.latest.project} latest={entry.latest} previous={entry.previous} runsOfProject={entry.count} onReady={onCardReady} />
            ))}
          </div>
        </section>
      )}
      {data && data.runs.length > 0 && <RecentRuns runs={data.runs} />}
    </Screen>
  );
}
