/**
 * A report that cannot be read. Its message is one line saying what is wrong; the ingest
 * layer prefixes the file's path. Anything else thrown by a reader is a bug in Vigil.
 */
export class ReportError extends Error {
  override name = 'ReportError';
}

export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
