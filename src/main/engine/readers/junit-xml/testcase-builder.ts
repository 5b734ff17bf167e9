// Everything one <testcase> element says, gathered while its children stream past, then turned
// into one RawTestResult when it closes.
import type { RawAttempt, RawTestResult } from '../../model/raw-result.js';
import { BoundedText } from '../text-limits.js';
import { MAX_BODY_CHARS as BODY_CHARS } from '../text-limits.js';
import { OUTCOME_STATUS, RESULT_SEVERITY, isNotRunStatus, type JunitOutcome, type ResultElement } from './outcome.js';
import { secondsToMs } from './seconds.js';
import { parseTimestamp } from './timestamp.js';
import { firstLine, nonBlank, unlessBlank } from './first-line.js';

interface ResultChild {
  kind: ResultElement;
  attributes: Record<string, string>;
  body: BoundedText;
}

/** Where the testcase sits: its suite name and file when it does not name them itself. */
export interface CaseContext {
  suite: string;
  file: string | undefined;
}

export class TestcaseBuilder {
  private readonly results: ResultChild[] = [];
  private readonly attempts: RawAttempt[] = [];
  private stdoutText: BoundedText | null = null;
  private stderrText: BoundedText | null = null;

  constructor(private readonly attributes: Record<string, string>) {}

  /**
   * A testcase without name and classname attributes cannot be told apart from any other, so it
   * is dropped, as EnricoMi does. Present but empty ones are kept: jest-junit writes name="" for
   * a test titled '' (its suite still names it).
   */
  get anonymous(): boolean {
    return this.attributes.name === undefined && this.attributes.classname === undefined;
  }

  /** A <failure>, <error> or <skipped> child; returns where its body text goes. */
  addResult(kind: ResultElement, attributes: Record<string, string>): BoundedText {
    const body = new BoundedText(BODY_CHARS);
    this.results.push({ kind, attributes, body });
    return body;
  }

  addAttempt(attempt: RawAttempt): void {
    this.attempts.push(attempt);
  }

  get stdout(): BoundedText {
    this.stdoutText ??= new BoundedText(BODY_CHARS);
    return this.stdoutText;
  }

  get stderr(): BoundedText {
    this.stderrText ??= new BoundedText(BODY_CHARS);
    return this.stderrText;
  }

  build(context: CaseContext): RawTestResult {
    const { name, classname, file, time, timestamp } = this.attributes;
    const decisive = this.decisiveResult();
    const outcome: JunitOutcome = isNotRunStatus(this.attributes.status) ? 'disabled' : (decisive?.kind ?? 'success');
    const result: RawTestResult = {
      suite: classname || context.suite,
      name: name ?? '',
      status: OUTCOME_STATUS[outcome],
    };
    const testFile = file || context.file;
    if (testFile) result.file = testFile;
    const durationMs = secondsToMs(time);
    if (durationMs !== undefined) result.durationMs = durationMs;
    const startedAt = parseTimestamp(timestamp);
    if (startedAt !== undefined) result.startedAt = new Date(startedAt).toISOString();
    if (decisive) {
      const body = decisive.body.empty ? undefined : nonBlank(decisive.body.toString());
      const message = nonBlank(decisive.attributes.message) ?? (body === undefined ? undefined : firstLine(body)) ?? nonBlank(decisive.attributes.type);
      if (message !== undefined) result.message = message;
      const trace = this.trace(decisive, body);
      if (trace !== undefined) result.trace = trace;
    }
    const stdout = this.stdoutText?.empty === false ? unlessBlank(this.stdoutText.toString()) : undefined;
    if (stdout !== undefined) result.stdout = stdout;
    const stderr = this.stderrText?.empty === false ? unlessBlank(this.stderrText.toString()) : undefined;
    if (stderr !== undefined) result.stderr = stderr;
    if (this.attempts.length > 0) result.attempts = this.attempts;
    return result;
  }

  /** The first child of the highest severity (error > failure > skipped), if any. */
  private decisiveResult(): ResultChild | undefined {
    let best: ResultChild | undefined;
    for (const child of this.results) {
      if (!best || RESULT_SEVERITY[child.kind] > RESULT_SEVERITY[best.kind]) best = child;
    }
    return best;
  }

  /** The decisive child's body, then the other failures/errors (body, else message) when there are several. */
  private trace(decisive: ResultChild, body: string | undefined): string | undefined {
    if (this.results.length === 1) return body;
    const parts: string[] = body === undefined ? [] : [body];
    for (const child of this.results) {
      if (child === decisive || child.kind === 'skipped') continue;
      const other = (child.body.empty ? undefined : nonBlank(child.body.toString())) ?? nonBlank(child.attributes.message);
      if (other !== undefined) parts.push(other);
    }
    return parts.length > 0 ? parts.join('\n\n') : undefined;
  }
}
