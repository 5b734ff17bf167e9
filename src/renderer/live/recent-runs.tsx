import { formatDuration, passRate } from '../../shared/run-figures.js';
import type { RunSummary } from '../../shared/types.js';
import { useAppStore } from '../app/app-store.js';
import { formatStartedAt } from '../app/format.js';

/** Newest runs shown; the History screen has them all. */
const SHOWN = 50;

export function RecentRuns({ runs }: { runs: readonly RunSummary[] }) {
  const openRun = useAppStore((s) => s.openRun);
  const newest = runs.slice(-SHOWN).toReversed();
  return (
    <section className="panel" aria-labelledby="recent-title">
      <h2 id="recent-title">Runs as they landed</h2>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">The {newest.length} newest runs of all projects, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Project</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">Tests</th>
              <th scope="col" className="num">Failed</th>
              <th scope="col" className="num">Errored</th>
              <th scope="col" className="num">Pass rate</th>
              <th scope="col" className="num">Duration</th>
            </tr>
          </thead>
          <tbody>
            {newest.map((run) => (
              <tr key={run.id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => openRun(run.project, run.id)} title={run.id}>
                    {formatStartedAt(run.startedAt)}
                  </button>
                </th>
                <td>{run.project}</td>
                <td>{run.format}</td>
                <td className="num">{run.totals.tests}</td>
                <td className={run.totals.failed > 0 ? 'num status-failed-text' : 'num'}>{run.totals.failed}</td>
                <td className={run.totals.errored > 0 ? 'num status-errored-text' : 'num'}>{run.totals.errored}</td>
                <td className="num">{passRate(run.totals)}</td>
                <td className="num">{formatDuration(run.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
