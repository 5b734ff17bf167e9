import { useEffect } from 'react';
import { formatDuration, passRate } from '../../shared/run-figures.js';
import { useAppStore } from '../app/app-store.js';
import { ErrorBanner } from '../app/error-banner.js';
import { formatStartedAt } from './format-started-at.js';
import { useHistoryStore } from './history-store.js';

export function HistoryView({ project }: { project: string }) {
  const revision = useAppStore((s) => s.revision);
  const openRun = useAppStore((s) => s.openRun);
  const runs = useHistoryStore((s) => (s.project === project ? s.runs : null));
  const error = useHistoryStore((s) => (s.project === project ? s.error : null));
  const load = useHistoryStore((s) => s.load);

  useEffect(() => {
    void load(project);
  }, [load, project, revision]);

  return (
    <section className="history" aria-labelledby="history-title">
      <h1 id="history-title">{project}</h1>
      {error && <ErrorBanner message={error} />}
      {runs === null && !error && <p className="muted">Loading runs…</p>}
      {runs !== null && runs.length === 0 && <p className="muted">No runs stored for this project.</p>}
      {runs !== null && runs.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">Runs of {project}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">Tests</th>
              <th scope="col" className="num">Passed</th>
              <th scope="col" className="num">Failed</th>
              <th scope="col" className="num">Errored</th>
              <th scope="col" className="num">Skipped</th>
              <th scope="col" className="num">Pass rate</th>
              <th scope="col" className="num">Duration</th>
            </tr>
          </thead>
          <tbody>
            {runs.toReversed().map((run) => (
              <tr key={run.id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => openRun(project, run.id)} title={run.id}>
                    {formatStartedAt(run.startedAt)}
                  </button>
                </th>
                <td>{run.format}</td>
                <td className="num">{run.totals.tests}</td>
                <td className="num">{run.totals.passed}</td>
                <td className={run.totals.failed > 0 ? 'num status-failed-text' : 'num'}>{run.totals.failed}</td>
                <td className={run.totals.errored > 0 ? 'num status-errored-text' : 'num'}>{run.totals.errored}</td>
                <td className="num">{run.totals.skipped}</td>
                <td className="num">{passRate(run.totals)}</td>
                <td className="num">{formatDuration(run.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
