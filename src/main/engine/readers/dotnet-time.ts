// Times and durations as the .NET report writers spell them (NUnit, xUnit.net, TRX). Shared by
// the nunit-xml, xunit-xml and trx readers.

/**
 * An ISO timestamp from "2021-06-28 20:23:41Z", "2022-07-13T23:20:35.0612744Z",
 * "2021-04-20T08:31:32.9669698+02:00", or a date and a time given apart ("2007-07-27" +
 * "11:18:43"). Undefined when the text is not such a time (e.g. "YYYY-MM-DD", "6/12/2007": the
 * day/month order of the latter is unknowable). A time without a zone is read as local time:
 * the report does not say its zone, and the ingesting machine is usually the one that ran it.
 */
export function isoTimestamp(dateOrDateTime: string | undefined, time?: string): string | undefined {
  if (dateOrDateTime === undefined) return undefined;
  const text = time === undefined ? dateOrDateTime.trim() : `${dateOrDateTime.trim()}T${time.trim()}`;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!match) return undefined;
  const [, date, hour = '', minute = '', second = '00', fraction = '', zone = ''] = match;
  const millis = fraction ? fraction.slice(0, 4).padEnd(4, '0') : '';
  const offset = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone.toUpperCase();
  const parsed = Date.parse(`${date}T${hour.padStart(2, '0')}:${minute}:${second}${millis}${offset}`);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

/** Milliseconds from seconds written as "0.082553" or, by some locales, "0,014". */
export function secondsToMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const normal = trimmed.includes('.') ? trimmed : trimmed.replace(',', '.');
  if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(normal)) return undefined;
  const seconds = Number(normal);
  // Rounded to the microsecond so 0.230308 s reads 230.308 ms, not 230.30800000000002.
  return Number.isFinite(seconds) ? Math.round(seconds * 1e6) / 1e3 : undefined;
}

/** Milliseconds between two ISO timestamps, when both exist and are in order. */
export function spanMs(start: string | undefined, end: string | undefined): number | undefined {
  if (start === undefined || end === undefined) return undefined;
  const span = Date.parse(end) - Date.parse(start);
  return Number.isFinite(span) && span >= 0 ? span : undefined;
}
