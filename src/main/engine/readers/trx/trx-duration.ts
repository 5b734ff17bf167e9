// TRX durations are .NET TimeSpans: "00:00:00.1084258", with days as "1.02:03:04.5".

export function timeSpanMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(?:(\d+)\.)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(text.trim());
  if (!match) return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  const total = ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
  return Number.isFinite(total) ? Math.round(total * 1e6) / 1e3 : undefined;
}
