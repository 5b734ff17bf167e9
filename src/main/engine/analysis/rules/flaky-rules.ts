// Timing or nondeterminism: short waits that sometimes expire, UI elements that move under the
// test, races. History (the same test flipping across runs) is stronger evidence and is added
// by the history signals; these rules read one failure's own text.
import { FAKER_WORD_COLLISION } from './constraint-patterns.js';
import type { Rule } from './rule.js';

/** A difference of two clock readings: after - before, Date.now() - start, time.monotonic() - t0, time.Since(start). */
const ELAPSED =
  /\bafter\w*\s*-\s*before\w*[^\n]*|(?:Date\.now|performance\.now|time\.time|time\.monotonic|perf_counter|currentTimeMillis|nanoTime|process\.hrtime)\(\)\s*-[^\n]*|time\.Since\([^\n]*/;

export const FLAKY_RULES: readonly Rule[] = [
  {
    id: 'flaky.wait-expired',
    category: 'flaky',
    weight: 0.55,
    match: {
      head: /Timed? ?out waiting[^\n]*|timeout waiting[^\n]*|wait(?:ed|ing)? (?:for|until) [^\n]{0,80}(?:timed? ?out|timeout|expired)[^\n]*|WebDriverWait[^\n]*|TimeoutException[^\n]*|ConditionTimeoutException[^\n]*|was not fulfilled within[^\n]*|never returned normally[^\n]*|Timeout \d+ms exceeded[^\n]*|Timed out retrying after[^\n]*|waiting for (?:selector|locator|element|navigation|event|getBy|expect)[^\n]*|\bwaitFor\w*[^\n]*|\bwait_for\w*[^\n]*|condition [^\n]{0,80}not met[^\n]*|did not (?:become|reach|complete|finish|settle)[^\n]{0,60}(?:within|in time|after)[^\n]*|not (?:ready|done|finished|complete) (?:after|within) \d[^\n]*|Expected condition failed[^\n]*|retries exhausted[^\n]*|waiting failed[^\n]*|did not appear[^\n]*|never appeared[^\n]*|not fulfilled within[^\n]*|Expectation not fulfilled[^\n]*/i,
    },
    evidence: 'a wait expired before the awaited state arrived: {match}',
  },
  {
    id: 'flaky.test-timeout',
    category: 'flaky',
    weight: 0.4,
    match: { head: /Exceeded timeout of \d+ ?ms[^\n]*|Test timed out[^\n]*|timed out after \d[^\n]*|Timeout of \d+ms exceeded[^\n]*|panic: test timed out[^\n]*|\bTimeoutError\b[^\n]*|timeout of \d+ ?ms[^\n]*|context deadline exceeded[^\n]*|Timeout - Async (?:callback|function)[^\n]*|async (?:callback|function) was not invoked within[^\n]*|Failed: Timeout >[^\n]*/i },
    // Go's "panic: test timed out after 10m0s" is not a test's own wait: it is `go test`'s
    // watchdog (-timeout, 10 minutes by default) killing the whole test binary because something
    // never returned (a hang, a blocked channel, a deadlock). It says nothing of chance timing.
    unless: /panic: test timed out after/,
    evidence: 'the test ran out of time: {match}',
  },
  {
    id: 'flaky.dom-race',
    category: 'flaky',
    weight: 0.6,
    match: { head: /StaleElementReference\w*[^\n]*|not attached to the (?:page |DOM|document)[^\n]*|detached from the DOM[^\n]*|Element is not clickable[^\n]*|Other element would receive the click[^\n]*|element click intercepted[^\n]*|ElementNotInteractable\w*[^\n]*|element is (?:not visible|not stable|outside of the viewport|not enabled)[^\n]*|not wrapped in act\([^\n]*|Execution context was destroyed[^\n]*|Node is detached from document[^\n]*|Target page, context or browser has been closed[^\n]*|Target closed[^\n]*|browser has disconnected[^\n]*|Unable to find (?:an? )?(?:accessible )?(?:element|role)[^\n]*|TestingLibraryElementError[^\n]*/i },
    evidence: 'the page changed under the test (a UI race): {match}',
  },
  {
    id: 'flaky.race',
    category: 'flaky',
    weight: 0.55,
    match: { head: /DATA RACE[^\n]*|race condition[^\n]*|\bdeadlock(?: detected| found)?[^\n]*|ConcurrentModificationException[^\n]*|OptimisticLock\w*[^\n]*|StaleObjectState\w*[^\n]*|Lock wait timeout exceeded[^\n]*|could not serialize access[^\n]*|SerializationFailure[^\n]*|concurrent (?:update|modification)[^\n]*|Row was updated or deleted by another transaction[^\n]*|all goroutines are asleep[^\n]*|race detected[^\n]*|transaction (?:is )?too old[^\n]*|Deadlock found when trying to get lock[^\n]*|deadlocked on lock resources[^\n]*/i },
    evidence: 'a race between concurrent work: {match}',
  },
  {
    id: 'flaky.nondeterminism-words',
    category: 'flaky',
    weight: 0.35,
    match: { head: /\bintermittent(?:ly)?\b[^\n]*|non-?deterministic[^\n]*|\bflak(?:y|iness)\b[^\n]*|\bsometimes\b[^\n]*|\boccasionally\b[^\n]*|\brandom(?:ly)? fail[^\n]*/i },
    evidence: 'the failure text itself says it comes and goes: {match}',
  },
  {
    id: 'flaky.concurrency-test-assertion',
    category: 'flaky',
    weight: 0.55,
    // As strong as a plain assertion's evidence for the product, and a little more: the test says what it exercises.
    // "synced", "synchronisation": state propagated between clients, replicas or views, which
    // arrives when it arrives (the same eventual consistency as "eventual").
    match: { name: /race|concurren|parallel|thread|timing|eventual|\bsync(?:ed|ing|hroni[sz]\w*)\b/i },
    evidence: 'a failure in a test of concurrent or timed behaviour: likely nondeterministic',
  },
  {
    id: 'flaky.not-when-configured-longer',
    category: 'flaky',
    weight: -0.6,
    match: { output: /\d/ },
    facts: { waitShorterThanConfigured: true },
    evidence: 'the wait is not noise: the code is configured to take far longer',
  },
  {
    id: 'flaky.wall-clock',
    category: 'flaky',
    weight: 0.35,
    match: { head: /(?:elapsed|took|duration)[^\n]{0,40}\d+(?:\.\d+)? ?(?:ms|s)\b[^\n]{0,40}(?:expected|less than|<|at most)[^\n]*|expected [^\n]{0,40}(?:less than|<|at most|within) \d+(?:\.\d+)? ?(?:ms|s)\b[^\n]*/i },
    evidence: 'the assertion depends on how fast this machine was: {match}',
  },
  {
    // How many GC cycles, goroutines or threads ran is the runtime's choice, not the code's.
    id: 'flaky.runtime-decided-count',
    category: 'flaky',
    weight: 0.6,
    match: { head: /garbage[- ]collect\w*[^\n]*|\bGC (?:runs?|cycles?|count)\b[^\n]*|\b(?:number of )?(?:goroutines|threads)\b[^\n]{0,40}(?:want|got|expected|but)[^\n]*|NumGoroutine[^\n]*/i },
    facts: { assertion: true },
    unless: /leak/i,
    evidence: 'the assertion counts what the runtime schedules (GC cycles, goroutines, threads), which varies between runs: {match}',
  },
  {
    id: 'flaky.runtime-decided-count-not-product',
    category: 'product_defect',
    weight: -0.4,
    match: { head: /garbage[- ]collect\w*|\bGC (?:runs?|cycles?|count)\b|\b(?:number of )?(?:goroutines|threads)\b[^\n]{0,40}(?:want|got|expected|but)|NumGoroutine/i },
    facts: { assertion: true },
    unless: /leak/i,
    evidence: 'the counted value is decided by the runtime, not computed by the product',
  },
  {
    // A port the OS handed out at random (listen(0) or a random pick) taken by another test running
    // at the same time: a collision of chance, not a server left running (those hold fixed ports).
    id: 'flaky.random-port-collision',
    category: 'flaky',
    weight: 0.7,
    match: { head: /EADDRINUSE[^\n]*|address already in use[^\n]*/i },
    facts: { ephemeralLoopbackPort: true },
    evidence: 'a random high port was already taken by a test running at the same time: {match}',
  },
  {
    id: 'flaky.random-port-collision-not-leak',
    category: 'isolation_leak',
    weight: -0.7,
    match: { head: /EADDRINUSE|address already in use/i },
    facts: { ephemeralLoopbackPort: true },
    evidence: 'the port in use is a random one, not a fixed port an earlier test kept',
  },
  {
    id: 'flaky.unordered-collection',
    category: 'flaky',
    weight: 0.6,
    match: { head: /[[{][^\n]*/ },
    facts: { assertion: true, reorderedItems: true },
    evidence: 'expected and actual hold the same items in another order: the order of a set, dict or listing is not fixed',
  },
  {
    // A factory that fills a unique column with a random Faker word draws the same word twice
    // now and then: a collision of chance, not a row an earlier test left behind.
    id: 'flaky.faker-word-collision',
    category: 'flaky',
    weight: 0.8,
    match: { head: FAKER_WORD_COLLISION },
    evidence: 'the duplicated value is a random Faker lorem word a factory drew twice: {match}',
  },
  {
    id: 'flaky.faker-word-collision-not-leak',
    category: 'isolation_leak',
    weight: -0.6,
    match: { head: FAKER_WORD_COLLISION },
    evidence: 'the duplicate is chance in random test data, not a row left by an earlier test',
  },
  {
    // Two Unix times (seconds since 1970, 2011 to 2033, with or without fractions, or the same
    // in milliseconds) compared by an assertion: the test orders clock readings, which on a fast
    // machine can be equal (the clock's resolution) and on a loaded one far apart.
    id: 'flaky.clock-readings-compared',
    category: 'flaky',
    weight: 0.6,
    match: { head: /\b1[3-9]\d{8}(?:\.\d+)?\b[^\n]{0,80}\b1[3-9]\d{8}(?:\.\d+)?\b[^\n]*|\b1[3-9]\d{11}\b[^\n]{0,80}\b1[3-9]\d{11}\b[^\n]*/ },
    facts: { assertion: true },
    evidence: 'the assertion compares two readings of the clock: {match}',
  },
  {
    id: 'flaky.measured-duration-overshoot',
    category: 'flaky',
    weight: 0.6,
    match: { head: /\d/ },
    facts: { assertion: true, durationOvershoot: true },
    evidence: 'a measured sleep or timer ran somewhat longer than asked: how long depends on the machine\'s load',
  },
  {
    // The asserted value is a difference of two clock readings taken around the code: how long it
    // took depends on the machine's load, not only on the code.
    id: 'flaky.elapsed-time-assertion',
    category: 'flaky',
    weight: 0.6,
    // Only a comparison of numbers (Jest's "Expected: < 50", "less than", assert ... <) makes the
    // trace worth reading.
    match: { head: /Expected: (?:not )?(?:[<>]=? )?-?\d[^\n]*|Received: +-?\d[^\n]*|(?:less|greater) than[^\n]*|toBe(?:Less|Greater)Than[^\n]*|assert [^\n]*[<>][^\n]*/, trace: ELAPSED },
    evidence: 'the assertion measures elapsed wall-clock time: {match}',
  },
  {
    id: 'flaky.elapsed-time-assertion-in-head',
    category: 'flaky',
    weight: 0.6,
    match: { head: ELAPSED },
    facts: { assertion: true },
    evidence: 'the assertion measures elapsed wall-clock time: {match}',
  },
];
