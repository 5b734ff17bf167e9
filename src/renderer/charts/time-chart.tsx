// One small SVG chart over time: a line (pass rate, duration, coverage) or stacked bars
// (failures by category), one point or bar per run, drawn at the container's width and a fixed
// height. Colours come from CSS classes (CSP: no inline style sheets needed). Each point is
// focusable with a native tooltip naming its run, and the chart's label says what it shows.
import { useState, type KeyboardEvent } from 'react';
import { barPaths } from './bar-paths.js';
import { dayTicks, formatDay, linearScale, niceMax, valueTicks } from './scale.js';
import type { ChartPoint, Series } from './chart-types.js';
import { useWidth } from './use-width.js';

export const CHART_HEIGHT = 150;
const MARGIN = { top: 10, right: 12, bottom: 22, left: 48 };

interface TimeChartProps {
  title: string;
  kind: 'line' | 'bars';
  points: readonly ChartPoint[];
  series: readonly Series[];
  format(value: number): string;
  /** Fixed upper bound (100 for a percentage); else a round number above the data. */
  max?: number;
  onPick?(runId: string): void;
}

export function TimeChart({ title, kind, points, series, format, max, onPick }: TimeChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [focus, setFocus] = useState<number | null>(null);
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const xs = points.map((point) => point.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const totals = points.map((point) => (kind === 'bars' ? point.values.reduce<number>((sum, v) => sum + (v ?? 0), 0) : Math.max(0, ...point.values.map((v) => v ?? 0))));
  const yMax = max ?? niceMax(Math.max(0, ...totals));
  // Inset so the first and last bar or point stay clear of the axis labels and the edge.
  const inset = 10;
  const x = linearScale(x0, x1, MARGIN.left + inset, MARGIN.left + innerW - inset);
  const y = linearScale(0, yMax, MARGIN.top + innerH, MARGIN.top);
  const barWidth = Math.max(1, Math.min(14, (innerW / Math.max(1, points.length)) * 0.7));
  const withData = points.filter((point) => point.values.some((value) => value !== null));
  const latest = withData.at(-1);
  const summary = latest
    ? `${title}: ${withData.length} runs; latest ${series.map((s, i) => `${s.name} ${format(latest.values[i] ?? 0)}`).join(', ')}`
    : `${title}: no data`;

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>): void => {
    if (points.length === 0) return;
    const moves: Record<string, number> = { ArrowRight: (focus ?? -1) + 1, ArrowLeft: (focus ?? points.length) - 1, Home: 0, End: points.length - 1 };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setFocus(Math.max(0, Math.min(points.length - 1, next)));
    } else if (event.key === 'Enter' && focus !== null && onPick) {
      const point = points[focus];
      if (point) onPick(point.runId);
    }
  };

  const focused = focus !== null ? points[focus] : undefined;
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <div ref={ref} className="chart-box">
        {withData.length === 0 ? (
          <p className="muted chart-empty">No data in this period.</p>
        ) : (
          <svg
            width={width}
            height={CHART_HEIGHT}
            role="img"
            aria-label={summary}
            tabIndex={0}
            onKeyDown={onKeyDown}
            onBlur={() => setFocus(null)}
          >
            {valueTicks(yMax).map((tick) => (
              <g key={tick}>
                <line className="chart-grid" x1={MARGIN.left} x2={MARGIN.left + innerW} y1={y(tick)} y2={y(tick)} />
                <text className="chart-label" x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end">
                  {format(tick)}
                </text>
              </g>
            ))}
            {dayTicks(x0, x1).map((tick) => (
              <text key={tick} className="chart-label" x={x(tick)} y={CHART_HEIGHT - 6} textAnchor="middle">
                {formatDay(tick)}
              </text>
            ))}
            {kind === 'line' &&
              series.map((s, index) => (
                <polyline
                  key={s.name}
                  className={`chart-line ${s.className}`}
                  points={points
                    .filter((point) => point.values[index] !== null && point.values[index] !== undefined)
                    .map((point) => `${x(point.x).toFixed(1)},${y(point.values[index] ?? 0).toFixed(1)}`)
                    .join(' ')}
                />
              ))}
            {kind === 'bars' &&
              barPaths(points, series.length, { x, y, barWidth, minHeight: 0.5 }).map((d, index) =>
                d ? <path key={series[index]?.name ?? index} className={`chart-bar ${series[index]?.className ?? ''}`} d={d} /> : null,
              )}
            {/* Hit targets: one per run, with the run named in a native tooltip. */}
            {points.length <= 400 &&
              points.map((point, index) => (
                <circle
                  key={point.runId}
                  className={index === focus ? 'chart-point focused' : 'chart-point'}
                  cx={x(point.x)}
                  cy={y(kind === 'bars' ? (totals[index] ?? 0) : (point.values[0] ?? 0))}
                  r={kind === 'line' ? 3 : 2}
                  onClick={onPick ? () => onPick(point.runId) : undefined}
                >
                  <title>{`${new Date(point.x).toLocaleString()} · ${point.runId}\n${series.map((s, i) => `${s.name}: ${point.values[i] === null ? 'no data' : format(point.values[i] ?? 0)}`).join('\n')}`}</title>
                </circle>
              ))}
          </svg>
        )}
      </div>
      <p className="chart-readout muted" aria-live="polite">
        {focused
          ? `${new Date(focused.x).toLocaleString()} · ${series.map((s, i) => `${s.name} ${focused.values[i] === null ? 'no data' : format(focused.values[i] ?? 0)}`).join(', ')}`
          : '\u00a0'}
      </p>
    </figure>
  );
}
