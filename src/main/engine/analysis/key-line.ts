// Finds the line of a failure that says what went wrong (the "key line") and the exception
// type, across the shapes runners write: pytest's "E   " lines and setup wrappers, Java's
// "Type: message" and "Caused by:" chains, Go's "file_test.go:12: got, want", Jest/Vitest's
// "Error: ..." and expect diffs.
import { memoByText } from './memo.js';

export interface KeyLine {
  /** Fully qualified where the report says (sqlalchemy.exc.IntegrityError), else null. */
  exceptionType: string | null;
  /** The line itself, trimmed, without the wrappers runners add. */
  text: string;
  /** The deepest "Caused by" / "direct cause" line, when the trace has a chain. */
  rootCause: string | null;
}

const TYPE_PREFIX = /^((?:[A-Za-z_$][\w$]*\.)*[A-Z_$][\w$]*(?:Error|Exception|Exit|Failure|Failed|Warning|Interrupt|Timeout|Violation|Fault|Panic))(?::\s*|\s*$)/;
const PYTEST_SETUP = /^failed on (?:setup|teardown|call) with "([\s\S]*)"$/;
const PYTEST_E_LINE = /^E\s+(.+)$/;
const CAUSED_BY = /^\s*Caused by:\s*(.+)$/;
const GO_FILE_LINE = /^\s*[\w./-]+_test\.go:\d+:\s*(.+)$/;
const MAX_KEY_CHARS = 500;

function firstMeaningfulLine(text: string): string {
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).trim();
    if (line !== '' && !/^[-=_~*]{3,}$/.test(line) && !line.startsWith('Traceback (most recent call last)')) return line;
    if (end < 0) break;
    start = end + 1;
  }
  return '';
}

/** Strips what runners wrap around a message: pytest's setup wrapper, Go's "file:line:". */
function unwrap(message: string): string {
  let text = message.trim();
  const setup = PYTEST_SETUP.exec(text);
  if (setup?.[1]) text = setup[1];
  const go = GO_FILE_LINE.exec(firstMeaningfulLine(text));
  if (go?.[1]) return go[1];
  return text;
}

function lastPytestELine(lines: readonly string[]): string | null {
  let found: string | null = null;
  let inBlock = false;
  for (const line of lines) {
    const match = line.startsWith('E') ? PYTEST_E_LINE.exec(line) : null;
    if (match?.[1] && TYPE_PREFIX.test(match[1].trim())) {
      // The first E line of the last block names the exception.
      if (!inBlock) found = match[1].trim();
      inBlock = true;
    } else if (!match) {
      inBlock = false;
    }
  }
  return found;
}

/** lastPytestELine, but without reading the lines one by one when none can start with "E" (Java, JS and Go traces). */
function pytestKeyLine(body: string, lines: readonly string[]): string | null {
  return body.startsWith('E') || body.includes('\nE') ? lastPytestELine(lines) : null;
}

function deepestCause(lines: readonly string[]): string | null {
  let found: string | null = null;
  for (const line of lines) {
    const match = line.includes('Caused by:') ? CAUSED_BY.exec(line) : null;
    if (match?.[1]) found = match[1].trim();
  }
  return found;
}

/** The key line a message gives on its own, and its exception type: the same for every failure with that message. */
const keyOfMessage = memoByText((message: string) => {
  const text = firstMeaningfulLine(unwrap(message));
  return { text, type: TYPE_PREFIX.exec(text)?.[1] ?? null };
}, 1024);

/** A class, not an object literal with a getter: one is made for every failure at ingest. */
class FailureKeyLine implements KeyLine {
  private cause: string | null | undefined;

  constructor(
    readonly exceptionType: string | null,
    readonly text: string,
    private readonly body: string,
    private readonly lines: readonly string[],
  ) {}

  /** The whole trace is scanned for its chain only when someone asks. */
  get rootCause(): string | null {
    if (this.cause === undefined) this.cause = this.body ? deepestCause(this.lines) : null;
    return this.cause;
  }
}

export function keyLineOf(message: string, trace: string | null | undefined, lines?: readonly string[]): KeyLine {
  const body = trace ?? '';
  const traceLines = lines ?? (body === '' ? [] : body.split('\n'));
  let { text, type: exceptionType } = keyOfMessage(message);
  if (text === '' && body !== '') {
    text = pytestKeyLine(body, traceLines) ?? firstMeaningfulLine(body);
    exceptionType = TYPE_PREFIX.exec(text)?.[1] ?? null;
  } else if (!exceptionType && body !== '') {
    // (After the branch above the trace's line is the text itself, whose type was just read.)
    const fromTrace = pytestKeyLine(body, traceLines) ?? firstMeaningfulLine(body);
    exceptionType = TYPE_PREFIX.exec(fromTrace)?.[1] ?? null;
  }
  if (text.length > MAX_KEY_CHARS) text = text.slice(0, MAX_KEY_CHARS);
  return new FailureKeyLine(exceptionType, text, body, traceLines);
}

/** "sqlalchemy.exc.IntegrityError" -> "IntegrityError". */
export function shortType(type: string | null): string | null {
  if (!type) return null;
  return type.slice(type.lastIndexOf('.') + 1);
}

/** titleOf by key text: the same message gives the same title in every failure. */
const titleOfText = memoByText((keyText: string): string => {
  let text = keyText;
  for (let i = 0; i < 3; i++) {
    const typed = TYPE_PREFIX.exec(text);
    if (!typed || typed[0].length >= text.length) break;
    text = text.slice(typed[0].length);
  }
  text = text
    .replace(/^(?:Error|Exception|panic|FAIL|E)\s*:\s*/, '')
    .replace(/^\((?:[\w.]+)\)\s*/, '')
    .replace(/\s*\[SQL: [\s\S]*$/, '')
    .replace(/\s*\(Background on this error at:[^)]*\)/, '')
    .trim();
  // "KeyError: 'SHOP_API_KEY'" says more with its type than "'SHOP_API_KEY'" alone.
  if (text === '' || (!/\s/.test(text) && text.length < 40)) text = keyText;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}, 1024);

/**
 * A readable title: the innermost message without exception class prefixes, driver prefixes
 * such as "(sqlite3.IntegrityError) ", or the SQL and links SQLAlchemy appends.
 */
export function titleOf(key: KeyLine): string {
  return titleOfText(key.text);
}
