// One run of one Go package inside a `go test -json` stream: from its first event to its
// pass/fail/skip event. Counting follows gotestsum (the tool whose golden summaries the fixtures
// carry): every test and subtest counts; a parent whose subtest fails fails itself (Go reports
// it so); a test that never got pass/fail/skip (the binary panicked or timed out) did not finish;
// and a package that failed with no failing test (build failure, setup failure, TestMain/init
// exiting non-zero) or whose binary hit the test timeout gets one entry of its own, so the
// failure is visible. A rerun of the package (gotestsum --rerun-fails) starts a new PackageRun
// and repeats its tests; the normaliser folds the repeats into attempts.
import type { TestStatus } from '../../../../shared/types.js';
import type { RawTestResult, ResultSink } from '../../model/raw-result.js';
import { BoundedText, MAX_BODY_CHARS, MAX_MESSAGE_CHARS, capText } from '../text-limits.js';
import type { GoEvent } from './go-event.js';
import { firstMessage, withoutFraming } from './output-text.js';

/** How one entry of ours ended, in the stream's terms. */
type GoOutcome = 'pass' | 'fail' | 'skip' | 'unfinished' | 'package-failed';

const STATUS: Record<GoOutcome, TestStatus> = {
  pass: 'passed',
  fail: 'failed',
  skip: 'skipped',
  // A crash outside any assertion: the binary died under the test.
  unfinished: 'errored',
  'package-failed': 'errored',
};

/** Name of the entry that stands for a package-level failure (suite = the package). */
export const PACKAGE_ENTRY_NAME = '[package]';

const TIMEOUT_PANIC = 'panic: test timed out';

interface RunningTest {
  readonly name: string;
  readonly startedAt?: number;
  readonly output: BoundedText;
}

export class PackageRun {
  private readonly running = new Map<string, RunningTest>();
  private readonly output = new BoundedText();
  /** Final outcome of each finished top-level test, for subtests left without an end event. */
  private readonly rootOutcome = new Map<string, 'pass' | 'fail' | 'skip'>();
  /** Failed plus unfinished tests (gotestsum's Package.Failed). */
  private failures = 0;
  /** The test whose output carried Go's test-timeout panic; later output belongs to the package. */
  private timeoutPanicIn: string | null = null;
  /** Running tests with a failed subtest: the first such subtest, for the parent's message. */
  private readonly failedSubtest = new Map<string, string>();

  constructor(
    readonly name: string,
    private readonly sink: ResultSink,
  ) {}

  /** A test event (Test set) or package output; the caller handles package start/end. */
  onEvent(event: GoEvent): void {
    const test = event.test;
    if (test === undefined) {
      if ((event.action === 'output' || event.action === 'bench') && event.output !== undefined) this.output.append(event.output);
      return;
    }
    switch (event.action) {
      case 'run':
        this.start(test, event.time);
        return;
      case 'output':
      case 'bench':
        this.onOutput(test, event);
        return;
      case 'pass':
      case 'fail':
      case 'skip':
        this.finishTest(this.running.get(test) ?? this.start(test, event.time), event.action, event.elapsed);
        return;
      default:
        // pause/cont change nothing we report; build events are routed by the reader.
        return;
    }
  }

  /** Package output that is not JSON (build noise between events) is kept with the package. */
  addPackageOutput(text: string): void {
    this.output.append(text);
  }

  /**
   * The package's own pass/fail/skip event, or the end of the stream (`ended` null). Reports the
   * tests that never finished and, when the package failed on its own, the package entry.
   */
  finish(ended: { action: 'pass' | 'fail' | 'skip'; elapsedSeconds?: number; buildOutput?: string } | null): void {
    const packageOutput = this.output.toString();
    for (const test of [...this.running.values()]) this.finishUnfinished(test, packageOutput);
    this.running.clear();
    const failedOnItsOwn = ended?.action === 'fail' && this.failures === 0;
    if (!failedOnItsOwn && this.timeoutPanicIn === null && ended?.buildOutput === undefined) return;
    this.sink.test({
      suite: this.name,
      name: PACKAGE_ENTRY_NAME,
      status: STATUS['package-failed'],
      durationMs: secondsToMs(ended?.elapsedSeconds),
      message: packageMessage(packageOutput, ended?.buildOutput, this.timeoutPanicIn),
      trace: capText(packageOutput, MAX_BODY_CHARS),
      stderr: ended?.buildOutput,
    });
  }

  private start(name: string, time: number | undefined): RunningTest {
    const previous = this.running.get(name);
    // A second run event for a test still running: the first run never ended.
    if (previous) this.finishUnfinished(previous, this.output.toString());
    const test: RunningTest = { name, startedAt: time, output: new BoundedText() };
    this.running.set(name, test);
    return test;
  }

  private onOutput(name: string, event: GoEvent): void {
    const text = event.output;
    if (text === undefined) return;
    // As gotestsum does (golang/go#57305): the timeout panic is the package's, not the test's,
    // even though test2json attributes it to whichever test was running.
    if (text.startsWith(TIMEOUT_PANIC)) this.timeoutPanicIn = name;
    if (this.timeoutPanicIn === name) {
      this.output.append(text);
      return;
    }
    (this.running.get(name) ?? this.start(name, event.time)).output.append(text);
  }

  private finishTest(test: RunningTest, action: 'pass' | 'fail' | 'skip', elapsed: number | undefined): void {
    this.running.delete(test.name);
    if (!test.name.includes('/')) this.rootOutcome.set(test.name, action);
    if (action === 'fail') {
      this.failures += 1;
      this.noteFailedSubtest(test.name);
    }
    const output = test.output.toString();
    const result: RawTestResult = {
      suite: this.name,
      name: test.name,
      status: STATUS[action],
      durationMs: secondsToMs(elapsed),
      startedAt: isoTime(test.startedAt),
      stdout: output,
    };
    if (action !== 'pass') result.message = capText(firstMessage(output), MAX_MESSAGE_CHARS);
    if (action === 'fail') {
      result.trace = withoutFraming(output);
      // A parent that failed only because a subtest did prints nothing of its own.
      const subtest = this.failedSubtest.get(test.name);
      if (result.message === undefined && subtest !== undefined) result.message = `subtest failed: ${subtest}`;
    }
    this.failedSubtest.delete(test.name);
    this.sink.test(result);
  }

  /** Records a failed subtest with each of its running ancestors ("A/b/c" → "A/b", "A"). */
  private noteFailedSubtest(name: string): void {
    let slash = name.lastIndexOf('/');
    while (slash > 0) {
      const parent = name.slice(0, slash);
      if (this.running.has(parent) && !this.failedSubtest.has(parent)) this.failedSubtest.set(parent, name);
      slash = name.lastIndexOf('/', slash - 1);
    }
  }

  private finishUnfinished(test: RunningTest, packageOutput: string): void {
    this.running.delete(test.name);
    const output = test.output.toString();
    const root = test.name.split('/')[0] ?? test.name;
    // Go before 1.16 could drop a subtest's end event when its parent passed (golang/go#40771);
    // gotestsum counts such a subtest as not failed, and so do we.
    if (test.name.includes('/') && this.rootOutcome.get(root) === 'pass') {
      this.sink.test({
        suite: this.name,
        name: test.name,
        status: STATUS.pass,
        startedAt: isoTime(test.startedAt),
        message: 'no end event; its parent test passed',
        stdout: output,
      });
      return;
    }
    this.failures += 1;
    const panic = firstPanic(packageOutput) ?? firstPanic(output);
    this.sink.test({
      suite: this.name,
      name: test.name,
      status: STATUS.unfinished,
      startedAt: isoTime(test.startedAt),
      message: panic ? `did not finish: ${panic}` : 'did not finish: the test binary stopped before this test ended',
      trace: capText([withoutFraming(output), withoutFraming(packageOutput)].filter((part) => part !== '').join('\n'), MAX_BODY_CHARS),
      stdout: output,
    });
  }
}

function packageMessage(packageOutput: string, buildOutput: string | undefined, timeoutPanicIn: string | null): string {
  if (buildOutput !== undefined) {
    const summary = packageOutput.split('\n').find((line) => /^FAIL\s.*\[(build|setup) failed\]/.test(line));
    const kind = summary?.includes('[setup failed]') ? 'setup failed' : 'build failed';
    const firstError = buildOutput.split('\n').find((line) => line.trim() !== '' && !line.startsWith('# '));
    return firstError ? `${kind}: ${firstError.trim()}` : kind;
  }
  const panic = firstPanic(packageOutput);
  if (panic) return timeoutPanicIn ? `${panic} (while running ${timeoutPanicIn})` : panic;
  const failLine = packageOutput.split('\n').find((line) => /^FAIL\s.*\[.+\]$/.test(line));
  if (failLine) return failLine.replace(/\s+/g, ' ').trim();
  // What TestMain or init printed before exiting, if anything.
  const said = firstMessage(packageOutput);
  const why = 'package failed with no failing test (TestMain, init or the test binary exited non-zero)';
  return said ? `${why}: ${said.split('\n')[0]}` : why;
}

function firstPanic(output: string): string | undefined {
  return output.split('\n').find((line) => line.startsWith('panic: '))?.trim();
}

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined || seconds < 0 ? undefined : Math.round(seconds * 1000 * 1000) / 1000;
}

function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}
