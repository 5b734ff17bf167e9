// JUnit `time` attributes: seconds as a decimal. Some writers format with thousands separators
// ("1,234.5"), a few locale-bound ones with a decimal comma ("0,123").

const GROUPED = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;

/** Milliseconds for a `time` attribute, or undefined when it is absent or not a number. */
export function secondsToMs(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  let text = raw;
  if (text.includes(',')) {
    if (GROUPED.test(text)) text = text.replaceAll(',', '');
    else if (text.indexOf(',') === text.lastIndexOf(',') && !text.includes('.')) text = text.replace(',', '.');
    else return undefined;
  }
  const seconds = Number(text);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
