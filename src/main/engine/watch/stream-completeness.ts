// Is a line-streamed report finished? Every prefix of such a stream parses, so parsing cannot tell;
// the stream's own structure can: `go test -json` ends each package with a package-level
// pass/fail/skip event, TAP states its plan ("1..N"), Dart's JSON reporter ends with "done". A
// stream short of that is still being written (or its writer died): the watcher gives it longer.
import { createHash } from 'node:crypto';
import { isObject } from '../readers/json/json-value.js';
import { parseEventLine } from '../readers/go-test-json/go-event.js';
import { readLines } from '../readers/read-lines.js';
import { ReportError } from '../readers/report-error.js';
import type { ReportInput, TestReportFormat } from '../readers/report-reader.js';
import { parseTap } from '../readers/tap/index.js';
import { fileInput } from '../ingest/read-report.js';

export type StreamState = { complete: true } | { complete: false; reason: string };

const COMPLETE: StreamState = { complete: true };
const PACKAGES_NAMED = 3;

/** Whether the stream at `path` says it has ended. A file that cannot be read counts as complete: ingesting it names the problem. */
export async function streamState(path: string, format: TestReportFormat): Promise<StreamState> {
  // The hash is the reader's business; here it is only the input's companion.
  const input = fileInput(path, createHash('sha256'));
  try {
    switch (format) {
      case 'go-test-json':
        return await goTestJsonState(input);
      case 'tap':
        return await tapState(input);
      case 'dart-json':
        return await dartJsonState(input);
      default:
        return COMPLETE;
    }
  } catch (error) {
    if (error instanceof ReportError) return COMPLETE;
    throw error;
  }
}

async function goTestJsonState(input: ReportInput): Promise<StreamState> {
  // A package is open from its first event until its own pass/fail/skip (one without a Test).
  const open = new Set<string>();
  const ended = new Set<string>();
  for await (const line of readLines(input)) {
    const parsed = parseEventLine(line.text);
    if (parsed.kind === 'broken-json' && line.unterminated) return { complete: false, reason: 'its last line is cut short' };
    if (parsed.kind !== 'event') continue;
    const { event } = parsed;
    if (event.action === null || event.action === 'build-output' || event.action === 'build-fail') continue;
    const ends = event.test === undefined && (event.action === 'pass' || event.action === 'fail' || event.action === 'skip');
    if (ends) {
      open.delete(event.package);
      ended.add(event.package);
    } else if (!ended.has(event.package)) open.add(event.package);
  }
  if (open.size === 0) return COMPLETE;
  const names = [...open].slice(0, PACKAGES_NAMED).map((name) => name || '(unnamed)');
  const more = open.size > PACKAGES_NAMED ? ` (+${open.size - PACKAGES_NAMED} more)` : '';
  return { complete: false, reason: `package ${names.join(', ')}${more} has no pass/fail/skip event yet` };
}

async function tapState(input: ReportInput): Promise<StreamState> {
  const { results } = await parseTap(input);
  const { plan, count, bailout } = results;
  if (bailout !== false || plan.skipAll) return COMPLETE;
  if (plan.start === null || plan.end === null) return { complete: false, reason: `no plan ("1..N") after ${count} test point(s)` };
  const planned = plan.end - plan.start + 1;
  if (count < planned) return { complete: false, reason: `plan ${plan.start}..${plan.end} but ${count} test point(s) so far` };
  return COMPLETE;
}

async function dartJsonState(input: ReportInput): Promise<StreamState> {
  for await (const line of readLines(input)) {
    const text = line.text.trim();
    // A cheap look first: most lines are test events.
    if (!text.startsWith('{') || !text.includes('"done"')) continue;
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch (error) {
      if (error instanceof SyntaxError) continue; // a line cut short: not the end yet
      throw error;
    }
    if (isObject(event) && event.type === 'done') return COMPLETE;
  }
  return { complete: false, reason: 'no "done" event yet' };
}
