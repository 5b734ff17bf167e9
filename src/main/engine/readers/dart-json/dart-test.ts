// What we gather about one Dart test from its events, until the stream ends.
import type { RawTestResult } from '../../model/raw-result.js';
import type { TestStatus } from '../../../../shared/types.js';
import { BoundedText, MAX_BODY_CHARS } from '../text-limits.js';
import { firstLine } from '../json/failure-text.js';

export class DartTest {
  result: TestStatus | null = null;
  hidden = false;
  skipped = false;
  skipReason: string | undefined;
  endTime: number | undefined;
  private firstError: string | undefined;
  private readonly errors = new BoundedText(MAX_BODY_CHARS);
  private readonly output = new BoundedText(MAX_BODY_CHARS);
  /** An error that arrived after testDone (the test failed after it completed). */
  private lateError: TestStatus | null = null;

  constructor(
    readonly suite: string,
    readonly name: string,
    readonly file: string | undefined,
    readonly startTime: number | undefined,
  ) {}

  addError(error: string, stackTrace: string | undefined, isFailure: boolean): void {
    this.firstError ??= firstLine(error);
    if (!this.errors.empty) this.errors.append('\n\n');
    this.errors.append(stackTrace ? `${error}\n${stackTrace}` : error);
    if (this.result !== null) this.lateError = isFailure ? 'failed' : 'errored';
  }

  print(message: string): void {
    this.output.append(message.endsWith('\n') ? message : `${message}\n`);
  }

  toResult(): RawTestResult {
    let status: TestStatus = this.result ?? 'errored';
    if (status === 'passed' && this.skipped) status = 'skipped';
    if (this.lateError !== null && (status === 'passed' || status === 'skipped')) status = this.lateError;
    // Hidden entries (loading a file, setUpAll/tearDownAll) that fail are errors outside tests.
    if (this.hidden && status === 'failed') status = 'errored';
    let message = this.firstError;
    if (this.result === null) message = `the test did not finish (no testDone event)${message ? `: ${message}` : ''}`;
    else if (status === 'skipped') message = this.skipReason;
    return {
      suite: this.suite,
      name: this.name,
      file: this.file,
      status,
      durationMs: this.startTime !== undefined && this.endTime !== undefined && this.endTime >= this.startTime ? this.endTime - this.startTime : undefined,
      message,
      trace: this.errors.empty ? undefined : this.errors.toString(),
      stdout: this.output.empty ? undefined : this.output.toString(),
    };
  }

  /** Counted when visible, or when a hidden entry did not succeed (a file that failed to load). */
  get counted(): boolean {
    if (!this.hidden) return true;
    const status = this.toResult().status;
    return status !== 'passed' && status !== 'skipped';
  }
}
