// One open <testsuite>: what its testcases inherit, its own captured output, and the tests it
// holds until it closes (its <system-out> usually comes after them).
import type { RawTestResult } from '../../model/raw-result.js';
import { BoundedText } from '../text-limits.js';
import { MAX_BODY_CHARS as BODY_CHARS } from '../text-limits.js';
import { looksLikeSourceFile } from './source-file-name.js';
import { unlessBlank } from './first-line.js';

export interface SuiteFrame {
  /** Own name, else the nearest enclosing suite's. */
  readonly suite: string;
  /** Own `file` attribute, a file-path name, else the enclosing suite's file. */
  readonly file: string | undefined;
  readonly name: string;
  /** The `tests` header attribute, when it is a number. */
  readonly declaredTests: number | undefined;
  /** <testcase> elements inside, nested suites included. */
  caseCount: number;
  /** Tests directly inside, waiting for the suite's own output. */
  readonly tests: RawTestResult[];
  stdout: BoundedText | null;
  stderr: BoundedText | null;
}

export function openSuite(attributes: Record<string, string>, parent: SuiteFrame | undefined): SuiteFrame {
  const name = attributes.name ?? '';
  const ownFile = attributes.file || (looksLikeSourceFile(name) ? name : undefined);
  const declared = attributes.tests === undefined ? Number.NaN : Number(attributes.tests);
  return {
    suite: name || parent?.suite || '',
    file: ownFile ?? parent?.file,
    name,
    declaredTests: Number.isInteger(declared) ? declared : undefined,
    caseCount: 0,
    tests: [],
    stdout: null,
    stderr: null,
  };
}

export function suiteOutput(): BoundedText {
  // Under the normaliser's cap, so the tests that get it all share this one string.
  return new BoundedText(BODY_CHARS);
}

/**
 * Suite-level <system-out>/<system-err> (Bazel's test log, go-junit-report's package output) is
 * the only output a failing test of that suite has, so failed and errored tests without output
 * of their own get it. Passed and skipped tests do not: it would say nothing about them.
 */
export function shareSuiteOutput(frame: SuiteFrame): void {
  const stdout = frame.stdout?.empty === false ? unlessBlank(frame.stdout.toString()) : undefined;
  const stderr = frame.stderr?.empty === false ? unlessBlank(frame.stderr.toString()) : undefined;
  if (stdout === undefined && stderr === undefined) return;
  for (const test of frame.tests) {
    if (test.status !== 'failed' && test.status !== 'errored') continue;
    if (test.stdout === undefined && stdout !== undefined) test.stdout = stdout;
    if (test.stderr === undefined && stderr !== undefined) test.stderr = stderr;
  }
}
