// JUnit `timestamp` attributes as epoch milliseconds. Writers use ISO 8601 with or without a
// zone ("2020-09-01T07:11:23.815873", "2024-12-02T20:06:10.512+00:00", "2021-03-07T10:36:56 UTC")
// and mocha-junit-reporter an RFC 1123 date ("Sat, 03 Dec 2022 23:10:07 GMT").

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Before this the value is a placeholder (Go's zero time 0001-01-01 from gotestsum), not a date. */
const EARLIEST_PLAUSIBLE = Date.UTC(1980, 0, 1);

function zoneOffsetMinutes(zone: string): number {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

function fromIso(match: RegExpExecArray): number {
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const parts = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms] as const;
  if (zone !== undefined) return Date.UTC(...parts) - zoneOffsetMinutes(zone) * 60_000;
  // No zone: JUnit writers (pytest, jest-junit, Surefire) write the producing machine's local
  // time. Reports are normally ingested on or near that machine, so local time is the best guess;
  // treating it as UTC would shift every run by the machine's offset.
  return new Date(...parts).getTime();
}

export function parseTimestamp(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const text = raw.trim();
  const match = ISO.exec(text);
  // Non-ISO text (RFC 1123 with a day name) is left to Date.parse, which reads those exactly.
  const ms = match ? fromIso(match) : /^[A-Za-z]{3},? /.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isFinite(ms) && ms >= EARLIEST_PLAUSIBLE ? ms : undefined;
}
