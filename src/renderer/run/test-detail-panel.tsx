// One test in full: facts, the classification of its failure with the evidence behind it (and
// a way to move it to another category), message, trace and captured output.
import { useState } from 'react';
import { ROOT_CAUSE_CATEGORIES } from '../../shared/root-cause-types.js';
import { formatDuration } from '../../shared/run-figures.js';
import type { RootCauseCategory } from '../../shared/types.js';
import { engine } from '../api/engine.js';
import { useAppStore } from '../app/app-store.js';
import { CATEGORY_LABEL, CategoryBadge } from '../app/category.js';
import { ErrorBanner } from '../app/error-banner.js';
import { useRunStore } from './run-store.js';

function Block({ title, text }: { title: string; text: string | null }) {
  // Runners pad captured output with blank lines; only the ends are trimmed, never the inside.
  const shown = text?.replace(/^\s*\n|\s+$/g, '');
  if (!shown) return null;
  return (
    <section className="detail-block">
      <h3>{title}</h3>
      <pre tabIndex={0}>{shown}</pre>
    </section>
  );
}

export function TestDetailPanel({ project, onClose }: { project: string; onClose(): void }) {
  const test = useRunStore((s) => s.test);
  const error = useRunStore((s) => s.testError);
  const group = useRunStore((s) => (s.selectedTestId ? s.groupOf.get(s.selectedTestId) : undefined));
  const runId = useRunStore((s) => s.view?.table.run.id);
  const refresh = useAppStore((s) => s.refresh);
  const [moveError, setMoveError] = useState<string | null>(null);

  const move = async (category: RootCauseCategory): Promise<void> => {
    if (!test || !runId) return;
    setMoveError(null);
    try {
      await engine.setCategory({ run: runId, target: test.id, category, project });
      refresh();
    } catch (caught) {
      setMoveError((caught as Error).message);
    }
  };

  return (
    <aside className="test-detail" aria-label="Test detail">
      <button type="button" className="button close" onClick={onClose} aria-label="Close test detail">
        ×
      </button>
      {error && <ErrorBanner message={error} />}
      {!test && !error && <p className="muted">Loading test…</p>}
      {test && (
        <>
          <h2 className="detail-title">{test.name}</h2>
          <dl className="detail-facts">
            <dt>Status</dt>
            <dd className={`status-${test.status}-text`}>{test.status}</dd>
            <dt>Suite</dt>
            <dd>{test.suite || '-'}</dd>
            {test.file && (
              <>
                <dt>File</dt>
                <dd className="mono">{test.file}</dd>
              </>
            )}
            <dt>Duration</dt>
            <dd>{formatDuration(test.durationMs)}</dd>
            <dt>Test id</dt>
            <dd className="mono">{test.id}</dd>
            {test.attempts.length > 0 && (
              <>
                <dt>Earlier attempts</dt>
                <dd>{test.attempts.map((attempt) => attempt.status).join(', ')}</dd>
              </>
            )}
          </dl>
          {(group || test.rootCause) && (
            <section className="detail-block classification">
              <h3>Root cause</h3>
              <p>
                <CategoryBadge category={group?.category ?? test.rootCause?.category ?? 'unknown'} />{' '}
                {Math.round((group?.confidence ?? test.rootCause?.confidence ?? 0) * 100)}% confidence
                {group && <> · group blocks {group.blocks}</>}
              </p>
              {group && <p className="mono group-title-full">{group.title}</p>}
              {group && group.evidence.length > 0 && (
                <ul className="evidence">
                  {group.evidence.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
              <label className="field-inline">
                <span>Move this failure to</span>
                <select className="select" value="" onChange={(event) => event.target.value && void move(event.target.value as RootCauseCategory)}>
                  <option value="">choose a category…</option>
                  {ROOT_CAUSE_CATEGORIES.map((category) => (
                    <option key={category} value={category}>
                      {CATEGORY_LABEL[category]}
                    </option>
                  ))}
                </select>
              </label>
              {moveError && <ErrorBanner message={moveError} />}
            </section>
          )}
          <Block title="Message" text={test.message} />
          <Block title="Trace" text={test.trace} />
          <Block title="Output" text={test.stdout} />
          <Block title="Error output" text={test.stderr} />
        </>
      )}
    </aside>
  );
}
