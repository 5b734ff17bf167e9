// From parsed TAP to our results. One entry per top-level test point (a subtest counts once, as
// its closing point, like tap-parser), plus one errored entry for the stream itself when it has
// protocol errors or bailed out, so a crashed or cut-off producer is never a green run.
import type { TestStatus } from '../../../../shared/types.js';
import type { RawTestResult } from '../../model/raw-result.js';
import { MAX_BODY_CHARS, MAX_MESSAGE_CHARS, capText } from '../text-limits.js';
import type { ParsedPoint, TapFinalResults } from './tap-parser.js';

/** How a point ended, in TAP's terms. */
type TapOutcome = 'ok' | 'not-ok' | 'skip' | 'todo' | 'skip-all' | 'stream-problem';

const STATUS: Record<TapOutcome, TestStatus> = {
  ok: 'passed',
  'not-ok': 'failed',
  // "ok/not ok # SKIP": not run. "# TODO": not expected to work yet, whatever it reports.
  skip: 'skipped',
  todo: 'skipped',
  // A point under a "1..0" plan: tap-parser counts every point of a skip-all stream as skipped.
  'skip-all': 'skipped',
  'stream-problem': 'errored',
};

/** Name of the entry that stands for the stream's own problems (suite ""). */
export const STREAM_ENTRY_NAME = '[TAP stream]';

function outcomeOf(parsed: ParsedPoint, skipAll: boolean): TapOutcome {
  if (skipAll) return 'skip-all';
  if (parsed.point.todo) return 'todo';
  if (parsed.point.skip) return 'skip';
  return parsed.point.ok ? 'ok' : 'not-ok';
}

/**
 * Test names: the description, made unique within the stream (TAP allows repeats and empty
 * descriptions; the normaliser would fold same-named entries into retries) by adding the
 * point's position: "should be equal #3", "#4".
 */
function uniqueNames(points: readonly ParsedPoint[]): string[] {
  const uses = new Map<string, number>();
  for (const { point } of points) uses.set(point.name, (uses.get(point.name) ?? 0) + 1);
  return points.map(({ point }, index) => {
    if (point.name !== '' && uses.get(point.name) === 1) return point.name;
    return point.name === '' ? `#${index + 1}` : `${point.name} #${index + 1}`;
  });
}

export function pointResults(points: readonly ParsedPoint[], results: TapFinalResults): RawTestResult[] {
  const names = uniqueNames(points);
  return points.map((parsed, index) => {
    const outcome = outcomeOf(parsed, results.plan.skipAll);
    const result: RawTestResult = {
      suite: '',
      name: names[index] ?? parsed.point.name,
      status: STATUS[outcome],
      durationMs: durationOf(parsed),
      message: capText(messageOf(parsed, outcome, results), MAX_MESSAGE_CHARS),
      stdout: parsed.output.empty ? undefined : parsed.output.toString(),
    };
    if (outcome === 'not-ok') result.trace = capText(traceOf(parsed), MAX_BODY_CHARS);
    return result;
  });
}

/** The stream's own entry, or null when it is well-formed and complete. */
export function streamResult(results: TapFinalResults): RawTestResult | null {
  const problems = results.errors.map((error) => error.detail);
  if (results.bailout !== false) {
    const { start, end } = results.plan;
    // The points after a bail out never ran; they are not tests of ours, but say how many.
    const ran = start !== null && end !== null && end >= start ? ` (${results.count} of ${end - start + 1} planned test points ran)` : '';
    problems.unshift(`${results.bailout === true ? 'Bail out!' : `Bail out! ${results.bailout}`}${ran}`);
  }
  if (problems.length === 0) return null;
  return {
    suite: '',
    name: STREAM_ENTRY_NAME,
    status: STATUS['stream-problem'],
    message: problems[0],
    trace: capText(problems.join('\n'), MAX_BODY_CHARS),
  };
}

function messageOf(parsed: ParsedPoint, outcome: TapOutcome, results: TapFinalResults): string | undefined {
  const { point } = parsed;
  switch (outcome) {
    case 'ok':
      return undefined;
    case 'skip':
      return point.skip === true || point.skip === false ? 'skipped' : point.skip;
    case 'todo':
      return point.todo === true || point.todo === false ? 'TODO' : `TODO: ${point.todo}`;
    case 'skip-all':
      return results.plan.skipReason || 'skipped: the plan is 1..0 (skip all)';
    case 'stream-problem':
      return undefined;
    case 'not-ok':
      return failureMessage(parsed);
  }
}

function failureMessage(parsed: ParsedPoint): string | undefined {
  const fields = parsed.point.diag?.fields;
  for (const key of ['message', 'error', 'msg']) {
    const value = fields?.get(key)?.trim();
    if (value) return value;
  }
  // Perl's Test::More prints the failure as comments right after the point.
  const comments = parsed.comments.filter((text) => text !== '');
  if (comments.length > 0) return comments.slice(0, 5).join('\n');
  // A subtest failed: name its first failing point.
  const transcript = parsed.subtest?.transcript ?? '';
  const failing = transcript.split('\n').find((line) => /^\s*not ok\b/.test(line) && !/#\s*(todo|skip)/i.test(line));
  return failing?.trim();
}

function traceOf(parsed: ParsedPoint): string | undefined {
  const parts: string[] = [];
  if (parsed.point.diag) parts.push(parsed.point.diag.raw);
  if (parsed.comments.length > 0) parts.push(parsed.comments.join('\n'));
  if (parsed.subtest?.transcript) parts.push(parsed.subtest.transcript.trimEnd());
  const trace = parts.join('\n').trim();
  return trace === '' ? undefined : trace;
}

function durationOf(parsed: ParsedPoint): number | undefined {
  if (parsed.point.time !== null) return parsed.point.time;
  const fromDiag = Number(parsed.point.diag?.fields.get('duration_ms'));
  if (Number.isFinite(fromDiag) && fromDiag >= 0 && parsed.point.diag?.fields.get('duration_ms')?.trim() !== '') return fromDiag;
  return parsed.subtest?.results.time ?? undefined;
}
