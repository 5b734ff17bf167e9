// Compare: any two runs of a project, as `vigil compare` compares them: what was fixed, what
// regressed, what still fails, what came and went, the failure groups resolved, new and
// persisting, and coverage. The before run's failures are the denominator of "fixed".
import type { ComparedTest, GroupMatch, RunComparison } from '../../shared/compare-types.js';
import { passRate } from '../../shared/run-figures.js';
import type { RunSummary } from '../../shared/types.js';
import { engine } from '../api/engine.js';
import { useAppStore } from '../app/app-store.js';
import { CategoryBadge } from '../app/category.js';
import { ErrorBanner } from '../app/error-banner.js';
import { percent, plural, pointsChange } from '../app/format.js';
import { RunPairSelect } from '../app/run-select.js';
import { Screen } from '../app/screen.js';
import { useScreenData } from '../app/use-screen-data.js';

interface CompareData {
  runs: RunSummary[];
  comparison: RunComparison | null;
}

const LIST_SHOWN = 200;

const LISTS: readonly { key: 'fixed' | 'regressed' | 'stillFailing' | 'added' | 'removed' | 'newlySkipped'; label: string; tone?: 'good' | 'bad' }[] = [
  { key: 'fixed', label: 'Fixed', tone: 'good' },
  { key: 'regressed', label: 'Regressed', tone: 'bad' },
  { key: 'stillFailing', label: 'Still failing' },
  { key: 'added', label: 'Added' },
  { key: 'removed', label: 'Removed' },
  { key: 'newlySkipped', label: 'Newly skipped' },
];

function testLabel(test: ComparedTest | undefined, id: string): string {
  if (!test) return id;
  return test.suite ? `${test.suite} › ${test.name}` : test.name;
}

function TestLines({ ids, tests }: { ids: readonly string[]; tests: Record<string, ComparedTest> }) {
  if (ids.length === 0) return <p className="muted">None.</p>;
  return (
    <ul className="plain-list compare-tests">
      {ids.slice(0, LIST_SHOWN).map((id) => {
        const test = tests[id];
        return (
          <li key={id}>
            <span className="mono">{testLabel(test, id)}</span>{' '}
            <span className="muted">
              {test?.before ?? 'absent'} → {test?.after ?? 'absent'}
            </span>
            {test?.message && <div className="muted message-line">{test.message.split('\n')[0]}</div>}
          </li>
        );
      })}
      {ids.length > LIST_SHOWN && <li className="muted">and {ids.length - LIST_SHOWN} more</li>}
    </ul>
  );
}

function Groups({ title, groups }: { title: string; groups: readonly GroupMatch[] }) {
  return (
    <div>
      <h3>
        {title} ({groups.length})
      </h3>
      {groups.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list">
          {groups.map((group) => (
            <li key={group.signature} className="group-line">
              {group.category && <CategoryBadge category={group.category} />}
              <span className="group-title" title={group.title}>
                {group.title}
              </span>
              <span className="muted nowrap">
                {group.beforeTests.length} → {group.afterTests.length}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function rate(run: RunSummary): number {
  return run.totals.tests === 0 ? 0 : run.totals.passed / run.totals.tests;
}

export function CompareView({ project }: { project: string }) {
  const pair = useAppStore((s) => s.pair);
  const openCompare = useAppStore((s) => s.openCompare);
  const openReport = useAppStore((s) => s.openReport);
  const { data, error } = useScreenData<CompareData>(async () => {
    const runs = await engine.listRuns({ project });
    const after = pair.after ?? runs.at(-1)?.id;
    const before = pair.before ?? runs.at(-2)?.id ?? after;
    if (!before || !after) return { runs, comparison: null };
    return { runs, comparison: await engine.compareRuns({ before, after, project }) };
  }, [project, pair.before, pair.after]);

  const c = data?.comparison;
  return (
    <Screen
      name="compare"
      title="Compare"
      header={
        data &&
        c && (
          <RunPairSelect runs={data.runs} pair={{ before: c.before.id, after: c.after.id }} onChange={(pair) => openCompare(project, pair)}>
            <button type="button" className="button" onClick={() => openReport(project, { before: c.before.id, after: c.after.id })}>
              Report on these runs
            </button>
          </RunPairSelect>
        )
      }
    >
      {error && <ErrorBanner message={error} />}
      {!data && !error && <p className="muted">Comparing…</p>}
      {data && !c && <p className="muted">No runs to compare yet.</p>}
      {c && (
        <>
          <div className="tiles">
            <div className="tile">
              <span className="tile-label">Pass rate</span>
              <span className="tile-value">
                {passRate(c.before.totals)} → {passRate(c.after.totals)}
              </span>
              <span className="muted">{pointsChange(rate(c.before), rate(c.after))}</span>
            </div>
            {LISTS.map((list) => (
              <div key={list.key} className={c[list.key].length > 0 && list.tone ? `tile tile-${list.tone}` : 'tile'}>
                <span className="tile-label">{list.label}</span>
                <span className="tile-value">{c[list.key].length}</span>
              </div>
            ))}
          </div>
          <p className="screen-sub">
            Of the {plural(c.failingBefore.length, 'test')} failing before: {c.fixed.length} fixed, {c.stillFailing.length} still failing, {c.skippedWhileFailing.length} skipped, {c.removedWhileFailing.length} removed. Skipped and removed
            tests are not counted as fixed.
          </p>
          <div className="compare-lists">
            {LISTS.map((list) => (
              <details key={list.key} open={list.key === 'regressed' || list.key === 'fixed'} className="panel">
                <summary>
                  {list.label} ({c[list.key].length})
                </summary>
                <TestLines ids={c[list.key]} tests={c.tests} />
              </details>
            ))}
          </div>
          <section className="panel" aria-labelledby="compare-groups">
            <h2 id="compare-groups">Failure groups</h2>
            <p className="muted">{c.groups.source === 'analysis' ? 'Matched by root-cause signature.' : 'Grouped by the first line of each failure message (no stored analysis).'}</p>
            <div className="three-columns">
              <Groups title="New" groups={c.groups.new} />
              <Groups title="Persisting" groups={c.groups.persisting} />
              <Groups title="Resolved" groups={c.groups.resolved} />
            </div>
          </section>
          <section className="panel" aria-labelledby="compare-coverage">
            <h2 id="compare-coverage">Coverage</h2>
            {!c.coverage && <p className="muted">Neither run has coverage.</p>}
            {c.coverage && (
              <>
                <p>
                  Line coverage {c.coverage.before === null ? 'none' : percent(c.coverage.before)} → {c.coverage.after === null ? 'none' : percent(c.coverage.after)}
                </p>
                {c.coverage.files.length > 0 && (
                  <div className="table-scroll">
                    <table className="data-table">
                      <thead>
                        <tr>
                          <th scope="col">File</th>
                          <th scope="col" className="num">Before</th>
                          <th scope="col" className="num">After</th>
                        </tr>
                      </thead>
                      <tbody>
                        {c.coverage.files.slice(0, 50).map((file) => (
                          <tr key={file.path}>
                            <th scope="row" className="mono">
                              {file.path}
                            </th>
                            <td className="num">{file.before === null ? '-' : percent(file.before)}</td>
                            <td className="num">{file.after === null ? '-' : percent(file.after)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </>
            )}
          </section>
        </>
      )}
    </Screen>
  );
}
