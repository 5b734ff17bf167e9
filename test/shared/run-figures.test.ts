import { describe, expect, it } from 'vitest';
import { formatDuration, passRate } from '../../src/shared/run-figures.js';

describe('run figures', () => {
  it('shows a pass rate with the counts it comes from', () => {
    expect(passRate({ tests: 45, passed: 17, failed: 28, errored: 0, skipped: 0 })).toBe('17/45 (37.8%)');
    expect(passRate({ tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 })).toBe('0/0 (no tests)');
  });

  it('formats durations', () => {
    expect(formatDuration(null)).toBe('-');
    expect(formatDuration(12)).toBe('12 ms');
    expect(formatDuration(8830)).toBe('8.8 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
