import { formatDuration } from '../../shared/run-figures.js';
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

export function TestDetailPanel({ onClose }: { onClose(): void }) {
  const test = useRunStore((s) => s.test);
  const error = useRunStore((s) => s.testError);
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
            {test.rootCause && (
              <>
                <dt>Root cause</dt>
                <dd>
                  {test.rootCause.category} ({Math.round(test.rootCause.confidence * 100)}% confidence)
                </dd>
              </>
            )}
            {test.attempts.length > 0 && (
              <>
                <dt>Earlier attempts</dt>
                <dd>{test.attempts.map((attempt) => attempt.status).join(', ')}</dd>
              </>
            )}
          </dl>
          <Block title="Message" text={test.message} />
          <Block title="Trace" text={test.trace} />
          <Block title="Output" text={test.stdout} />
          <Block title="Error output" text={test.stderr} />
        </>
      )}
    </aside>
  );
}
