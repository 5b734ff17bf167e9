// The arithmetic of the small SVG charts: linear scales, "nice" ticks and day ticks on a time
// axis. Pure functions, tested on their own (test/renderer/charts).

export interface Scale {
  (value: number): number;
  domain: readonly [number, number];
}

/** Maps [d0, d1] onto [r0, r1]; a domain of zero width maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const width = d1 - d0;
  const scale = (value: number): number => (width === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / width) * (r1 - r0));
  return Object.assign(scale, { domain: [d0, d1] as const });
}

/** Round upper bound for a value axis starting at 0 (1, 2, 5 x 10^n). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (max <= step * power) return step * power;
  return 10 * power;
}

/** Evenly spaced ticks from 0 to a niceMax: steps of 1, 2 or 2.5 x 10^n (100 -> 0, 25, ... 100; 10 -> 0, 2, ... 10). */
export function valueTicks(max: number, count?: number): number[] {
  const leading = max / 10 ** Math.floor(Math.log10(max));
  const steps = count ?? (max === 100 || Math.abs(leading - 2) < 1e-9 ? 4 : 5);
  return Array.from({ length: steps + 1 }, (_, i) => (max * i) / steps);
}

const DAY_MS = 86_400_000;

/**
 * Local midnights between two times, thinned to at most `max` ticks (every 1, 2, 7, 14, 30... days),
 * so the time axis reads in days whatever the span.
 */
export function dayTicks(fromMs: number, toMs: number, max = 6): number[] {
  if (!(toMs > fromMs)) return [];
  const start = new Date(fromMs);
  start.setHours(0, 0, 0, 0);
  if (start.getTime() < fromMs) start.setDate(start.getDate() + 1);
  const days = Math.floor((toMs - start.getTime()) / DAY_MS) + 1;
  if (days <= 0) return [];
  const step = [1, 2, 7, 14, 30, 60, 90, 180, 365].find((candidate) => Math.ceil(days / candidate) <= max) ?? Math.ceil(days / max);
  const ticks: number[] = [];
  const day = new Date(start);
  while (day.getTime() <= toMs) {
    ticks.push(day.getTime());
    day.setDate(day.getDate() + step);
  }
  return ticks;
}

/** "Nov 16" in the user's locale. */
export function formatDay(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
