// "Delete runs older than N days" for one project, in two steps: the first click says how many
// runs that is (counted here from the runs shown), the second deletes them.
import { useState } from 'react';
import type { RunSummary } from '../../shared/types.js';
import { engine } from '../api/engine.js';
import { useAppStore } from '../app/app-store.js';
import { plural } from '../app/format.js';

export function RetentionForm({ project, runs }: { project: string; runs: readonly RunSummary[] }) {
  const refresh = useAppStore((s) => s.refresh);
  const [days, setDays] = useState(90);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  // Deleting a long history takes a while (tens of seconds for 1,000 runs of 5,000 tests); the
  // engine answers other screens meanwhile, and this form says what it is doing.
  const [deleting, setDeleting] = useState<number | null>(null);
  const cutoff = Date.now() - days * 86_400_000;
  const older = runs.filter((run) => new Date(run.startedAt).getTime() < cutoff).length;

  const remove = async (): Promise<void> => {
    setConfirming(false);
    setDeleting(older);
    setNote(null);
    try {
      const result = await engine.deleteRunsOlderThan({ project, days });
      setNote(`${plural(result.deleted.length, 'run')} deleted${result.testsDeleted > 0 ? `, with ${plural(result.testsDeleted, 'test')} no other run has` : ''}`);
      refresh();
    } catch (caught) {
      setNote((caught as Error).message);
    } finally {
      setDeleting(null);
    }
  };

  return (
    <div className="retention">
      <label className="field-inline">
        <span>Delete runs older than</span>
        <input
          className="input days"
          type="number"
          min={1}
          max={36500}
          value={days}
          onChange={(event) => {
            setDays(Math.max(1, Math.min(36_500, Math.round(Number(event.target.value) || 1))));
            setConfirming(false);
          }}
          aria-label={`Days of runs to keep for ${project}`}
        />
        <span>days</span>
      </label>
      {deleting !== null ? (
        <button type="button" className="button" disabled>
          Deleting {plural(deleting, 'run')}…
        </button>
      ) : !confirming ? (
        <button type="button" className="button" disabled={older === 0} onClick={() => setConfirming(true)}>
          {older === 0 ? 'Nothing that old' : `Delete ${plural(older, 'run')}…`}
        </button>
      ) : (
        <>
          <button type="button" className="button danger" onClick={() => void remove()}>
            Delete {plural(older, 'run')} of {project}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </>
      )}
      {note && (
        <span className="muted" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
