// Small formatting helpers shared by the screens. Pass rates and durations come from
// src/shared/run-figures.ts, so the UI writes them exactly as the report does.

/** A run's start in the user's locale and time zone, to the second (runs often start minutes apart). */
export function formatStartedAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** "3 min ago", "2 h ago", else the date: how long ago a run landed, for the Live screen. */
export function formatAgo(iso: string, now = Date.now()): string {
  const ms = now - new Date(iso).getTime();
  if (Number.isNaN(ms)) return iso;
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ago`;
  return formatStartedAt(iso);
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** "+2.5 points", "-1.0 points", "±0 points". */
export function pointsChange(before: number, after: number): string {
  const delta = (after - before) * 100;
  if (Math.abs(delta) < 0.05) return '±0 points';
  return `${delta > 0 ? '+' : ''}${delta.toFixed(1)} points`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
