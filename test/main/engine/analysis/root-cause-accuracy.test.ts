import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT_CAUSE_CATEGORIES } from '../../../../src/shared/root-cause-types.js';
import { ACCURACY_DOC_PATH, isHoldout, loadLabelled, renderAccuracyDoc } from '../../../support/root-cause-accuracy.js';

describe('the labelled set of real failures', () => {
  const rows = loadLabelled();

  it('has at least 150 failures, 12 per category, each with a source and a reason', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    for (const category of ROOT_CAUSE_CATEGORIES) expect(rows.filter((row) => row.label === category).length, category).toBeGreaterThanOrEqual(12);
    for (const row of rows) {
      expect(row.source, row.id).toMatch(/^https:\/\//);
      expect(row.reason.length, row.id).toBeGreaterThan(10);
      expect(row.message.length, row.id).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('keeps about a third as the hold-out, fixed by the id', () => {
    const holdout = rows.filter((row) => isHoldout(row.id)).length;
    expect(holdout / rows.length).toBeGreaterThan(0.25);
    expect(holdout / rows.length).toBeLessThan(0.42);
  });

  it('docs/root-cause-accuracy.md is current (regenerate: node scripts/root-cause-accuracy.js)', () => {
    expect(readFileSync(ACCURACY_DOC_PATH, 'utf8')).toBe(renderAccuracyDoc(rows));
  });
});
