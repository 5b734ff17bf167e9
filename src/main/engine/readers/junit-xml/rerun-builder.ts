// One earlier run recorded inside a testcase (<flakyFailure>, <rerunError>, ...): its message
// attribute, its <stackTrace> (or direct text) and its own <system-out>/<system-err>.
import type { RawAttempt } from '../../model/raw-result.js';
import { BoundedText } from '../text-limits.js';
import { MAX_BODY_CHARS as BODY_CHARS } from '../text-limits.js';
import { RERUN_STATUS, type RerunElement } from './outcome.js';
import { secondsToMs } from './seconds.js';
import { firstLine, nonBlank, unlessBlank } from './first-line.js';

export class RerunBuilder {
  readonly trace = new BoundedText(BODY_CHARS);
  readonly stdout = new BoundedText(BODY_CHARS);
  readonly stderr = new BoundedText(BODY_CHARS);

  constructor(
    private readonly kind: RerunElement,
    private readonly attributes: Record<string, string>,
  ) {}

  build(): RawAttempt {
    const trace = this.trace.empty ? undefined : nonBlank(this.trace.toString());
    const message = nonBlank(this.attributes.message) ?? (trace === undefined ? undefined : firstLine(trace)) ?? nonBlank(this.attributes.type);
    return {
      status: RERUN_STATUS[this.kind],
      // nextest writes a time per rerun; Surefire does not.
      durationMs: secondsToMs(this.attributes.time),
      message,
      trace,
      stdout: this.stdout.empty ? undefined : unlessBlank(this.stdout.toString()),
      stderr: this.stderr.empty ? undefined : unlessBlank(this.stderr.toString()),
    };
  }
}
