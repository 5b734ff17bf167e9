// The first launch: nothing stored yet. Says what Vigil does and offers the two ways in: watch
// the folder a test runner writes to, or look around a demo workspace made of real reports.
import { useState } from 'react';
import { engine } from '../api/engine.js';
import { useAppStore } from '../app/app-store.js';
import { ErrorBanner } from '../app/error-banner.js';
import { WatchFolderForm } from '../settings/watch-folder-form.js';

export function FirstLaunch({ hasFolders }: { hasFolders: boolean }) {
  const refresh = useAppStore((s) => s.refresh);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadDemo = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await engine.loadDemo();
      if (outcome.errors.length > 0) setError(outcome.errors.map((e) => `${e.path}: ${e.error}`).join('; '));
      refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel first-launch" aria-labelledby="first-launch-title">
      <h2 id="first-launch-title">No test runs yet</h2>
      <p>
        Vigil keeps every run of your test suite, shows what changed since the last one, groups failures by root cause and writes
        the handoff report at the end of the session. It reads the reports your test runner writes: JUnit XML, <code>go test -json</code>,
        Vitest or Jest JSON, pytest-json-report, TAP, TRX and more, with coverage beside them.
      </p>
      <div className="first-launch-options">
        <div>
          <h3>Watch your reports folder</h3>
          <p className="muted">
            {hasFolders
              ? 'Your folder is watched: run your tests and the run appears here.'
              : 'Point Vigil at the folder your runner writes to (e.g. target/surefire-reports, reports/). Each run shows up the moment it lands.'}
          </p>
          <WatchFolderForm />
        </div>
        <div>
          <h3>Or look around first</h3>
          <p className="muted">A demo workspace of real reports: seven Vitest runs of a small shop over five days, and a pytest run with coverage.</p>
          <button type="button" className="button primary" onClick={() => void loadDemo()} disabled={busy}>
            {busy ? 'Loading the demo…' : 'Load the demo workspace'}
          </button>
        </div>
      </div>
      {error && <ErrorBanner message={error} />}
      <p className="muted">
        From a terminal: <code>vigil ingest PATH</code> stores reports already written; <code>vigil watch DIR</code> follows a folder.
      </p>
    </section>
  );
}
