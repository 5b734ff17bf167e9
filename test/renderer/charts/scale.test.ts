import { describe, expect, it } from 'vitest';
import { dayTicks, linearScale, niceMax, valueTicks } from '../../../src/renderer/charts/scale.js';

describe('chart scales', () => {
  it('maps a domain onto a range, and a flat domain onto the middle', () => {
    const scale = linearScale(0, 100, 10, 110);
    expect(scale(0)).toBe(10);
    expect(scale(50)).toBe(60);
    expect(linearScale(5, 5, 0, 100)(5)).toBe(50);
  });

  it('rounds the top of a value axis to 1, 2 or 5 x 10^n', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(420)).toBe(500);
    expect(valueTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(valueTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(valueTicks(200)).toEqual([0, 50, 100, 150, 200]);
  });

  it('puts at most N ticks on local midnights, whatever the span', () => {
    const from = new Date(2026, 10, 16, 9).getTime();
    const fiveDays = dayTicks(from, new Date(2026, 10, 20, 15).getTime());
    expect(fiveDays).toHaveLength(4);
    for (const tick of fiveDays) expect(new Date(tick).getHours()).toBe(0);
    const year = dayTicks(from, from + 365 * 86_400_000, 6);
    expect(year.length).toBeLessThanOrEqual(7);
    expect(dayTicks(from, from)).toEqual([]);
  });
});
