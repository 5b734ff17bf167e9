import { useEffect, useMemo } from 'react';
import { formatDuration, passRate } from '../../shared/run-figures.js';
import { useAppStore } from '../app/app-store.js';
import { ErrorBanner } from '../app/error-banner.js';
import { formatStartedAt } from '../history/format-started-at.js';
import { useRunStore } from './run-store.js';
import { StatusFilter } from './status-filter.js';
import { TestDetailPanel } from './test-detail-panel.js';
import { countByStatus, filterTests } from './test-filter.js';
import { TestList } from './test-list.js';

export function RunView({ project, runId }: { project: string; runId: string }) {
  const revision = useAppStore((s) => s.revision);
  const openProject = useAppStore((s) => s.openProject);
  const detail = useRunStore((s) => (s.runId === runId ? s.detail : null));
  const error = useRunStore((s) => (s.runId === runId ? s.error : null));
  const statuses = useRunStore((s) => s.statuses);
  const text = useRunStore((s) => s.text);
  const setText = useRunStore((s) => s.setText);
  const selectedTestId = useRunStore((s) => s.selectedTestId);
  const selectTest = useRunStore((s) => s.selectTest);
  const load = useRunStore((s) => s.load);

  useEffect(() => {
    void load(runId, revision);
  }, [load, runId, revision]);

  const tests = detail?.tests;
  const counts = useMemo(() => countByStatus(tests ?? []), [tests]);
  const shown = useMemo(() => filterTests(tests ?? [], { statuses, text }), [tests, statuses, text]);

  return (
    <section className="run" aria-labelledby="run-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <button type="button" className="link" onClick={() => openProject(project)}>
          ← {project}
        </button>
      </nav>
      {error && <ErrorBanner message={error} />}
      {!detail && !error && <p className="muted">Loading run…</p>}
      {detail && (
        <>
          <header className="run-header">
            <h1 id="run-title">{formatStartedAt(detail.run.startedAt)}</h1>
            <dl className="run-facts">
              <div>
                <dt>Pass rate</dt>
                <dd>{passRate(detail.run.totals)}</dd>
              </div>
              <div>
                <dt>Format</dt>
                <dd>{detail.run.format}</dd>
              </div>
              <div>
                <dt>Duration</dt>
                <dd>{formatDuration(detail.run.durationMs)}</dd>
              </div>
              <div>
                <dt>Run</dt>
                <dd className="mono">{detail.run.id}</dd>
              </div>
            </dl>
          </header>
          <div className="filter-bar">
            <StatusFilter counts={counts} />
            <input
              type="search"
              className="search"
              placeholder="Filter by name, suite, file or message"
              aria-label="Filter tests by text"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <span className="muted" aria-live="polite">
              {shown.length} of {detail.tests.length} tests
            </span>
          </div>
          <div className={selectedTestId ? 'run-body with-detail' : 'run-body'}>
            <TestList tests={shown} selectedId={selectedTestId} onSelect={(id) => void selectTest(id)} />
            {selectedTestId && <TestDetailPanel onClose={() => void selectTest(null)} />}
          </div>
        </>
      )}
    </section>
  );
}
