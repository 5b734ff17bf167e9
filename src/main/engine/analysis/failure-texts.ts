// The texts the rules match, built once per failure: the head (what the failure says: key line,
// message, exception lines of the trace) and the lines of captured output that report trouble.
// Every failure passes here at ingest, so each step skips what cannot matter cheaply before it
// runs a regular expression, and what depends on the message alone is built once per message.
/** Past this many characters of exception lines, the rest of a trace adds nothing to the head. */
const MAX_TEXT = 3000;

/**
 * A line that carries a message rather than a frame: "E   ...", "Caused by: ...", "panic: ",
 * "FAIL", or "...Error: ..." anywhere in it (frames' "\tat " lines are left out by the caller).
 */
const EXCEPTION_LINE = /^(?:E\s|\s*Caused by:|panic: |\s*Error: |FAIL\b)|(?:Error|Exception|Failure|Violation)\b:/;

/**
 * EXCEPTION_LINE matches a line only where it starts with "E", "F" or "p", or holds one of these
 * ("\s*Error: " holds "Error:"). They are searched for in the whole trace at once (natively), so
 * of a trace's lines, most of them frames, only those few are tested.
 */
const WORDS = ['Error:', 'Exception:', 'Failure:', 'Violation:', 'Caused by:'];

/** The index of the line that holds character `at`, given where each line starts. */
function lineAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The lines of a trace that carry messages rather than frames, trimmed, in order, up to
 * MAX_TEXT characters: among `lines`, the trace's first lines (split at "\n", at most some limit).
 */
export function exceptionLines(trace: string, lines: readonly string[]): string[] {
  const starts: number[] = new Array<number>(lines.length);
  const candidates: number[] = [];
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    starts[index] = offset;
    const first = line.charCodeAt(0);
    if (first === 69 || first === 70 || first === 112) candidates.push(index);
    offset += line.length + 1;
  }
  // Past the lines given (a longer trace than the split's limit) nothing counts.
  const end = Math.min(offset, trace.length);
  for (let word = 0; word < WORDS.length; word++) {
    const text = WORDS[word] as string;
    for (let at = trace.indexOf(text); at >= 0 && at < end; at = trace.indexOf(text, at + text.length)) candidates.push(lineAt(starts, at));
  }
  if (candidates.length === 0) return [];
  if (candidates.length > 1) candidates.sort((a, b) => a - b);
  const kept: string[] = [];
  let size = 0;
  let previous = -1;
  for (let at = 0; at < candidates.length; at++) {
    const index = candidates[at] as number;
    if (index === previous) continue;
    previous = index;
    const line = lines[index] as string;
    // Frame lines ("at pkg.Class.method(File.java:12)") are most of a trace and never messages.
    if (line.startsWith('\tat ') || line.startsWith('    at ') || !EXCEPTION_LINE.test(line)) continue;
    kept.push(line.trim());
    size += line.length;
    if (size > MAX_TEXT) break;
  }
  return kept;
}

/** The key line and the message, each line once and trimmed: the start of every head with this message. */
interface HeadStart {
  keyText: string;
  text: string;
  lines: ReadonlySet<string>;
}

function headStart(keyText: string, message: string): HeadStart {
  const lines = new Set<string>();
  for (const part of [keyText, message]) {
    for (const line of part.split('\n')) {
      const trimmed = line.trim();
      if (trimmed !== '') lines.add(trimmed);
    }
  }
  return { keyText, text: [...lines].join('\n'), lines };
}

/**
 * By message: its key line is the message's own but for an empty message, whose key line comes
 * from the trace; then the entry is rebuilt in place, so such failures never crowd the others out.
 */
const HEAD_STARTS = new Map<string, HeadStart>();
const HEAD_STARTS_LIMIT = 1024;

function headStartOf(keyText: string, message: string): HeadStart {
  let start = HEAD_STARTS.get(message);
  if (start === undefined || start.keyText !== keyText) {
    start = headStart(keyText, message);
    if (HEAD_STARTS.size >= HEAD_STARTS_LIMIT && !HEAD_STARTS.has(message)) HEAD_STARTS.clear();
    HEAD_STARTS.set(message, start);
  }
  return start;
}

/** Heads by the lines a trace added to their start, bounded. */
const HEADS = new Map<string, { start: HeadStart; head: string }>();
const HEADS_LIMIT = 2048;

/**
 * The key line, the message and the trace's exception lines joined, each line once: they repeat
 * each other. A failure whose trace adds no line shares its head with every failure of its message.
 */
export function headOf(keyText: string, message: string, exception: readonly string[]): string {
  const start = headStartOf(keyText, message);
  let added: string[] | null = null;
  // Most traces add a line or two: a set is made only for the rare trace that adds many.
  let addedSet: Set<string> | null = null;
  for (let index = 0; index < exception.length; index++) {
    const line = exception[index] as string;
    if (line === '' || start.lines.has(line)) continue;
    if (added === null) added = [];
    else if (added.length < 16) {
      if (added.includes(line)) continue;
    } else {
      addedSet ??= new Set(added);
      if (addedSet.has(line)) continue;
      addedSet.add(line);
    }
    added.push(line);
  }
  if (added === null) return start.text;
  const tail = added.join('\n');
  // The same lines below the same message make the same head: one string for all of them, so
  // the lookups keyed by head (the rule screen, the flags read from it) compare it by identity.
  const known = HEADS.get(tail);
  if (known !== undefined && known.start === start) return known.head;
  const head = start.text === '' ? tail : `${start.text}\n${tail}`;
  if (HEADS.size >= HEADS_LIMIT) HEADS.clear();
  HEADS.set(tail, { start, head });
  return head;
}

const OUTPUT_LINE = /error|exception|fail|fatal|critical|severe|warn|refused|timed? ?out|denied|not found|cannot|can't|unable|could not|missing|listening|serving|started|running on|bound to/i;

/** Lines of captured output that report errors, warnings or timeouts (bounded). */
export function outputLines(output: string): string {
  const kept: string[] = [];
  let size = 0;
  const lines = output.split('\n', 5000);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (!OUTPUT_LINE.test(line)) continue;
    kept.push(line.trim());
    size += line.length;
    if (size > MAX_TEXT) break;
  }
  return kept.join('\n');
}
