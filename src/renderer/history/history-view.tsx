// History: a project's runs over days. Four trend charts (pass rate, failures by category,
// duration, coverage) over a chosen period, and the runs themselves, newest first, where any
// two can be picked for Compare.
import { useMemo, useState } from 'react';
import { ROOT_CAUSE_CATEGORIES } from '../../shared/root-cause-types.js';
import { formatDuration, passRate } from '../../shared/run-figures.js';
import type { RunSummary } from '../../shared/types.js';
import type { RunCategoryCounts } from '../../shared/ui-types.js';
import { engine } from '../api/engine.js';
import { useAppStore } from '../app/app-store.js';
import { CATEGORY_LABEL } from '../app/category.js';
import { ErrorBanner } from '../app/error-banner.js';
import { formatStartedAt, percent } from '../app/format.js';
import { Screen } from '../app/screen.js';
import { useScreenData } from '../app/use-screen-data.js';
import { TimeChart } from '../charts/time-chart.js';
import { categoryPoints, coveragePoints, durationPoints, inPeriod, passRatePoints, type Period } from './trend-points.js';

const PERIODS: readonly { days: Period; label: string }[] = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: null, label: 'All' },
];

/** Rows rendered at first; a long history shows the rest on request. */
const FIRST_ROWS = 200;

const CATEGORY_SERIES = ROOT_CAUSE_CATEGORIES.map((category) => ({ name: CATEGORY_LABEL[category], className: `series-cat-${category}` }));

interface HistoryData {
  runs: RunSummary[];
  trend: RunCategoryCounts[];
}

export function HistoryView({ project }: { project: string }) {
  const openRun = useAppStore((s) => s.openRun);
  const openCompare = useAppStore((s) => s.openCompare);
  const [period, setPeriod] = useState<Period>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [allRows, setAllRows] = useState(false);
  const { data, error } = useScreenData<HistoryData>(async () => {
    const [runs, trend] = await Promise.all([engine.listRuns({ project }), engine.getFailureTrend({ project })]);
    return { runs, trend };
  }, [project]);

  // "Now" for the period is the project's latest run, so an old history still shows its last days.
  const shown = useMemo(() => {
    if (!data) return null;
    const latest = data.runs.at(-1);
    const now = latest ? new Date(latest.startedAt).getTime() : Date.now();
    return { runs: inPeriod(data.runs, period, now), trend: inPeriod(data.trend, period, now) };
  }, [data, period]);

  const toggle = (runId: string): void => {
    setPicked((current) => (current.includes(runId) ? current.filter((id) => id !== runId) : [...current, runId].slice(-2)));
  };

  const compare = (): void => {
    if (!data || picked.length !== 2) return;
    const order = new Map(data.runs.map((run, index) => [run.id, index]));
    const [a, b] = [...picked].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    if (a && b) openCompare(project, { before: a, after: b });
  };

  const newest = shown ? shown.runs.toReversed() : [];
  const rows = allRows ? newest : newest.slice(0, FIRST_ROWS);
  const pick = (runId: string): void => openRun(project, runId);

  return (
    <Screen
      name="history"
      title={`History of ${project}`}
      header={
        <div className="segmented" role="group" aria-label="Period">
          {PERIODS.map((entry) => (
            <button key={entry.label} type="button" className="segment" aria-pressed={period === entry.days} onClick={() => setPeriod(entry.days)}>
              {entry.label}
            </button>
          ))}
        </div>
      }
    >
      {error && <ErrorBanner message={error} />}
      <div className="chart-grid">
        {shown ? (
          <>
            <TimeChart title="Pass rate" kind="line" points={passRatePoints(shown.runs)} series={[{ name: 'pass rate', className: 'series-passed' }]} format={(v) => `${v.toFixed(0)}%`} max={100} onPick={pick} />
            <TimeChart title="Failures by category" kind="bars" points={categoryPoints(shown.trend)} series={CATEGORY_SERIES} format={(v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))} onPick={pick} />
            <TimeChart title="Duration" kind="line" points={durationPoints(shown.runs)} series={[{ name: 'duration', className: 'series-duration' }]} format={(v) => formatDuration(v)} onPick={pick} />
            <TimeChart title="Line coverage" kind="line" points={coveragePoints(shown.runs)} series={[{ name: 'line coverage', className: 'series-coverage' }]} format={(v) => `${v.toFixed(0)}%`} max={100} onPick={pick} />
          </>
        ) : (
          [0, 1, 2, 3].map((index) => <div key={index} className="chart chart-placeholder" aria-hidden="true" />)
        )}
      </div>
      <ul className="legend" aria-label="Categories">
        {ROOT_CAUSE_CATEGORIES.map((category) => (
          <li key={category}>
            <span className={`swatch series-cat-${category}`} aria-hidden="true" /> {CATEGORY_LABEL[category]}
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <span className="muted" aria-live="polite">
          {picked.length === 0 && 'Pick two runs to compare them.'}
          {picked.length === 1 && 'Pick one more run.'}
          {picked.length === 2 && 'Two runs picked.'}
        </span>
        <button type="button" className="button primary" disabled={picked.length !== 2} onClick={compare}>
          Compare picked runs
        </button>
      </div>
      {shown && newest.length === 0 && <p className="muted">No runs in this period.</p>}
      {shown && newest.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Runs of {project}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Pick</span>
                </th>
                <th scope="col">Started</th>
                <th scope="col">Format</th>
                <th scope="col" className="num">Tests</th>
                <th scope="col" className="num">Passed</th>
                <th scope="col" className="num">Failed</th>
                <th scope="col" className="num">Errored</th>
                <th scope="col" className="num">Skipped</th>
                <th scope="col" className="num">Pass rate</th>
                <th scope="col" className="num">Coverage</th>
                <th scope="col" className="num">Duration</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((run) => (
                <tr key={run.id} className={picked.includes(run.id) ? 'picked' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={`Pick the run of ${formatStartedAt(run.startedAt)} to compare`} checked={picked.includes(run.id)} onChange={() => toggle(run.id)} />
                  </td>
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
                  <td className="num">{run.coverage && run.coverage.linesValid > 0 ? percent(run.coverage.lineRate) : '-'}</td>
                  <td className="num">{formatDuration(run.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!allRows && newest.length > FIRST_ROWS && (
        <button type="button" className="button" onClick={() => setAllRows(true)}>
          Show all {newest.length} runs
        </button>
      )}
    </Screen>
  );
}
