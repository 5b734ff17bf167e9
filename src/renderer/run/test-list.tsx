// The run's tests, virtualised: only the rows in view exist in the DOM, so a run of 100,000
// tests scrolls like one of 100. Keyboard: arrows, Page Up/Down, Home/End move; Enter opens.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatDuration } from '../../shared/run-figures.js';
import { CATEGORY_LABEL } from '../app/category.js';
import type { TableView } from './test-filter.js';

const ROW_HEIGHT = 32;

interface TestListProps {
  view: TableView;
  /** Positions in the table, in the order shown. */
  shown: readonly number[];
  selectedId: string | null;
  onSelect(testId: string): void;
}

export function TestList({ view, shown, selectedId, onSelect }: TestListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const { table } = view;
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // A narrower filter may leave the active row past the end.
  useEffect(() => {
    if (active >= shown.length) setActive(Math.max(0, shown.length - 1));
  }, [active, shown.length]);

  const idAt = (index: number): string | null => {
    const position = shown[index];
    return position === undefined ? null : (table.ids[position] ?? null);
  };

  const moveTo = (index: number): void => {
    if (shown.length === 0) return;
    const next = Math.min(shown.length - 1, Math.max(0, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: shown.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const id = idAt(active);
      if (id) {
        event.preventDefault();
        onSelect(id);
      }
    }
  };

  if (shown.length === 0) return <p className="muted test-list test-list-empty">No tests match the filter.</p>;

  return (
    <div
      ref={scrollRef}
      className="test-list"
      role="listbox"
      tabIndex={0}
      aria-label="Tests"
      aria-activedescendant={`test-row-${active}`}
      onKeyDown={onKeyDown}
    >
      <div className="test-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const position = shown[item.index];
          if (position === undefined) return null;
          const id = table.ids[position] ?? '';
          const status = view.statuses[position] ?? 'passed';
          const category = view.categories[position];
          const message = view.messages[position];
          const classes = ['test-row', item.index === active ? 'active' : '', id === selectedId ? 'selected' : ''];
          return (
            <div
              key={id}
              id={`test-row-${item.index}`}
              role="option"
              aria-selected={id === selectedId}
              aria-setsize={shown.length}
              aria-posinset={item.index + 1}
              className={classes.join(' ')}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              onClick={() => {
                setActive(item.index);
                onSelect(id);
              }}
            >
              <span className={`status-dot status-${status}`} aria-label={status} title={status} />
              <span className="test-name">{table.names[position]}</span>
              <span className="test-suite">{message && status !== 'passed' ? message : table.suites[table.suiteIndex[position] ?? 0]}</span>
              {category && <span className={`badge small cat-${category}`}>{CATEGORY_LABEL[category]}</span>}
              <span className="test-duration">{formatDuration(table.durationsMs[position] ?? null)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
