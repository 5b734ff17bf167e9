// A consequence of another failure: setup skipped or broken because an earlier step failed,
// teardown touching what setup never made, a test whose output logs an upstream error. The
// run analysis links each cascade to the group that caused it.
import type { Rule } from './rule.js';

/** A value that is not there: read through None, null, undefined or nil. */
const NULL_DEREFERENCE =
  /'NoneType' object has no attribute[^\n]*|Cannot read propert(?:y|ies) of (?:undefined|null)[^\n]*|(?:undefined|null) is not an object[^\n]*|nil pointer dereference[^\n]*|NullPointerException[^\n]*|NullReferenceException[^\n]*|Object reference not set to an instance[^\n]*/;

/** Read through an attribute of the test object that setup fills: self.driver.get(...), self.client.post(...). */
const SETUP_OBJECT = /\b(?:self|cls)\.(?:driver|browser|webdriver|session|client|conn|connection|db|page|context|server|channel|app)\.\w+/;

const SINON_ALREADY_WRAPPED = /Attempted to wrap \w+ which is already (?:wrapped|spied on|stubbed)[^\n]*/;

export const CASCADE_RULES: readonly Rule[] = [
  {
    id: 'cascade.earlier-failure',
    category: 'cascade',
    weight: 0.65,
    match: {
      head: /(?:previous|prior|earlier|preceding) (?:exception|error|failure|test|step|hook)s?\b[^\n]*|due to (?:a |an )?(?:previous|prior|earlier) [^\n]*|because (?:of )?(?:a |an |the )?(?:previous|prior|earlier|preceding)[^\n]*|depends on (?:not successfully finished|failed|a failed)[^\n]*|dependency (?:failed|test failed|was not successful)[^\n]*|skipping repeated attempt[^\n]*|failure threshold[^\n]{0,20}exceeded[^\n]*|because (?:the|this error occurred during a) `?"?(?:before|after) ?(?:all|each)`?"? hook[^\n]*|skipping the remaining tests[^\n]*|Skipped due to (?:failure|error|a failed)[^\n]*|setUpClass (?:failed|raised)[^\n]*|@BeforeAll method[^\n]{0,60}failed[^\n]*|in "before (?:all|each)" hook[^\n]*|"before (?:all|each)" hook (?:for|failed)[^\n]*|previous item was not torn down[^\n]*|aborting remaining tests[^\n]*|Tests? (?:were|was) skipped because[^\n]*|not run because [^\n]{0,40}failed[^\n]*|upstream (?:step|job|task|test) failed[^\n]*/i,
    },
    unless: /rolled back due to a previous exception|current transaction is aborted|PendingRollbackError/i,
    evidence: 'fails because an earlier step failed: {match}',
  },
  {
    id: 'cascade.teardown-after-failed-setup',
    category: 'cascade',
    weight: 0.55,
    match: {
      head: /Cannot read propert(?:y|ies) of (?:undefined|null) \(reading '(?:close|stop|destroy|quit|disconnect|end|shutdown|teardown|release|dispose|cleanup|kill|terminate)'\)[^\n]*|'NoneType' object has no attribute '(?:close|stop|quit|disconnect|shutdown|rollback|teardown|terminate|kill|dispose)'[^\n]*|(?:undefined|null) is not an object \(evaluating '[^']*\.(?:close|stop|destroy|quit|disconnect)'\)[^\n]*|Cannot read property '(?:close|stop|destroy|quit|disconnect|end|shutdown|teardown|release|dispose|cleanup|kill|terminate)' of (?:undefined|null)[^\n]*/i,
    },
    evidence: 'teardown touches what a failed setup never created: {match}',
  },
  {
    id: 'cascade.upstream-error-in-output',
    category: 'cascade',
    weight: 0.55,
    match: { output: /^[^\n]*\b(?:ERROR|CRITICAL|FATAL|SEVERE)\b[^\n]*|^[^\n]*\b\w+(?:Error|Exception): [^\n]+/m },
    facts: { assertion: true },
    evidence: 'the captured output logs an upstream error before the assertion failed: {match}',
  },
  {
    id: 'cascade.upstream-error-before-timeout',
    category: 'cascade',
    weight: 0.55,
    match: {
      head: /time(?:d)? ?out|timeout/i,
      output: /Unhandled(?:PromiseRejection| promise rejection| rejection)[^\n]*|^[^\n]*\b(?:ERROR|FATAL)\b[^\n]*|^[^\n]*\b\w+(?:Error|Exception): [^\n]+/m,
    },
    evidence: 'the test timed out after its output logged an earlier error: {match}',
  },
  {
    // In a hook, a missing value is what an earlier setup step failed to make (a server, a
    // driver, a client), not a slip of the test's own code; raised in the product, it stays a defect.
    id: 'cascade.null-in-hook',
    category: 'cascade',
    weight: 0.7,
    match: { head: NULL_DEREFERENCE },
    facts: { inHook: true, inProduct: false },
    evidence: 'a setup or teardown hook reads a value an earlier step never made: {match}',
  },
  {
    id: 'cascade.null-in-hook-not-test-code',
    category: 'test_defect',
    weight: -0.5,
    match: { head: NULL_DEREFERENCE },
    facts: { inHook: true, inProduct: false },
    evidence: 'the missing value comes from a failed setup step, not from the test code that reads it',
  },
  {
    // A driver, session or client is made by setup and kept on the test object; None there
    // means setup could not make it (the browser or server never started).
    id: 'cascade.setup-object-missing',
    category: 'cascade',
    weight: 0.65,
    match: { head: /'NoneType' object has no attribute[^\n]*/, trace: SETUP_OBJECT },
    evidence: 'an object setup should have made is None: {match}',
  },
  {
    id: 'cascade.setup-object-missing-not-test-code',
    category: 'test_defect',
    weight: -0.5,
    match: { head: /'NoneType' object has no attribute/, trace: SETUP_OBJECT },
    evidence: 'the None comes from a setup step that failed, not from the test code that reads it',
  },
  {
    // The JVM reports a class whose static initialiser threw once (ExceptionInInitializerError);
    // every later use of the class fails with this line.
    id: 'cascade.class-initialisation-failed-earlier',
    category: 'cascade',
    weight: 0.7,
    match: { head: /Could not initialize class[^\n]*/ },
    evidence: "the class's initialiser failed in an earlier test; this is its echo: {match}",
  },
  {
    id: 'cascade.browser-session-gone',
    category: 'cascade',
    weight: 0.6,
    match: { head: /invalid session id[^\n]*|InvalidSessionId\w*[^\n]*|NoSuchSessionError[^\n]*|Session ID is null[^\n]*|session deleted because of page crash[^\n]*/i },
    evidence: 'the browser session was closed by an earlier failure or crash: {match}',
  },
  {
    // Rust poisons a mutex whose holder panicked: every later lock() fails with PoisonError. The
    // panic that poisoned it is the failure to fix; these are its echoes.
    id: 'cascade.poisoned-lock',
    category: 'cascade',
    weight: 0.7,
    match: { head: /PoisonError[^\n]*|poisoned lock[^\n]*|\bpoisoned\b[^\n]{0,30}\b(?:mutex|lock)\b[^\n]*|\b(?:mutex|lock)\b[^\n]{0,30}\bpoisoned\b[^\n]*/i },
    evidence: 'a lock was poisoned by another test that panicked while holding it: {match}',
  },
  {
    // Mockito reports a session an earlier test started and never finished (it aborted before
    // finishMocking()) on the next test that starts one.
    id: 'cascade.unfinished-mocking-session',
    category: 'cascade',
    weight: 0.7,
    match: { head: /UnfinishedMockingSession\w*[^\n]*|Unfinished mocking session detected[^\n]*|Previous MockitoSession was not concluded[^\n]*/ },
    evidence: 'an earlier test aborted without finishing its mocking session: {match}',
  },
  {
    // Sinon refuses to stub or spy on a method that is still wrapped: an earlier test wrapped it
    // and failed (or returned) before its restore() ran. That failure is the one to fix.
    id: 'cascade.sinon-already-wrapped',
    category: 'cascade',
    weight: 0.65,
    match: { head: SINON_ALREADY_WRAPPED },
    evidence: 'an earlier test wrapped this method and never restored it (it failed first): {match}',
  },
  {
    id: 'cascade.sinon-already-wrapped-not-product',
    category: 'product_defect',
    weight: -0.6,
    match: { head: SINON_ALREADY_WRAPPED },
    evidence: "the TypeError is sinon's, about the tests' own stubs, not the product's",
  },
  {
    // A test that begins a transaction while one is still open: an earlier test errored before it
    // rolled back (or its rollback hook never ran), and every later test fails to begin its own.
    id: 'cascade.transaction-left-open',
    category: 'cascade',
    weight: 0.6,
    match: {
      head: /There is already an active transaction[^\n]*|nested transactions? (?:are|is) not supported[^\n]*|cannot start a transaction within a transaction[^\n]*|A transaction is already (?:active|in progress|begun|started)[^\n]*|transaction (?:is )?already (?:active|in progress|begun|started)[^\n]*/i,
    },
    evidence: 'a transaction an earlier failed test left open blocks this one: {match}',
  },
  {
    // PostgreSQL refuses every statement of a transaction after one of them failed, until it is
    // rolled back ("current transaction is aborted, commands ignored until end of transaction
    // block", SQLSTATE 25P02). Every failure with this text echoes that earlier error: in a
    // suite sharing a connection, the first test that failed; the later ones are its cascade.
    id: 'cascade.transaction-aborted-earlier',
    category: 'cascade',
    weight: 0.75,
    match: { head: /current transaction is aborted, commands ignored[^\n]*|InFailedSqlTransaction[^\n]*|\bSQLSTATE\[?25P02\b[^\n]*/i },
    evidence: 'the database ignores this statement because an earlier one in the transaction failed: {match}',
  },
  {
    // A test stopped (interrupted or timed out) while its setup waits on a lock the tests share:
    // an earlier test that failed while holding it never released it.
    id: 'cascade.setup-waits-on-shared-lock',
    category: 'cascade',
    weight: 0.6,
    match: { head: /KeyboardInterrupt[^\n]*|Timeout[^\n]*|timed? ?out[^\n]*/i, trace: /\block\w*\.acquire\(|\.acquire\(\)[^\n]*|\block\(\)/i },
    facts: { setup: true, inProduct: false },
    evidence: 'setup waits forever on a shared lock an earlier failed test still holds: {match}',
  },
];
