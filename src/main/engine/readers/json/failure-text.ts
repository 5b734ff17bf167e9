// Turning a source's failure text into our message (short) and trace (body), and telling an
// assertion failure from an error outside assertions (CLI.md counting: failed vs errored) for
// formats that only say "failed" (mocha, Jest/Vitest, RSpec).

// Built from the ESC code rather than a literal so the pattern carries no raw control character.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, 'g');

/** Removes ANSI colour codes: runners colour failure text for terminals, not for storage. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** The first non-blank line, trimmed; undefined for blank text. */
export function firstLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '') return trimmed;
  }
  return undefined;
}

/** Non-empty parts joined by `separator`; undefined when none. */
export function joinText(parts: (string | undefined)[], separator = '\n'): string | undefined {
  const kept = parts.filter((part): part is string => part !== undefined && part !== '');
  return kept.length > 0 ? kept.join(separator) : undefined;
}

/** The error type a stack or message starts with: "TypeError: x" → TypeError, "AssertionError [ERR_ASSERTION]: x" → AssertionError. */
export function leadingErrorType(text: string | undefined): string | undefined {
  const line = firstLine(text === undefined ? undefined : stripAnsi(text));
  if (line === undefined) return undefined;
  return /^([A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)*)(?:\s*\[[\w-]+\])?:/.exec(line)?.[1];
}

// Error types that assertion libraries throw: Node assert/chai/Vitest (AssertionError), Jest
// (JestAssertionError), unexpected.js (UnexpectedError), RSpec (ExpectationNotMetError,
// MockExpectationError), Minitest::Assertion, JUnit-style ComparisonFailure.
const ASSERTION_TYPE = /assert|expectation|unexpected|matcher|comparisonfailure/i;
// Jest's matcher messages start "expect(received).toBe(expected)" after the error type.
const JEST_MATCHER = /\bexpect\(/;

export interface FailureEvidence {
  /** The error's class or name where the report gives it. */
  type?: string;
  /** Message or stack (first line is inspected). */
  text?: string;
  /** The report carries assertion data (actual/expected, matcherResult, ERR_ASSERTION). */
  assertionData?: boolean;
}

/**
 * 'failed' for an assertion failure, 'errored' for an exception that is not one (a TypeError,
 * a timeout, a thrown Error): the JUnit distinction between <failure> and <error>. When the
 * report says nothing about the error, it stays 'failed', which is what the runner called it.
 */
export function failureKind(evidence: FailureEvidence): 'failed' | 'errored' {
  if (evidence.assertionData) return 'failed';
  const type = evidence.type ?? leadingErrorType(evidence.text);
  if (type !== undefined && ASSERTION_TYPE.test(type)) return 'failed';
  const line = firstLine(evidence.text === undefined ? undefined : stripAnsi(evidence.text));
  if (line !== undefined && JEST_MATCHER.test(line)) return 'failed';
  return type === undefined ? 'failed' : 'errored';
}
