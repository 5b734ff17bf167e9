// Run: every test of a run in a virtualised list (100,000 rows scroll like 100), filtered by
// status, root-cause category and text, with the failure detail beside it.
import { useDeferredValue, useEffect, useMemo } from 'react';
import { ROOT_CAUSE_CATEGORIES } from '../../shared/root-cause-types.js';
import { formatDuration, passRate } from '../../shared/run-figures.js';
import type { RootCauseCategory } from '../../shared/types.js';
import { useAppStore } from '../app/app-store.js';
import { CATEGORY_LABEL } from '../app/category.js';
import { ErrorBanner } from '../app/error-banner.js';
import { formatStartedAt } from '../app/format.js';
import { useRunStore } from './run-store.js';
import { StatusFilter } from './status-filter.js';
import { TestDetailPanel } from './test-detail-panel.js';
import { countByCategory, countByStatus, filterTests } from './test-filter.js';
import { TestList } from './test-list.js';

export function RunView({ project }: { project: string }) {
  const revision = useAppStore((s) => s.revision);
  const runId = useAppStore((s) => s.runId);
  const openCauses = useAppStore((s) => s.openCauses);
  const view = useRunStore((s) => s.view);
  const error = useRunStore((s) => s.error);
  const statuses = useRunStore((s) => s.statuses);
  const category = useRunStore((s) => s.category);
  const setCategory = useRunStore((s) => s.setCategory);
  const text = useRunStore((s) => s.text);
  const setText = useRunStore((s) => s.setText);
  const selectedTestId = useRunStore((s) => s.selectedTestId);
  const selectTest = useRunStore((s) => s.selectTest);
  const load = useRunStore((s) => s.load);
  // Typing stays responsive on a huge run: the list follows the text a moment later.
  const deferredText = useDeferredValue(text);

  useEffect(() => {
    void load(project, runId, revision);
  }, [load, project, runId, revision]);

  const counts = useMemo(() => (view ? countByStatus(view) : { passed: 0, failed: 0, errored: 0, skipped: 0 }), [view]);
  const categoryCounts = useMemo(() => (view ? countByCategory(view) : new Map<RootCauseCategory, number>()), [view]);
  const shown = useMemo(() => (view ? filterTests(view, { statuses, category, text: deferredText }) : []), [view, statuses, category, deferredText]);
  const run = view?.table.run;

  return (
    <section className="screen run" aria-labelledby="run-title">
      {error && <ErrorBanner message={error} />}
      <header className="run-header">
        <h1 id="run-title" tabIndex={-1}>
          {run ? `Run of ${formatStartedAt(run.startedAt)}` : 'Run'}
        </h1>
        <dl className="run-facts">
          <div>
            <dt>Pass rate</dt>
            <dd>{run ? passRate(run.totals) : '…'}</dd>
          </div>
          <div>
            <dt>Format</dt>
            <dd>{run?.format ?? '…'}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{run ? formatDuration(run.durationMs) : '…'}</dd>
          </div>
          <div>
            <dt>Run</dt>
            <dd className="mono">{run?.id ?? '…'}</dd>
          </div>
          <div>
            <dt>Root causes</dt>
            <dd>
              {run ? (
                <button type="button" className="link" onClick={() => openCauses(project, run.id)}>
                  Failure groups of this run
                </button>
              ) : (
                '…'
              )}
            </dd>
          </div>
        </dl>
      </header>
      <div className="filter-bar">
        <StatusFilter counts={counts} />
        <label className="field-inline">
          <span className="visually-hidden">Root cause</span>
          <select className="select" value={category ?? ''} onChange={(event) => setCategory(event.target.value === '' ? null : (event.target.value as RootCauseCategory))} aria-label="Filter by root cause">
            <option value="">All root causes</option>
            {ROOT_CAUSE_CATEGORIES.map((entry) => (
              <option key={entry} value={entry} disabled={!categoryCounts.has(entry)}>
                {CATEGORY_LABEL[entry]} ({categoryCounts.get(entry) ?? 0})
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          className="search"
          placeholder="Filter by name, suite, file or message"
          aria-label="Filter tests by text"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <span className="muted count-label" aria-live="polite">
          {view ? `${shown.length.toLocaleString()} of ${view.table.ids.length.toLocaleString()} tests` : 'Loading tests…'}
        </span>
      </div>
      <div className={selectedTestId ? 'run-body with-detail' : 'run-body'}>
        {view ? <TestList view={view} shown={shown} selectedId={selectedTestId} onSelect={(id) => void selectTest(id)} /> : <div className="test-list placeholder" aria-hidden="true" />}
        {selectedTestId && <TestDetailPanel project={project} onClose={() => void selectTest(null)} />}
      </div>
    </section>
  );
}
