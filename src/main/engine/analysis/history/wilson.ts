// The Wilson score interval for a proportion: unlike successes/trials it stays honest with few
// runs (2 flips in 2 runs is not "certainly always flips").

/** 95% two-sided. */
const Z = 1.96;

export interface Interval {
  low: number;
  high: number;
}

export function wilsonInterval(successes: number, trials: number, z: number = Z): Interval {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const denominator = 1 + z2 / trials;
  return { low: Math.max(0, (centre - spread) / denominator), high: Math.min(1, (centre + spread) / denominator) };
}
