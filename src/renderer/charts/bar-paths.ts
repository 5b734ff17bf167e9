// Stacked bars as one SVG path per series: each bar segment is a closed rectangle sub-path. A
// 2,000-run history with seven categories would otherwise be ~14,000 <rect> elements, which
// took most of the History screen's time to mount; seven paths draw the same pixels.
import type { ChartPoint } from './chart-types.js';

export interface BarGeometry {
  /** Pixel x of a point's time. */
  x(value: number): number;
  /** Pixel y of a stacked value. */
  y(value: number): number;
  barWidth: number;
  /** Thinnest segment drawn, so a count of 1 stays visible beside a count of 500. */
  minHeight: number;
}

/** Path data per series (index as in `points[i].values`): empty where the series has no bar. */
export function barPaths(points: readonly ChartPoint[], seriesCount: number, geometry: BarGeometry): string[] {
  const parts: string[][] = Array.from({ length: seriesCount }, () => []);
  const { barWidth, minHeight } = geometry;
  for (const point of points) {
    const left = (geometry.x(point.x) - barWidth / 2).toFixed(2);
    let base = 0;
    point.values.forEach((value, index) => {
      if (!value) return;
      const top = base + value;
      const yTop = geometry.y(top);
      const height = Math.max(minHeight, geometry.y(base) - yTop);
      parts[index]?.push(`M${left} ${yTop.toFixed(2)}h${barWidth.toFixed(2)}v${height.toFixed(2)}h${(-barWidth).toFixed(2)}z`);
      base = top;
    });
  }
  return parts.map((list) => list.join(''));
}
