// One line of a trace read for the frame it names: the regular expressions of each runner's
// frame shape, whose code a location is (test, product, library, network, runner), and a
// bounded memory of lines already read, since the traces of a run repeat their frame lines.
import type { Frame, FrameKind } from './frames.js';

// The comma before "in" is missing in faulthandler's dumps (segfaults, timeouts).
const PYTHON_FRAME = /^\s*File "([^"]+)", line \d+,? in (\S+)/;
// pytest's short form: "tests/test_x.py:12: in test_name" / "src/app.py:40: ValueError"
const PYTEST_SHORT = /^([\w./\\-]+\.py):\d+:(?: in (\S+))?/;
const JAVA_FRAME = /^\s*at (?:[\w.$-]+\/)?((?:[\w$]+\.)+)([\w$<>]+)\(([^)]*)\)/;
const JS_FRAME = /^\s*at (?:(?:async )?([^\s(]+) \()?((?:file:\/\/)?[^\s()]+?):\d+(?::\d+)?\)?\s*$/;
const GO_FRAME = /^\s*([\w./-]+\.go):\d+/;
// Vitest's trace lines: "❯ cleanup src/shared/helpers.ts:104:49" or "❯ src/x.test.ts:12:3".
const VITEST_FRAME = /^\s*❯ (?:(\S+) )?((?:file:\/\/)?[^\s()]+?):\d+(?::\d+)?$/;
/**
 * What CI logs put before each line: a clock or ISO time ("14:34:09 ", "[2021-07-13T09:50:41.550Z] ")
 * or a tool's tag ("[junit] "). Frames are read from what follows it.
 */
const LINE_PREFIX = /^(?:\[?(?:\d{4}-\d{2}-\d{2}[T ])?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?Z?\]?|\[[A-Za-z][\w-]{0,20}\]) ?/;
const GO_FUNC = /^([\w./-]+)\.([\w.*()]+)\(.*\)$/;
const DOTNET_FRAME = /^\s*at ([\w.`<>]+)\.([\w<>`]+)\(.*\)(?: in (.+):line \d+)?/;

const NETWORK = /(?:^|[/\\.])(?:socket|ssl|urllib3?|requests|http\/client|httpx|httpcore|aiohttp|http\.client|net\/http|net\/dial|node:net|node:_http|_http_client|node:internal\/(?:net|dns|tls)|axios|undici|node-fetch|got|java\.net|javax\.net|sun\.net|okhttp3|io\.netty|reactor\.netty|org\.apache\.http|org\.apache\.hc|System\.Net|psycopg2\/__init__|pymysql\/connections|redis\/connection|kafka\/conn|grpc)(?:[/\\.]|$)/i;
const LIBRARY = /(?:site-packages|dist-packages|node_modules|[/\\]lib[/\\]python\d|[/\\]Python\d*[/\\][Ll]ib[/\\]|\/usr\/lib|\/usr\/local\/lib|[/\\]pkg[/\\]mod[/\\]|[/\\]vendor[/\\]|GOROOT|\/usr\/(?:local\/)?go\/src|^<frozen|^internal\/|^node:|^(?:java|javax|jdk|sun|com\.sun|kotlin|scala|org\.springframework|org\.hibernate|org\.apache|com\.fasterxml|io\.micrometer|reactor|org\.postgresql|com\.mysql|com\.zaxxer|System|Microsoft)\.)/;
const RUNNER = /(?:_pytest|pluggy|unittest[/\\]case|twisted[/\\.]trial|org\.junit|junit\.framework|org\.testng|org\.apache\.maven\.surefire|org\.gradle|org\.mockito|org\.assertj|org\.hamcrest|org\.opentest4j|@vitest|vitest[/\\]dist|jest-circus|jest-jasmine|expect[/\\]build|testing\/testing\.go|testing\.tRunner|Xunit|NUnit|testify[/\\](?:assert|require)|\/mocha\/)/;
const TEST_CODE = /(?:^|[/\\])(?:tests?|__tests__|spec|specs|testing|e2e|it|testutils?|fixtures?|factories|conftest\.py|[\w-]*(?:_test|_tests|-tests?|\.test|\.spec|_spec|Test|Tests|IT|Spec)\.\w+$|test_[\w-]*\.\w+$)|(?:^|\.)(?:[A-Z][\w$]*(?:Test|Tests|IT|Spec|TestCase)|[\w$]*Factory|[\w$]*Fixture)(?:\.|$)/;

/**
 * Only the last folders of a path say whose code it is: an absolute path may pass through a
 * folder named "test" far above the project (a checkout under ~/test/).
 */
function pathTail(location: string): string {
  const parts = location.split(/[/\\]/);
  return parts.length > 3 ? parts.slice(-3).join('/') : location;
}

function kindOf(location: string): FrameKind {
  if (RUNNER.test(location)) return 'runner';
  if (NETWORK.test(location)) return 'network';
  if (LIBRARY.test(location)) return 'library';
  if (TEST_CODE.test(pathTail(location))) return 'test';
  return 'product';
}

/** The same classes and files recur in every trace of a run: their kinds are remembered. */
const KIND_CACHE = new Map<string, FrameKind>();
const KIND_CACHE_LIMIT = 50_000;

function frameKind(location: string): FrameKind {
  let kind = KIND_CACHE.get(location);
  if (kind === undefined) {
    kind = kindOf(location);
    if (KIND_CACHE.size >= KIND_CACHE_LIMIT) KIND_CACHE.clear();
    KIND_CACHE.set(location, kind);
  }
  return kind;
}

/** Java, .NET and JS frames all start with "at " after the indent. */
const AT_FRAME = /^\s*at /;

/**
 * Tried in a fixed order (Python, Java, .NET, JS, pytest's short form, Go); each shape is tried
 * only when the line holds the text it cannot match without, so the code lines and messages that
 * make up half of a trace cost a few substring tests, not six regular expressions.
 */
function parseLine(line: string): Frame | null {
  let match = line.includes('File "') ? PYTHON_FRAME.exec(line) : null;
  if (match?.[1]) return { location: match[1], functionName: match[2] ?? '', kind: frameKind(match[1]) };
  if (AT_FRAME.test(line)) {
    match = JAVA_FRAME.exec(line);
    if (match?.[1]) {
      const owner = match[1].slice(0, -1);
      return { location: owner, functionName: match[2] ?? '', kind: frameKind(owner) };
    }
    match = DOTNET_FRAME.exec(line);
    if (match?.[1]) return { location: match[3] ?? match[1], functionName: match[2] ?? '', kind: frameKind(match[3] ?? match[1]) };
    match = JS_FRAME.exec(line);
    if (match?.[2]) return { location: match[2], functionName: match[1] ?? '', kind: frameKind(match[2]) };
  }
  match = line.includes('.py:') ? PYTEST_SHORT.exec(line) : null;
  if (match?.[1]) return { location: match[1], functionName: match[2] ?? '', kind: frameKind(match[1]) };
  match = line.includes('.go:') ? GO_FRAME.exec(line) : null;
  if (match?.[1]) return { location: match[1], functionName: '', kind: frameKind(match[1]) };
  match = line.includes('❯ ') ? VITEST_FRAME.exec(line) : null;
  if (match?.[2]) return { location: match[2], functionName: match[1] ?? '', kind: frameKind(match[2]) };
  return null;
}

/**
 * Only a line that starts with a digit or "[" can carry a LINE_PREFIX: one character code read
 * per line, since every line of every trace passes here (an indented "  [junit]" is not read).
 */
function withoutPrefix(line: string): string {
  const first = line.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || first === 91)) return line;
  const prefix = LINE_PREFIX.exec(line);
  return prefix ? line.slice(prefix[0].length) : line;
}

/** What one line of a trace says: the function a Go "pkg.Func(args)" line names, else its frame (or null). */
export interface LineFrame {
  goFunction: string | null;
  frame: Frame | null;
}

function readLine(raw: string): LineFrame {
  const line = withoutPrefix(raw);
  // Go prints "pkg.Func(args)" unindented above its "file.go:12" line; GO_FUNC fails at the first space of anything else.
  const goFunc = line.endsWith(')') && line.charCodeAt(0) > 32 ? GO_FUNC.exec(line) : null;
  if (goFunc) return { goFunction: goFunc[2] ?? '', frame: null };
  const frame = parseLine(line);
  // Shared by every trace with this line: frozen, so no reader can change it for the others.
  return { goFunction: null, frame: frame && Object.freeze(frame) };
}

/**
 * Traces of a run repeat their frame lines (the runner's and the framework's frames are in every
 * Java trace): what a line says is remembered, bounded in count and in length (frame lines are
 * short; a long line is read each time). A line is cut from its trace; the copy kept (and the
 * frame read from it) does not hold the whole trace in memory.
 */
const LINE_FRAMES = new Map<string, LineFrame>();
const LINE_FRAMES_LIMIT = 20_000;
const LINE_FRAMES_LONGEST = 400;

const detached = (text: string): string => ` ${text}`.slice(1);

export function lineFrame(line: string): LineFrame {
  if (line.length > LINE_FRAMES_LONGEST) return readLine(line);
  let known = LINE_FRAMES.get(line);
  if (known === undefined) {
    const kept = detached(line);
    known = readLine(kept);
    if (LINE_FRAMES.size >= LINE_FRAMES_LIMIT) LINE_FRAMES.clear();
    LINE_FRAMES.set(kept, known);
  }
  return known;
}
