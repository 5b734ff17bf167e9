// A consequence of another failure: setup skipped or broken because an earlier step failed,
// teardown touching what setup never made, a test whose output logs an upstream error. The
// run analysis links each cascade to the group that caused it.
import type { Rule } from './rule.js';

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
];
