// Root causes: a run's failures grouped by cause (one group = one thing to fix), under their
// category, each with the tests it blocks, its evidence, when it was first seen and in how many
// of the project's runs; a group can be moved to another category (remembered for later runs).
import { useState } from 'react';
import type { FailureGroup, RunFailures } from '../../shared/root-cause-types.js';
import { ROOT_CAUSE_CATEGORIES } from '../../shared/root-cause-types.js';
import { passRate } from '../../shared/run-figures.js';
import type { RootCauseCategory, RunSummary } from '../../shared/types.js';
import type { GroupHistory } from '../../shared/ui-types.js';
import { engine } from '../api/engine.js';
import { useAppStore } from '../app/app-store.js';
import { CATEGORY_LABEL, CategoryBadge } from '../app/category.js';
import { ErrorBanner } from '../app/error-banner.js';
import { formatStartedAt, plural } from '../app/format.js';
import { RunSelect } from '../app/run-select.js';
import { Screen } from '../app/screen.js';
import { useScreenData } from '../app/use-screen-data.js';

interface CausesData {
  runs: RunSummary[];
  run: RunSummary;
  failures: RunFailures;
  history: Map<string, GroupHistory>;
  names: Map<string, string>;
}

const TESTS_SHOWN = 8;

function GroupCard({ group, history, names, runs, project, runId, causeTitle }: { group: FailureGroup; history: GroupHistory | undefined; names: Map<string, string>; runs: readonly RunSummary[]; project: string; runId: string; causeTitle: string | null }) {
  const refresh = useAppStore((s) => s.refresh);
  const openRun = useAppStore((s) => s.openRun);
  const [error, setError] = useState<string | null>(null);
  const move = async (category: RootCauseCategory): Promise<void> => {
    setError(null);
    try {
      await engine.setCategory({ run: runId, target: group.id, category, project });
      refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const first = history ? runs.find((run) => run.id === history.firstSeen.runId) : undefined;
  return (
    <article className="card group-card" aria-label={group.title}>
      <header className="group-header">
        <CategoryBadge category={group.category} />
        <h3 className="group-title-full">{group.title}</h3>
      </header>
      <p className="group-facts">
        <strong>blocks {group.blocks}</strong> · {plural(group.tests.length, 'failing test')} · {Math.round(group.confidence * 100)}% confidence
        {history && (
          <>
            {' '}· first seen {first ? formatStartedAt(first.startedAt) : formatStartedAt(history.firstSeen.startedAt)} · in {history.runs} of {runs.length} runs
          </>
        )}
      </p>
      {causeTitle && <p className="muted">A consequence of: {causeTitle}</p>}
      {group.evidence.length > 0 && (
        <ul className="evidence">
          {group.evidence.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>{plural(group.tests.length, 'test')}</summary>
        <ul className="plain-list">
          {group.tests.slice(0, TESTS_SHOWN).map((id) => (
            <li key={id} className="mono">
              {names.get(id) ?? id}
            </li>
          ))}
          {group.tests.length > TESTS_SHOWN && <li className="muted">and {group.tests.length - TESTS_SHOWN} more</li>}
        </ul>
        <button type="button" className="link" onClick={() => openRun(project, runId)}>
          Open the run
        </button>
      </details>
      <label className="field-inline">
        <span>Move to</span>
        <select className="select" value="" onChange={(event) => event.target.value && void move(event.target.value as RootCauseCategory)} aria-label={`Move "${group.title}" to another category`}>
          <option value="">another category…</option>
          {ROOT_CAUSE_CATEGORIES.filter((category) => category !== group.category).map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABEL[category]}
            </option>
          ))}
        </select>
      </label>
      {error && <ErrorBanner message={error} />}
    </article>
  );
}

export function CausesView({ project }: { project: string }) {
  const runId = useAppStore((s) => s.runId);
  const openCauses = useAppStore((s) => s.openCauses);
  const { data, error } = useScreenData<CausesData>(async () => {
    const runs = await engine.listRuns({ project });
    const run = runId ? runs.find((candidate) => candidate.id === runId) : runs.at(-1);
    if (!run) throw new Error(`no runs stored for ${project}`);
    const [failures, history, table] = await Promise.all([
      engine.getFailures({ run: run.id, project }),
      engine.getGroupHistory({ run: run.id, project }),
      engine.getRunTests({ run: run.id, project }),
    ]);
    const failing = new Set(failures.groups.flatMap((group) => group.tests));
    const names = new Map<string, string>();
    table.ids.forEach((id, i) => {
      if (failing.has(id)) names.set(id, `${table.suites[table.suiteIndex[i] ?? 0] ? `${table.suites[table.suiteIndex[i] ?? 0]} › ` : ''}${table.names[i] ?? id}`);
    });
    return { runs, run, failures, history: new Map(history.map((entry) => [entry.signature, entry])), names };
  }, [project, runId]);

  const byId = new Map(data?.failures.groups.map((group) => [group.id, group]) ?? []);
  const total = data?.failures.groups.reduce((sum, group) => sum + group.tests.length, 0) ?? 0;

  return (
    <Screen name="causes" title="Root causes" header={data && <RunSelect label="Run" runs={data.runs} value={data.run.id} onChange={(id) => openCauses(project, id)} />}>
      {error && <ErrorBanner message={error} />}
      {!data && !error && <p className="muted">Grouping failures…</p>}
      {data && (
        <>
          <p className="screen-sub">
            {plural(total, 'failing test')} in {plural(data.failures.groups.length, 'group')}, run of {formatStartedAt(data.run.startedAt)} ({passRate(data.run.totals)}). Groups are ranked by tests unblocked per fix.
          </p>
          {data.failures.groups.length === 0 && <p className="muted">No failures in this run.</p>}
          {ROOT_CAUSE_CATEGORIES.map((category) => {
            const groups = data.failures.groups.filter((group) => group.category === category);
            if (groups.length === 0) return null;
            return (
              <section key={category} className="category-section" aria-labelledby={`cat-${category}`}>
                <h2 id={`cat-${category}`}>
                  <CategoryBadge category={category} /> {plural(groups.length, 'group')} · {plural(groups.reduce((sum, group) => sum + group.tests.length, 0), 'failing test')}
                </h2>
                <div className="group-grid">
                  {groups.map((group) => (
                    <GroupCard
                      key={group.id}
                      group={group}
                      history={data.history.get(group.signature)}
                      names={data.names}
                      runs={data.runs}
                      project={project}
                      runId={data.run.id}
                      causeTitle={group.cascadeOf ? (byId.get(group.cascadeOf)?.title ?? group.cascadeOf) : null}
                    />
                  ))}
                </div>
              </section>
            );
          })}
        </>
      )}
    </Screen>
  );
}
