// The run's tests, virtualised: only the rows in view exist in the DOM, so a run of 100,000
// tests scrolls like one of 100. Keyboard: arrows, Page Up/Down, Home/End move; Enter opens.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatDuration } from '../../shared/run-figures.js';
import type { TestResultRow } from '../../shared/types.js';

const ROW_HEIGHT = 32;

interface TestListProps {
  tests: readonly TestResultRow[];
  selectedId: string | null;
  onSelect(testId: string): void;
}

export function TestList({ tests, selectedId, onSelect }: TestListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: tests.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // A narrower filter may leave the active row past the end.
  useEffect(() => {
    if (active >= tests.length) setActive(Math.max(0, tests.length - 1));
  }, [active, tests.length]);

  const moveTo = (index: number): void => {
    if (tests.length === 0) return;
    const next = Math.min(tests.length - 1, Math.max(0, index));
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
      End: tests.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const test = tests[active];
      if (test) {
        event.preventDefault();
        onSelect(test.id);
      }
    }
  };

  if (tests.length === 0) return <p className="muted test-list-empty">No tests match the filter.</p>;

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
          const test = tests[item.index];
          if (!test) return null;
          const classes = ['test-row', item.index === active ? 'active' : '', test.id === selectedId ? 'selected' : ''];
          return (
            <div
              key={test.id}
              id={`test-row-${item.index}`}
              role="option"
              aria-selected={test.id === selectedId}
              aria-setsize={tests.length}
              aria-posinset={item.index + 1}
              className={classes.join(' ')}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              onClick={() => {
                setActive(item.index);
                onSelect(test.id);
              }}
            >
              <span className={`status-dot status-${test.status}`} aria-label={test.status} title={test.status} />
              <span className="test-name">{test.name}</span>
              <span className="test-suite">{test.suite}</span>
              <span className="test-duration">{formatDuration(test.durationMs)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
