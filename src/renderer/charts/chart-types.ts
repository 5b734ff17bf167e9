// The data a TimeChart draws: one point per run.

export interface ChartPoint {
  /** ms since epoch */
  x: number;
  runId: string;
  /** For a line: the value (null: no data for this run); for bars: the stacked values. */
  values: (number | null)[];
}

export interface Series {
  name: string;
  /** A CSS class giving the colour (`series-passed`, `series-cat-flaky`...). */
  className: string;
}
