// Settings: the watched folders (add by path or folder picker, import what is already there,
// stop watching), the projects with their runs, retention per project, and the theme.
import { useState } from 'react';
import type { RunSummary, WatchedFolder } from '../../shared/types.js';
import { engine } from '../api/engine.js';
import { useAppStore } from '../app/app-store.js';
import { ErrorBanner } from '../app/error-banner.js';
import { formatStartedAt, plural } from '../app/format.js';
import { Screen } from '../app/screen.js';
import { ThemePicker } from '../app/theme-picker.js';
import { useScreenData } from '../app/use-screen-data.js';
import { FolderStatus } from '../live/folder-list.js';
import { useLiveEvents } from '../live/live-events.js';
import { RetentionForm } from './retention-form.js';
import { WatchFolderForm } from './watch-folder-form.js';

interface SettingsData {
  folders: WatchedFolder[];
  runs: RunSummary[];
}

function FolderRow({ folder }: { folder: WatchedFolder }) {
  const refresh = useAppStore((s) => s.refresh);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const act = async (action: () => Promise<string>): Promise<void> => {
    setError(null);
    try {
      setNote(await action());
      refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <li className="folder-row settings-folder">
      <FolderStatus folder={folder} />
      <span className="mono folder-path" title={folder.path}>
        {folder.path}
      </span>
      <span className="muted">{folder.project ? `→ ${folder.project}` : 'each report\'s own project'}{folder.polling ? ' · polling' : ''}</span>
      <span className="spacer" />
      <button
        type="button"
        className="button"
        onClick={() =>
          void act(async () => {
            const outcome = await engine.importExisting({ path: folder.path });
            return `${plural(outcome.runs.length, 'run')} imported, ${outcome.duplicates.length} already stored, ${outcome.errors.length} unreadable`;
          })
        }
      >
        {folder.importedAt ? 'Import again' : 'Import existing reports'}
      </button>
      <button
        type="button"
        className="button"
        onClick={() =>
          void act(async () => {
            await engine.removeWatchFolder({ path: folder.path });
            return 'no longer watched; its runs stay';
          })
        }
      >
        Stop watching
      </button>
      {folder.message && <span className="muted folder-message">{folder.message}</span>}
      {note && (
        <span className="muted folder-message" role="status">
          {note}
        </span>
      )}
      {error && <ErrorBanner message={error} />}
    </li>
  );
}

export function SettingsView() {
  const statuses = useLiveEvents((s) => s.statuses);
  const { data, error } = useScreenData<SettingsData>(async () => {
    const [folders, runs] = await Promise.all([engine.listWatchFolders(), engine.listRuns({})]);
    return { folders, runs };
  }, []);

  const projects = new Map<string, RunSummary[]>();
  for (const run of data?.runs ?? []) projects.set(run.project, [...(projects.get(run.project) ?? []), run]);

  return (
    <Screen name="settings" title="Settings">
      {error && <ErrorBanner message={error} />}
      <section className="panel" aria-labelledby="watched-title">
        <h2 id="watched-title">Watched folders</h2>
        <p className="muted">Each run a test runner writes into a watched folder (or below it) is stored the moment the runner has finished writing it.</p>
        {data && data.folders.length === 0 && <p className="muted">No folder is watched yet.</p>}
        {data && data.folders.length > 0 && (
          <ul className="folder-list">
            {data.folders.map((folder) => (
              <FolderRow key={folder.path} folder={statuses[folder.path] ?? folder} />
            ))}
          </ul>
        )}
        <h3>Watch another folder</h3>
        <WatchFolderForm />
      </section>
      <section className="panel" aria-labelledby="projects-title">
        <h2 id="projects-title">Projects and retention</h2>
        <p className="muted">Deleting old runs removes them with their tests' results, coverage and report files' records, in one step. Your category overrides stay.</p>
        {data && projects.size === 0 && <p className="muted">No projects yet.</p>}
        {data && projects.size > 0 && (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col" className="num">Runs</th>
                  <th scope="col">First run</th>
                  <th scope="col">Latest run</th>
                  <th scope="col">Retention</th>
                </tr>
              </thead>
              <tbody>
                {[...projects].map(([project, runs]) => (
                  <tr key={project}>
                    <th scope="row">{project}</th>
                    <td className="num">{runs.length}</td>
                    <td>{runs[0] ? formatStartedAt(runs[0].startedAt) : '-'}</td>
                    <td>{runs.at(-1) ? formatStartedAt(runs.at(-1)?.startedAt ?? '') : '-'}</td>
                    <td>
                      <RetentionForm project={project} runs={runs} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="appearance-title">
        <h2 id="appearance-title">Appearance</h2>
        <ThemePicker />
      </section>
    </Screen>
  );
}
