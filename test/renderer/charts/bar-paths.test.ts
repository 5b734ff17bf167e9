// Stacked bars drawn as one path per series: the same rectangles the chart drew as <rect>s.
import { describe, expect, it } from 'vitest';
import { barPaths } from '../../../src/renderer/charts/bar-paths.js';

/** The rectangles of a path made of `M x y h w v h h -w z` sub-paths. */
function rects(d: string): { x: number; y: number; w: number; h: number }[] {
  return [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)z/g)].map((m) => {
    expect(Number(m[5])).toBeCloseTo(-Number(m[3]), 2);
    return { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) };
  });
}

// y grows downwards: value 0 at 100 px, each unit 10 px up.
const geometry = { x: (t: number) => t * 2, y: (v: number) => 100 - v * 10, barWidth: 4, minHeight: 0.5 };

describe('barPaths', () => {
  it('stacks each point\'s values from the axis up, one path per series', () => {
    const paths = barPaths(
      [
        { x: 10, runId: 'r1', values: [2, 3, null] },
        { x: 20, runId: 'r2', values: [null, 1, 4] },
      ],
      3,
      geometry,
    );
    expect(paths).toHaveLength(3);
    expect(rects(paths[0] ?? '')).toEqual([{ x: 18, y: 80, w: 4, h: 20 }]);
    expect(rects(paths[1] ?? '')).toEqual([
      { x: 18, y: 50, w: 4, h: 30 },
      { x: 38, y: 90, w: 4, h: 10 },
    ]);
    expect(rects(paths[2] ?? '')).toEqual([{ x: 38, y: 50, w: 4, h: 40 }]);
  });

  it('leaves a series without values empty and keeps a tiny value visible', () => {
    const paths = barPaths([{ x: 0, runId: 'r', values: [0, 0.001, null] }], 3, geometry);
    expect(paths[0]).toBe('');
    expect(rects(paths[1] ?? '')[0]?.h).toBe(0.5);
    expect(paths[2]).toBe('');
  });

  it('draws 2,000 runs of seven categories as seven paths', () => {
    const points = Array.from({ length: 2000 }, (_, i) => ({ x: i, runId: `r${i}`, values: [1, 2, 3, 4, 5, 6, 7] }));
    const paths = barPaths(points, 7, geometry);
    expect(paths).toHaveLength(7);
    for (const d of paths) expect(rects(d)).toHaveLength(2000);
  });
});
