// The facts the rules read, computed once per failure: the texts to match (bounded, so a
// 256 KiB trace costs the same as a short one) and the yes/no facts that only code can find
// (where in the trace it was raised, whether the test talked to its own server...).
import type { FailureInput } from './failure-input.js';
import { exceptionLines, headOf, outputLines } from './failure-texts.js';
import { summariseFrames, type Frame, type FrameSummary } from './frames.js';
import { keyLineOf, shortType, type KeyLine } from './key-line.js';
import { memoByText } from './memo.js';
import { dateFormatOnly, decimalSeparatorOnly, durationOvershoot, pathSeparatorOnly, reorderedItems, versionOnlyDiff } from './value-comparisons.js';

export interface FailureFacts {
  key: KeyLine;
  /** Short exception type (IntegrityError), or null. */
  type: string | null;
  frames: FrameSummary;
  texts: {
    /** Message, key line, and the exception lines of the trace: what the failure says. */
    head: string;
    /** The trace (bounded). */
    trace: string;
    /** Lines of captured output that report errors, warnings or timeouts (bounded). */
    output: string;
    /** Suite, name and file of the test. */
    name: string;
  };
  flags: LazyFlags;
}

export type FactFlag =
  | 'assertion'
  | 'errored'
  | 'setup'
  | 'inTest'
  | 'inProduct'
  | 'fixtureFrames'
  | 'networkFrames'
  | 'testClient'
  | 'remote'
  | 'loopback'
  | 'ipv6Loopback'
  | 'portMismatch'
  | 'hourShift'
  | 'ephemeralLoopbackPort'
  | 'waitShorterThanConfigured'
  | 'ownModule'
  | 'inHook'
  | 'decimalSeparatorOnly'
  | 'reorderedItems'
  | 'versionOnlyDiff'
  | 'pathSeparatorOnly'
  | 'ownHostUnresolvable'
  | 'dateFormatOnly'
  | 'durationOvershoot'
  | 'browserE2E';

const MAX_TEXT = 3000;
const MAX_TRACE = 8000;

const bounded = (text: string, limit: number): string => (text.length > limit ? text.slice(0, limit) : text);

const ASSERTION_TYPES = /^(?:AssertionError|AssertionFailedError|ComparisonFailure|AssertionFailure|ExpectationNotMetError|MultipleFailuresError|AssertError|AssertFailedException|EqualException|TrueException|FalseException|ExpectationFailedException|AssertionFailedException)$/;
/**
 * What the runners and assertion libraries print when a check fails, across ecosystems: pytest,
 * JUnit/AssertJ, Jest/Vitest/Chai, Go's testing and testify, PHPUnit, Rust, C test macros
 * ("file.c:135 result (1) != -1"), Catch2 ("with expansion:"), Boost.Test ("check ... has
 * failed"), ExUnit ("Assertion with == failed"), XCTest, Perl's Test::More ("#   Failed test").
 */
const ASSERTION_TEXT = /^assert\b|\bexpected\b[\s\S]{0,300}\b(?:but (?:was|got|found|received)|to (?:be|equal|contain|have|match|include)|received|got)\b|Expected:[\s\S]{0,400}(?:Received|Actual|but):|\bexpect\(|\.to(?:Be|Equal|StrictEqual|Contain|Match|HaveBeenCalled\w*|HaveLength|HaveProperty|Throw)\b|\bgot\b[\s\S]{0,200}\bwant\b|(?:=|\bgot)\s*[^,\n]{1,80},\s*want\b|\bwant\b[\s\S]{0,200}\bgot\b|Not equal:|Error Trace:|Failed asserting that|DID NOT RAISE|did not raise|assert_called|AssertionError|\bshould (?:be|equal|have|contain)\b|^Expected\b|assertion `left [!=]= right` failed|\bassertion failed\b|Assertion `[^\n]{1,400}' failed|\) is NOT correct!|^\s*left: [\s\S]{0,300}right: |^[\w./-]+\.(?:c|cc|cpp|cxx):\d+:? [^\n]{0,120} (?:!=|==|<=|>=) |\bwith expansion:|\bcheck [^\n]{1,200} has failed\b|\bAssertion with \S{1,3} failed\b|\bXCTAssert\w* failed\b|^#\s+Failed test\b/im;
/**
 * RSpec prints "Failure/Error: <the line of the spec that raised>" above the error: that line is
 * the test's source ("expect(page).to have_content(...)"), not what went wrong, which follows it
 * (an expectation's "expected ... got ...", or another error such as Net::ReadTimeout).
 */
const RSPEC_SOURCE_LINE = /Failure\/Error:[^\n]*/g;
const withoutRspecSource = (text: string): string => (text.includes('Failure/Error:') ? text.replace(RSPEC_SOURCE_LINE, 'Failure/Error:') : text);
/** ASSERTION_TEXT is long and messages repeat: tested once per distinct text. */
const assertionText = memoByText((text: string) => ASSERTION_TEXT.test(text), 1024);
const SETUP_TEXT = /^failed on setup with|\bat setup of\b|\berror in setup\b|\bsetUp(?:Class|Module)?\b|\bbefore ?(?:all|each)\b|@Before(?:All|Each|Class)?\b|\bfixture\b.*\b(?:error|fail)|\bbeforeAll\b|\bbeforeEach\b/i;
const FIXTURE_FRAME = /conftest|fixture|factor|setup|setUp|before|seed|populate/i;
export const TEST_CLIENT = /\bclient\.(?:get|post|put|patch|delete|head|options)\(|\bTestClient\b|test_client|self\.client\b|APIClient|supertest|request\(app\)|\bMockMvc\b|WebTestClient|TestRestTemplate|\bhttptest\.|WebApplicationFactory|WrapperTestResponse|<Response streamed|Rack::Test|last_response|inject\(\{|app\.inject|fastify\.inject|TestServer|AsyncClient\(app/;
const REMOTE = /\bhttps?:\/\/(?!localhost\b|127\.|0\.0\.0\.0|\[::1\])[\w-]+(?:\.[\w-]+)+|\bhost='(?!localhost'|127\.)[\w-]+(?:\.[\w-]+)+'|\b(?:api|www|registry|cdn|auth|login|s3|storage)\.[\w-]+(?:\.[\w-]+)+/i;
const LOOPBACK = /\blocalhost\b|127\.0\.0\.1|\[::1\]|(?:^|[\s(])::1\b|0\.0\.0\.0/;
const IPV6_LOOPBACK = /ECONNREFUSED ::1\b|ECONNREFUSED \[::1\]|\[::1\]:\d+[^\n]{0,80}refused|refused[^\n]{0,80}\[::1\]/;
const REFUSED_PORT = /(?:refused|ECONNREFUSED|Failed to establish|could not connect)[^\n]{0,200}?(?::|port[ =]+)(\d{2,5})\b|(?::|port[ =]+)(\d{2,5})\b[^\n]{0,120}?(?:refused|ECONNREFUSED)/i;
const LISTENING_PORT = /(?:listening|serving|started|running|bound|available)\b[^\n]{0,60}?(?::|port[ =]+)(\d{2,5})\b/gi;
const CLOCK = /(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)/g;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
/** Ports an OS hands out for listen(0): a server the test itself started, not a service that should be up. */
const EPHEMERAL_FIRST = 32768;
/** 0.0.0.0 too: a server bound to every interface on a random port was given that port the same way. */
const LOOPBACK_PORT = /(?:localhost|127\.0\.0\.1|\[::1\]|::1|0\.0\.0\.0):(\d{2,5})\b/g;
/**
 * The JDK's InetAddress.getLocalHost() names the machine twice ("box: box: Name or service not
 * known"): the machine cannot resolve its own host name, which /etc/hosts or its DNS should.
 */
const OWN_HOST_UNRESOLVABLE = /(?:^|[\s:])([\w-]+(?:\.[\w-]+)*): \1: (?:Name or service not known|nodename nor servname provided|Temporary failure in name resolution)/;
/** Names of a project's own helper modules, never a package one installs: importing one that is missing is a wrong path. */
const HELPER_MODULE = /^(?:conftest|utils?|helpers?|common|testutils?|test_?utils|test_?helpers|fixtures|support|tests?)$/;
/**
 * A setup or teardown hook: a function of the test code so named, or a test that is itself a hook
 * (Go's TearDownSuite, mocha's "after all" hook). What a hook touches, setup should have made.
 */
const HOOK_FUNCTION = /set_?up|tear_?down|clean_?up|before_?(?:all|each)|after_?(?:all|each)/i;
const HOOK_TEST = /(?:^|[.\s>:])(?:SetUp|TearDown|setUp|tearDown|BeforeAll|AfterAll|BeforeEach|AfterEach|setup_class|teardown_class)\w*$|"(?:before|after) (?:all|each)" hook/;
/**
 * Runners that drive a browser against the app under test at a base URL (Cypress, Playwright,
 * WebdriverIO, Nightwatch, TestCafe, Puppeteer, Selenium): the server they talk to on this
 * machine is the app the job should have started, not another team's service.
 */
const BROWSER_E2E_FRAMEWORK = /^(?:cypress|playwright|wdio|webdriverio|nightwatch|testcafe|puppeteer|selenium|protractor)\b/i;
/** Where those runners keep their specs (cypress/e2e/, *.cy.ts, *.wdio-spec.js, e2e/): a report's format rarely names the runner. */
const BROWSER_E2E_FILE = /(?:^|[\s/\\])(?:cypress|e2e|playwright)[/\\]|\.cy\.[jt]sx?\b|\.wdio[-.]spec\.|\.e2e[-.]spec\./i;
const MISSING_MODULE = /No module named '([\w.]+)'|Cannot find module '([^']+)'|cannot import name '\w+' from '([\w.]+)'/;

const DURATION = /(\d+(?:\.\d+)?)\s?(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)\b/gi;
const CONFIGURED_DELAY = /cool-?down|\bttl\b|time[- ]to[- ]live|retry[- ]after|backoff|grace|interval|expir|debounce|lock(?:ed|out)?\b|window/i;
const UNIT_MS: Record<string, number> = { ms: 1, millisecond: 1, milliseconds: 1, s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000, m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hour: 3_600_000, hours: 3_600_000 };

function durationsMs(text: string): number[] {
  return [...text.matchAll(DURATION)].map((match) => Number(match[1]) * (UNIT_MS[(match[2] ?? '').toLowerCase()] ?? 0)).filter((ms) => ms > 0);
}

/** The test gave up waiting far sooner than a delay the code says it configured (a cooldown, a TTL). */
function waitShorterThanConfigured(head: string, output: string): boolean {
  const waited = durationsMs(head.slice(0, 1000));
  if (waited.length === 0) return false;
  const configured = output.split('\n').filter((line) => CONFIGURED_DELAY.test(line)).flatMap(durationsMs);
  return configured.length > 0 && Math.max(...configured) >= 5 * Math.max(...waited);
}

function ephemeralLoopbackPort(head: string): boolean {
  return [...head.matchAll(LOOPBACK_PORT)].some((match) => Number(match[1]) >= EPHEMERAL_FIRST);
}

function portMismatch(head: string, output: string): boolean {
  const refused = REFUSED_PORT.exec(head);
  const port = refused?.[1] ?? refused?.[2];
  if (!port) return false;
  const listening = [...output.matchAll(LISTENING_PORT)].map((match) => match[1]);
  return listening.length > 0 && !listening.includes(port);
}

/** Full ISO instants ("2020-01-28T13:00:20Z", "2012-05-01 22:07:37"), read as UTC. */
const ISO_INSTANT = /(?<!\d)(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/g;
/** The widest gap two time zones' clocks can show (UTC-12 against UTC+14). */
const MAX_ZONE_GAP_MS = 26 * 3600 * 1000;

/** Minute differences a zone offset of :15, :30 or :45 leaves between two clocks of one instant. */
const OFFSET_MINUTES = new Set([15, 30, 45]);

/** Dates one day apart, or clock times whole hours (or a zone's half or quarter hours) apart, in one message: a time zone or DST offset. */
function hourShift(head: string): boolean {
  // Two instants further apart than any two zones' clocks are not one moment in two zones.
  const instants = [...new Set([...head.slice(0, 600).matchAll(ISO_INSTANT)].map((m) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0))))];
  if (instants.length === 2 && Math.abs((instants[0] ?? 0) - (instants[1] ?? 0)) > MAX_ZONE_GAP_MS) return false;
  const dates = [...head.slice(0, 600).matchAll(ISO_DATE)].map((match) => Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const distinctDates = [...new Set(dates)];
  if (distinctDates.length === 2 && Math.abs((distinctDates[0] ?? 0) - (distinctDates[1] ?? 0)) === 24 * 3600 * 1000) return true;
  const times = [...head.slice(0, 600).matchAll(CLOCK)].map((match) => ({ h: Number(match[1]), m: match[2], s: match[3] }));
  for (let i = 0; i < times.length; i++) {
    for (let j = i + 1; j < times.length; j++) {
      const a = times[i];
      const b = times[j];
      if (!a || !b || a.h >= 24 || b.h >= 24) continue;
      if (a.m === b.m && a.h !== b.h) return true;
      // Some zones are offset by half or three quarters of an hour (India +5:30, Iran +3:30,
      // Nepal +5:45, Newfoundland -3:30): the minutes then differ by 15, 30 or 45. Only read
      // with seconds on both sides and equal, so two unrelated readings rarely pass for one.
      if (a.s !== undefined && a.s === b.s && OFFSET_MINUTES.has(Math.abs(Number(a.m) - Number(b.m)))) return true;
    }
  }
  return false;
}

/** A module the test cannot import that belongs to the project itself: a broken test, not a missing dependency. */
function ownModule(head: string, frames: Frame[], file: string): boolean {
  const match = MISSING_MODULE.exec(head);
  const name = match?.[1] ?? match?.[2] ?? match?.[3];
  if (!name) return false;
  if (name.startsWith('.') || name.startsWith('/')) return true;
  const root = name.split(/[./]/)[0] ?? name;
  if (HELPER_MODULE.test(root)) return true;
  if (root.length < 2) return false;
  const paths = [file, ...frames.filter((frame) => frame.kind === 'test' || frame.kind === 'product').map((frame) => frame.location)];
  return paths.some((path) => path.split(/[/\\]/).some((part) => part === root || part === `${root}.py`));
}

/** Flags read from the head or the message alone: the same for every failure that repeats them. */
const remoteIn = memoByText((head: string) => REMOTE.test(head), 1024);
const testClientIn = memoByText((head: string) => TEST_CLIENT.test(head), 1024);
const loopbackIn = memoByText((head: string) => LOOPBACK.test(head), 1024);
const ipv6LoopbackIn = memoByText((head: string) => IPV6_LOOPBACK.test(head), 1024);
const ephemeralLoopbackPortIn = memoByText(ephemeralLoopbackPort, 1024);
const hourShiftIn = memoByText(hourShift, 1024);
const decimalSeparatorOnlyIn = memoByText(decimalSeparatorOnly, 1024);
const reorderedItemsIn = memoByText(reorderedItems, 1024);
const versionOnlyDiffIn = memoByText(versionOnlyDiff, 1024);
const pathSeparatorOnlyIn = memoByText(pathSeparatorOnly, 1024);
const ownHostUnresolvableIn = memoByText((head: string) => OWN_HOST_UNRESOLVABLE.test(head), 1024);
const dateFormatOnlyIn = memoByText(dateFormatOnly, 1024);
const durationOvershootIn = memoByText(durationOvershoot, 1024);

/** Most traces are far shorter; frames past this many lines add nothing and cost memory. */
const MAX_TRACE_LINES = 400;

/**
 * Flags are computed when a rule first asks for them, then kept: most rules fail on their text
 * and never look at the costly ones (a scan of the trace for a test client, a remote URL...).
 */
export class LazyFlags {
  private readonly values = new Map<FactFlag, boolean>();

  /** What the flags are computed from, kept here rather than in an object of their own: one is made for every failure. */
  constructor(
    private readonly input: FailureInput,
    private readonly message: string,
    private readonly trace: string,
    private readonly head: string,
    private readonly output: string,
    private readonly name: string,
    private readonly type: string | null,
    private readonly key: KeyLine,
    private readonly frames: FrameSummary,
  ) {}

  get(flag: FactFlag): boolean {
    let value = this.values.get(flag);
    if (value === undefined) {
      value = this.compute(flag);
      this.values.set(flag, value);
    }
    return value;
  }

  private compute(flag: FactFlag): boolean {
    const { input, message, trace, head, output, name, type, key, frames } = this;
    switch (flag) {
      case 'assertion':
        return (type !== null && ASSERTION_TYPES.test(type)) || assertionText(withoutRspecSource(key.text)) || (type === null && assertionText(withoutRspecSource(message.slice(0, 1000))));
      case 'errored':
        return input.status === 'errored';
      case 'setup': {
        const own = frames.innermostOwn;
        return SETUP_TEXT.test(message.slice(0, 200)) || (own !== null && own.kind === 'test' && FIXTURE_FRAME.test(own.functionName));
      }
      case 'inTest':
        return frames.innermostOwn?.kind === 'test';
      case 'inProduct':
        return frames.innermostOwn?.kind === 'product';
      case 'fixtureFrames':
        // A frame's function and location are text of the trace: a trace without a fixture word has no fixture frame.
        return FIXTURE_FRAME.test(trace) && frames.some((frame) => frame.kind === 'test' && (FIXTURE_FRAME.test(frame.functionName) || FIXTURE_FRAME.test(frame.location)));
      case 'networkFrames':
        return frames.some((frame) => frame.kind === 'network');
      case 'testClient':
        // Part by part: TEST_CLIENT cannot match across a line break, so this is its answer on the
        // three joined by line breaks, and the head's part is shared by every failure repeating it.
        // (The short name before the trace: the answer is the same either way.)
        return testClientIn(head) || TEST_CLIENT.test(name) || TEST_CLIENT.test(trace.slice(0, 2000));
      case 'remote':
        return remoteIn(head) || (trace.includes('://') && REMOTE.test(trace.slice(0, 3000)));
      case 'loopback':
        return loopbackIn(head);
      case 'ipv6Loopback':
        return ipv6LoopbackIn(head);
      case 'portMismatch':
        return portMismatch(head, output);
      case 'hourShift':
        return hourShiftIn(message);
      case 'ephemeralLoopbackPort':
        return ephemeralLoopbackPortIn(head);
      case 'waitShorterThanConfigured':
        return waitShorterThanConfigured(head, output);
      case 'ownModule':
        return ownModule(head, frames.frames, input.file ?? '');
      case 'inHook':
        return HOOK_TEST.test(input.name ?? '') || (HOOK_FUNCTION.test(trace) && frames.some((frame) => frame.kind === 'test' && HOOK_FUNCTION.test(frame.functionName)));
      case 'decimalSeparatorOnly':
        return decimalSeparatorOnlyIn(head);
      case 'reorderedItems':
        return reorderedItemsIn(head);
      case 'versionOnlyDiff':
        return versionOnlyDiffIn(head);
      case 'pathSeparatorOnly':
        return pathSeparatorOnlyIn(head);
      case 'ownHostUnresolvable':
        return ownHostUnresolvableIn(head);
      case 'dateFormatOnly':
        return dateFormatOnlyIn(head);
      case 'durationOvershoot':
        return durationOvershootIn(head);
      case 'browserE2E':
        return BROWSER_E2E_FRAMEWORK.test(input.framework ?? '') || BROWSER_E2E_FILE.test(name);
    }
  }
}

/** Suite, name and file, the empty ones left out. */
function nameOf({ suite, name, file }: FailureInput): string {
  let text = suite || '';
  if (name) text = text === '' ? name : `${text} ${name}`;
  if (file) text = text === '' ? file : `${text} ${file}`;
  return text;
}

export function factsOf(input: FailureInput): FailureFacts {
  const message = bounded(input.message ?? '', MAX_TEXT);
  const trace = bounded(input.trace ?? '', MAX_TRACE);
  const traceLines = trace === '' ? [] : trace.split('\n', MAX_TRACE_LINES);
  const key = keyLineOf(message, trace, traceLines);
  const frames = summariseFrames(trace, traceLines);
  const head = headOf(key.text, message, exceptionLines(trace, traceLines));
  const output = outputLines(bounded(input.output ?? '', 64 * 1024));
  const name = nameOf(input);
  const type = shortType(key.exceptionType);
  return {
    key,
    type,
    frames,
    texts: { head, trace, output, name },
    flags: new LazyFlags(input, message, trace, head, output, name, type, key, frames),
  };
}
