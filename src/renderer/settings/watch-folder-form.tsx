// Adds a watched folder: by path, or (in the desktop app) with the system's folder picker.
// Offers once to import the reports already in it, since watching only reads new ones.
import { useState, type FormEvent } from 'react';
import { engine } from '../api/engine.js';
import { desktop } from '../api/desktop.js';
import { useAppStore } from '../app/app-store.js';
import { ErrorBanner } from '../app/error-banner.js';

export function WatchFolderForm() {
  const refresh = useAppStore((s) => s.refresh);
  const [path, setPath] = useState('');
  const [project, setProject] = useState('');
  const [polling, setPolling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const dialogs = desktop();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (path.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const result = await engine.addWatchFolder({ path: path.trim(), ...(project.trim() ? { project: project.trim() } : {}), ...(polling ? { polling } : {}) });
      setAdded(result.added ? result.folder.path : null);
      setPath('');
      refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const importExisting = async (folder: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await engine.importExisting({ path: folder });
      setAdded(null);
      if (outcome.errors.length > 0) setError(`${outcome.errors.length} file(s) could not be read: ${outcome.errors[0]?.path}: ${outcome.errors[0]?.error}`);
      refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (): Promise<void> => {
    if (!dialogs) return;
    try {
      const chosen = await dialogs.pickFolder();
      if (chosen) setPath(chosen);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <form className="watch-form" onSubmit={(event) => void submit(event)}>
      <div className="form-row">
        <label className="field grow">
          <span>Folder</span>
          <input className="input mono" value={path} onChange={(event) => setPath(event.target.value)} placeholder="/path/to/reports" spellCheck={false} required />
        </label>
        {dialogs && (
          <button type="button" className="button" onClick={() => void pick()}>
            Choose…
          </button>
        )}
      </div>
      <div className="form-row">
        <label className="field">
          <span>Project (optional)</span>
          <input className="input" value={project} onChange={(event) => setProject(event.target.value)} placeholder="from the reports" />
        </label>
        <label className="check">
          <input type="checkbox" checked={polling} onChange={(event) => setPolling(event.target.checked)} /> Poll (network or container mount)
        </label>
        <button type="submit" className="button primary" disabled={busy || path.trim() === ''}>
          Watch
        </button>
      </div>
      {added && (
        <p className="notice" role="status">
          Watching <span className="mono">{added}</span>. Reports already in it are not read.{' '}
          <button type="button" className="link" onClick={() => void importExisting(added)}>
            Import the existing reports
          </button>
        </p>
      )}
      {error && <ErrorBanner message={error} />}
    </form>
  );
}
