// The code under test is wrong: an assertion on a computed value with no environmental
// signal, a programming error raised inside the product, a 5xx from the product's own server.
import { ENVIRONMENT_LOOKUP } from './config-mismatch-rules.js';
import { NOT_NULL_VIOLATION } from './constraint-patterns.js';
import type { Rule } from './rule.js';

// Native crashes (segfaults, aborts) are not listed: they say nothing of whose code crashed, and
// NATIVE_CRASH below blames the product only when its frames show the product running.
const PROGRAMMING_ERROR =
  /NullPointerException[^\n]*|Cannot invoke "[^\n]*" because [^\n]* is null[^\n]*|nil pointer dereference[^\n]*|index out of range[^\n]*|IndexOutOfBounds\w*[^\n]*|ArrayIndexOutOfBounds\w*[^\n]*|ZeroDivisionError[^\n]*|division by zero[^\n]*|ClassCastException[^\n]*|IllegalStateException[^\n]*|IllegalArgumentException[^\n]*|ArithmeticException[^\n]*|UnsupportedOperationException[^\n]*|NotImplementedError[^\n]*|NoMethodError[^\n]*|undefined method[^\n]*|RecursionError[^\n]*|maximum recursion depth[^\n]*|StackOverflowError[^\n]*|Maximum call stack size exceeded[^\n]*|panic: runtime error[^\n]*|Cannot read propert(?:y|ies) of (?:undefined|null)[^\n]*|is not a function[^\n]*|is not iterable[^\n]*|is not defined[^\n]*|TypeError[^\n]*|AttributeError[^\n]*|KeyError[^\n]*|IndexError[^\n]*|ValueError[^\n]*|UnboundLocalError[^\n]*|NameError[^\n]*|InvalidOperationException[^\n]*|NullReferenceException[^\n]*|ArgumentException[^\n]*|DecodeError[^\n]*|JSONDecodeError[^\n]*|Unexpected token [^\n]* in JSON[^\n]*|ConcurrentModificationException[^\n]*|NumberFormatException[^\n]*|NoSuchElementException[^\n]*|KeyNotFoundException[^\n]*|IndexOutOfRangeException[^\n]*|FormatException[^\n]*|\bRangeError\b[^\n]*|OverflowError[^\n]*|called `Option::unwrap\(\)` on a `None` value[^\n]*|attempt to (?:add|subtract|multiply|divide|negate|shift left|shift right)[^\n]{0,20} with overflow[^\n]*|index out of bounds: the len is[^\n]*|Call to a member function [^\n]* on null[^\n]*|Undefined (?:index|offset|array key|variable|property)\b[^\n]*/;

/** The process died in native code: no exception of the language, so no line of its code to blame by itself. */
export const NATIVE_CRASH = /Segmentation fault[^\n]*|Fatal Python error[^\n]*|\bSIGSEGV\b[^\n]*|\bSIGABRT\b[^\n]*|\bSIGBUS\b[^\n]*|core dumped[^\n]*|EXCEPTION_ACCESS_VIOLATION[^\n]*|fatal error: unexpected signal[^\n]*/;

/** A test stopped by its time limit: the runner's own timeout texts (pytest-timeout, go test, Jest, mocha...). */
const TEST_TIMEOUT = /\bTimeout\b[^\n]*|\btimed? ?out\b[^\n]*|Exceeded timeout[^\n]*|KeyboardInterrupt[^\n]*/i;
/**
 * A stack that stops at a lock acquisition: Python's `with x_lock:` / `lock.acquire()`, Go's
 * goroutine dump (sync.(*Mutex).Lock, semacquire), a JVM thread dump ("waiting to lock",
 * "parking to wait for"), .NET's Monitor.Enter, or a goroutine blocked for minutes on a
 * channel or mutex (the "[chan receive, 9 minutes]" of a Go dump).
 */
const WAITING_ON_LOCK =
  /\bwith [\w.]*lock\w*(?:\(\))?:|\block\w*\.acquire\(|\.acquire\(\)|sync\.\(\*(?:RW)?Mutex\)\.R?Lock|\bsemacquire|waiting to lock <|parking to wait for|Monitor\.(?:Enter|Wait)|\bpthread_mutex_lock\b|\[(?:chan (?:receive|send)|select|semacquire|sync\.[\w.]+)[^\]\n]*, \d+ minutes\]/;

export const PRODUCT_DEFECT_RULES: readonly Rule[] = [
  {
    id: 'product.plain-assertion',
    category: 'product_defect',
    weight: 0.5,
    facts: { assertion: true },
    evidence: 'an assertion on a computed value failed ({match})',
    match: { head: /^[^\n]+/ },
  },
  {
    // An assertion raised inside the product's own code (an invariant it checks, a debug assert)
    // rather than in the test: the product broke its own rule.
    id: 'product.assertion-in-product',
    category: 'product_defect',
    weight: 0.3,
    facts: { assertion: true, inProduct: true },
    evidence: "an assertion inside the product's own code failed at {frame}",
    match: { head: /^[^\n]+/ },
  },
  {
    id: 'product.raised-in-product',
    category: 'product_defect',
    weight: 0.45,
    match: { head: PROGRAMMING_ERROR },
    facts: { inProduct: true, assertion: false },
    unless: ENVIRONMENT_LOOKUP,
    evidence: 'a programming error raised inside the product at {frame}: {match}',
  },
  {
    id: 'product.programming-error',
    category: 'product_defect',
    weight: 0.35,
    match: { head: PROGRAMMING_ERROR },
    facts: { inTest: false, assertion: false },
    unless: ENVIRONMENT_LOOKUP,
    evidence: 'a programming error, not an environmental one: {match}',
  },
  {
    id: 'product.own-server-5xx',
    category: 'product_defect',
    weight: 0.65,
    match: { head: /\b5\d\d\b[^\n]*|Internal Server Error[^\n]*/i },
    facts: { testClient: true },
    evidence: "a server error from the product's own app under its test client, not from another service",
  },
  {
    id: 'product.own-server-not-external',
    category: 'external_blocker',
    weight: -0.7,
    match: { head: /\b5\d\d\b|Internal Server Error|Service Unavailable/i },
    facts: { testClient: true },
    evidence: 'the server that failed is the one under test',
  },
  {
    id: 'product.status-assertion-local',
    category: 'product_defect',
    weight: 0.35,
    match: { head: /(?:status(?:_code|Code)?|response)[^\n]{0,40}\b5\d\d\b|\b5\d\d\b[^\n]{0,40}(?:status(?:_code|Code)?|response)/i },
    facts: { assertion: true, remote: false },
    evidence: 'the test asserts on the status of a local call it made itself',
  },
  {
    id: 'product.duplicate-not-handled',
    category: 'product_defect',
    weight: 0.75,
    match: {
      head: /UNIQUE constraint|duplicate key|Duplicate entry|E11000|unique constraint|UniqueViolation|IntegrityError|already exists/i,
      name: /duplicat|twice|again|idempot|upsert|concurren|parallel|race|retry|re-?register|same (?:email|name|user)/i,
    },
    evidence: 'the test exercises duplicates and the product let the database reject it: {match}',
  },
  {
    id: 'product.snapshot-mismatch',
    category: 'product_defect',
    weight: 0.45,
    match: { head: /Snapshot[^\n]{0,60}mismatched[^\n]*|toMatchSnapshot[^\n]*|toMatchInlineSnapshot[^\n]*|snapshots? (?:failed|do not match)[^\n]*/i },
    evidence: 'the output changed from the recorded snapshot: {match}',
  },
  {
    id: 'product.did-not-raise',
    category: 'product_defect',
    weight: 0.5,
    match: { head: /DID NOT RAISE[^\n]*|did not raise[^\n]*|Expected [\w.]+ to be thrown[^\n]*|Expected exception[^\n]*|Missing expected exception[^\n]*|expected (?:an )?error[^\n]{0,40}(?:but|got nil)[^\n]*/i },
    evidence: 'the code did not reject what it should: {match}',
  },
  {
    // A crash whose innermost frame of the project's code is in the product: the product (or the
    // runtime it is, or the native code it drives) crashed there.
    id: 'product.crash-in-product',
    category: 'product_defect',
    weight: 0.5,
    match: { head: NATIVE_CRASH },
    facts: { inProduct: true },
    evidence: 'the process crashed while running the product at {frame}: {match}',
  },
  {
    // A test that runs out of time while its stack waits on a lock outside setup: not a slow
    // machine but a hang, the code under test waiting on a lock that is never released (a
    // deadlock, a non-reentrant lock taken twice). A lock that setup waits on is an earlier
    // test's (see cascade.setup-waits-on-shared-lock).
    id: 'product.hang-on-lock',
    category: 'product_defect',
    weight: 0.6,
    match: { head: TEST_TIMEOUT, trace: WAITING_ON_LOCK },
    facts: { setup: false },
    evidence: 'the test timed out while the code waited on a lock (a deadlock, not slowness): {match}',
  },
  {
    id: 'product.hang-on-lock-not-flaky',
    category: 'flaky',
    weight: -0.5,
    match: { head: TEST_TIMEOUT, trace: WAITING_ON_LOCK },
    facts: { setup: false },
    evidence: 'the time ran out on a lock that is never released, not on a slow step',
  },
  {
    // Outside fixtures the row without its required value was written by the product (see
    // test.not-null-in-fixture for a factory that leaves the field out).
    id: 'product.not-null-violation',
    category: 'product_defect',
    weight: 0.5,
    match: { head: NOT_NULL_VIOLATION },
    facts: { fixtureFrames: false },
    evidence: 'the code saves a row without a value its schema requires: {match}',
  },
  {
    // go build / go vet print "# package" and then file:line: the error is in a file of the
    // product, not in a _test.go file, so the product itself does not build or pass vet.
    id: 'product.go-build-error-in-product-file',
    category: 'product_defect',
    weight: 0.7,
    match: { head: /^# [\w.\/-]+(?: \[[^\]\n]*\])?\n(?:\.\/)?[\w.\/-]*(?<!_test)\.go:\d+[^\n]*/m },
    evidence: "the product's own code does not compile or pass vet: {match}",
  },
  {
    id: 'product.go-build-error-not-test',
    category: 'test_defect',
    weight: -0.5,
    match: { head: /^# [\w.\/-]+(?: \[[^\]\n]*\])?\n(?:\.\/)?[\w.\/-]*(?<!_test)\.go:\d+/m },
    evidence: 'the build error is in product code, not in the test',
  },
  {
    // Jest points at the line that created a handle still open: when that is the product's code,
    // the product leaves a timer or socket behind (it never clears or closes it).
    id: 'product.open-handle-in-product',
    category: 'product_defect',
    weight: 0.6,
    match: { head: /open handles?[^\n]*/i },
    facts: { inProduct: true },
    evidence: 'the handle left open was created by the product at {frame}: {match}',
  },
  {
    id: 'product.open-handle-in-product-not-leak',
    category: 'isolation_leak',
    weight: -0.4,
    match: { head: /open handles?/i },
    facts: { inProduct: true },
    evidence: 'the open handle is made by the product code, not left by another test',
  },
];
