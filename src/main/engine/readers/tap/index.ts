// TAP (Test Anything Protocol) 12, 13 and 14 streams, read line by line with a push parser that
// follows tap-parser. Protocol problems are data, not exceptions: they become one errored
// "[TAP stream]" entry (see point-results.ts); only unreadable input is a ReportError.
import type { ReportInput, ReportReader } from '../report-reader.js';
import type { ResultSink } from '../../model/raw-result.js';
import { looksLikeTap } from './detect.js';
import { pointResults, streamResult } from './point-results.js';
import { readLines } from '../read-lines.js';
import type { ParsedPoint, TapFinalResults } from './tap-parser.js';
import { TapParser } from './tap-parser.js';

export { STREAM_ENTRY_NAME } from './point-results.js';

export const tapReader: ReportReader = {
  format: 'tap',
  matches: looksLikeTap,
  read: readTap,
};

export interface ParsedTap {
  readonly results: TapFinalResults;
  readonly points: readonly ParsedPoint[];
  readonly version: number | null;
}

/** Parses a whole TAP stream (the reader's first half; tests compare it with tap-parser). */
export async function parseTap(input: ReportInput): Promise<ParsedTap> {
  const points: ParsedPoint[] = [];
  const parser = new TapParser({ onPoint: (point) => points.push(point) });
  for await (const line of readLines(input)) parser.writeLine(line.text);
  const results = parser.end();
  return { results, points, version: parser.version };
}

async function readTap(input: ReportInput, sink: ResultSink): Promise<void> {
  const { results, points, version } = await parseTap(input);
  // Points are pushed at the end: a trailing "1..0" plan changes how every point counts.
  for (const result of pointResults(points, results)) sink.test(result);
  const stream = streamResult(results);
  if (stream) sink.test(stream);
  // tap-parser reports a short plan only when nothing else failed; say it anyway, quietly.
  const { start, end, skipAll } = results.plan;
  const planned = start !== null && end !== null && !skipAll ? end - start + 1 : null;
  const reported = results.errors.some((error) => error.kind === 'incorrect number of tests');
  if (planned !== null && planned !== results.count && !results.bailout && !reported) {
    sink.warn(`plan ${start}..${end} but ${results.count} test point(s)`);
  }
  const properties: Record<string, string> = {};
  if (version !== null) properties['tap.version'] = String(version);
  if (results.plan.start !== null) properties['tap.plan'] = `${results.plan.start}..${results.plan.end}`;
  if (results.plan.skipAll && results.plan.skipReason) properties['tap.skipReason'] = results.plan.skipReason;
  sink.runInfo({
    durationMs: results.time ?? undefined,
    properties: Object.keys(properties).length > 0 ? properties : undefined,
  });
}
