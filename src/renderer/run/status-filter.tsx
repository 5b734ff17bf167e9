import { TEST_STATUSES, type TestStatus } from '../../shared/types.js';
import { useRunStore } from './run-store.js';

export function StatusFilter({ counts }: { counts: Record<TestStatus, number> }) {
  const statuses = useRunStore((s) => s.statuses);
  const toggleStatus = useRunStore((s) => s.toggleStatus);
  return (
    <div className="status-filter" role="group" aria-label="Show tests by status">
      {TEST_STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className={`chip status-${status}`}
          aria-pressed={statuses.has(status)}
          onClick={() => toggleStatus(status)}
        >
          {status} <span className="chip-count">{counts[status]}</span>
        </button>
      ))}
    </div>
  );
}
