// One project on the Live screen: its latest run's pass rate, what changed since the run before
// it (from compareRuns, the same figures as `vigil compare`), and its failure groups. The card
// keeps its size while its details load, so nothing below it moves.
import { useEffect } from 'react';
import type { RunComparison } from '../../shared/compare-types.js';
import type { RunFailures } from '../../shared/root-cause-types.js';
import { formatDuration, passRate } from '../../shared/run-figures.js';
import type { RunSummary } from '../../shared/types.js';
import { engine } from '../api/engine.js';
import { useAppStore } from '../app/app-store.js';
import { CategoryBadge } from '../app/category.js';
import { formatAgo, pointsChange } from '../app/format.js';
import { useScreenData } from '../app/use-screen-data.js';

const GROUPS_SHOWN = 4;

interface CardDetail {
  comparison: RunComparison | null;
  failures: RunFailures;
}

function rate(run: RunSummary): number {
  return run.totals.tests === 0 ? 0 : run.totals.passed / run.totals.tests;
}

function Change({ label, count, tone }: { label: string; count: number; tone?: 'good' | 'bad' }) {
  return (
    <li className={count > 0 && tone ? `change change-${tone}` : 'change'}>
      <span className="change-count">{count}</span> {label}
    </li>
  );
}

export function ProjectCard({ latest, previous, runsOfProject, onReady }: { latest: RunSummary; previous: RunSummary | null; runsOfProject: number; onReady(runId: string): void }) {
  const openRun = useAppStore((s) => s.openRun);
  const openCauses = useAppStore((s) => s.openCauses);
  const openCompare = useAppStore((s) => s.openCompare);
  // Reloaded when its project's runs change (the Live screen's list says so: a new latest, or an
  // older run stored that the latest's history now includes) and on the user's own changes.
  // Another project's run changes nothing here; asking again at once would recompute this run's
  // analysis, ahead of the list that shows the new run.
  const userRevision = useAppStore((s) => s.userRevision);
  const { data, error, loading } = useScreenData<CardDetail>(async () => {
    const [comparison, failures] = await Promise.all([
      previous ? engine.compareRuns({ before: previous.id, after: latest.id, project: latest.project }) : Promise.resolve(null),
      engine.getFailures({ run: latest.id, project: latest.project }),
    ]);
    return { comparison, failures };
  }, [latest.id, previous?.id], `${userRevision}:${runsOfProject}`);

  useEffect(() => {
    if (!loading && (data || error)) onReady(latest.id);
  }, [data, error, loading, latest.id, onReady]);

  const failing = latest.totals.failed + latest.totals.errored;
  const c = data?.comparison;
  return (
    <article className="card project-card" aria-labelledby={`card-${latest.id}`} data-ready={data && !loading ? 'true' : 'false'}>
      <header className="card-header">
        <h3 id={`card-${latest.id}`}>{latest.project}</h3>
        <span className="muted" title={latest.startedAt}>
          {formatAgo(latest.startedAt)}
        </span>
      </header>
      <p className={failing > 0 ? 'pass-rate has-failures' : 'pass-rate'}>{passRate(latest.totals)}</p>
      <p className="muted card-facts">
        {latest.totals.failed} failed · {latest.totals.errored} errored · {latest.totals.skipped} skipped · {formatDuration(latest.durationMs)}
        {previous && <> · {pointsChange(rate(previous), rate(latest))} since the run before</>}
      </p>
      <div className="card-section changes-section">
        <h4>Since the run before</h4>
        {!previous && <p className="muted">The project's first run.</p>}
        {previous && !c && !error && <p className="muted">Comparing…</p>}
        {c && (
          <ul className="change-list">
            <Change label="fixed" count={c.fixed.length} tone="good" />
            <Change label="regressed" count={c.regressed.length} tone="bad" />
            <Change label="still failing" count={c.stillFailing.length} />
            <Change label="added" count={c.added.length} />
            <Change label="removed" count={c.removed.length} />
            <Change label="newly skipped" count={c.newlySkipped.length} />
          </ul>
        )}
      </div>
      <div className="card-section groups-section">
        <h4>Failures by root cause</h4>
        {error && <p className="error-text">{error}</p>}
        {!data && !error && <p className="muted">Grouping failures…</p>}
        {data && data.failures.groups.length === 0 && <p className="muted">No failures.</p>}
        {data && data.failures.groups.length > 0 && (
          <ul className="group-list">
            {data.failures.groups.slice(0, GROUPS_SHOWN).map((group) => (
              <li key={group.id} className="group-line">
                <CategoryBadge category={group.category} />
                <span className="group-title" title={group.title}>
                  {group.title}
                </span>
                <span className="muted nowrap">blocks {group.blocks}</span>
              </li>
            ))}
            {data.failures.groups.length > GROUPS_SHOWN && <li className="muted">and {data.failures.groups.length - GROUPS_SHOWN} more groups</li>}
          </ul>
        )}
      </div>
      <footer className="card-actions">
        <button type="button" className="button" onClick={() => openRun(latest.project, latest.id)}>
          Open run
        </button>
        <button type="button" className="button" onClick={() => openCauses(latest.project, latest.id)}>
          Root causes
        </button>
        {previous && (
          <button type="button" className="button" onClick={() => openCompare(latest.project, { before: previous.id, after: latest.id })}>
            Compare
          </button>
        )}
      </footer>
    </article>
  );
}
