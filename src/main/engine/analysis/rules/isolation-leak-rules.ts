// State that leaks between tests or runs: rows left in a shared database, module globals,
// ports still bound, sessions left in a failed transaction, DOM not cleaned up.
import { ORIGINAL_ERROR_QUOTED, UNIQUE_VIOLATION } from './constraint-patterns.js';
import type { Rule } from './rule.js';

const RUBY_STDLIB_CONSTANT_MISSING = /uninitialized constant (?:Object::)?(?:PTY|JSON|YAML|Psych|Set|SortedSet|OpenStruct|Open3|FileUtils|Tempfile|Tmpdir|StringIO|Timeout|Benchmark|SecureRandom|Digest|Base64|ERB|CSV|Pathname|Shellwords|Socket|TCPSocket|Logger|BigDecimal|DateTime|Date|Etc|Zlib|Singleton|Forwardable|Observable|MonitorMixin|OptionParser|PP|Resolv|Net::HTTP|WEBrick|Find|IPAddr|Matrix|Prime|Abbrev|English|Ripper|Coverage|Readline|IO::Console|OpenSSL|URI)(?![\w:])[^\n]*/;

export const ISOLATION_LEAK_RULES: readonly Rule[] = [
  {
    id: 'leak.unique-violation',
    category: 'isolation_leak',
    weight: 0.7,
    match: { head: UNIQUE_VIOLATION },
    evidence: 'unique-key violation on test data: rows left by an earlier test or run ({match})',
  },
  {
    id: 'leak.unique-violation-in-fixture',
    category: 'isolation_leak',
    weight: 0.3,
    match: { head: UNIQUE_VIOLATION },
    facts: { fixtureFrames: true },
    evidence: 'raised while a fixture or factory inserted its rows ({frame})',
  },
  {
    id: 'leak.already-exists',
    category: 'isolation_leak',
    weight: 0.7,
    match: {
      head: /\balready (?:exists|in use|registered|been registered|defined|initiali[sz]ed|attached|associated|running|connected|declared|open)\b[^\n]*|AlreadyRegistered|Duplicated timeseries[^\n]*|duplicate metrics collector registration[^\n]*|multiple registrations for[^\n]*|flag redefined[^\n]*|There is already an? (?:object|open DataReader)[^\n]*|FileExistsError[^\n]*|\bEEXIST\b[^\n]*/i,
    },
    // Postgres's "DETAIL: Key (id)=(7) already exists." restates a unique violation: counted once, by the unique-violation rules.
    unless: /already (?:exists|in use)[^\n]{0,40}(?:remote|upstream|server side)|email already (?:exists|registered|in use)[^\n]{0,20}(?:expected|returned)|Key \([^()\n]{1,200}\)=\([^\n]{0,500}\) already exists/i,
    evidence: 'state left behind by an earlier test: {match}',
  },
  {
    id: 'leak.port-bound',
    category: 'isolation_leak',
    weight: 0.65,
    match: { head: /EADDRINUSE[^\n]*|address already in use[^\n]*|port is already allocated[^\n]*|Only one usage of each socket address[^\n]*|BindException[^\n]*/i },
    evidence: 'a port is still bound by an earlier test or run: {match}',
  },
  {
    id: 'leak.failed-transaction',
    category: 'isolation_leak',
    weight: 0.75,
    match: {
      head: /PendingRollbackError[^\n]*|transaction has been rolled back due to a previous exception[^\n]*|This transaction is inactive[^\n]*|TransactionManagementError[^\n]*|An error occurred in the current transaction[^\n]*/i,
    },
    // PostgreSQL's own "current transaction is aborted" is read by cascade.transaction-aborted-earlier.
    unless: ORIGINAL_ERROR_QUOTED,
    evidence: 'a shared session is left in a failed transaction by an earlier error: {match}',
  },
  {
    // The quoted original error is the better evidence (a not-null violation is the product's
    // write, a unique violation leftover rows): the broken session only adds a little.
    id: 'leak.failed-transaction-original-quoted',
    category: 'isolation_leak',
    weight: 0.35,
    match: { head: /Original exception was:[^\n]*/ },
    evidence: 'a session is left in a failed transaction by an error quoted in the message: {match}',
  },
  {
    id: 'leak.dom-not-cleaned',
    category: 'isolation_leak',
    weight: 0.5,
    match: { head: /Found multiple elements (?:with|by|matching)[^\n]*/i },
    evidence: 'the DOM still holds what an earlier test rendered: {match}',
  },
  {
    id: 'leak.open-handles',
    category: 'isolation_leak',
    weight: 0.5,
    match: {
      head: /open handles?[^\n]*|did not exit one second after[^\n]*|failed to exit gracefully[^\n]*|Cannot log after tests are done[^\n]*|ResourceWarning: unclosed[^\n]*|leaked (?:goroutine|thread|file|connection|handle)s?[^\n]*|Found \d+ leaked[^\n]*|goroutine leak[^\n]*|tests? (?:leaked|leaking)[^\n]*/i,
    },
    evidence: 'resources outlive the test that opened them: {match}',
  },
  {
    id: 'leak.database-locked',
    category: 'isolation_leak',
    weight: 0.45,
    match: { head: /database (?:table )?is locked[^\n]*|SQLITE_BUSY[^\n]*/i },
    evidence: 'another test or process still holds the database: {match}',
  },
  {
    // asyncio objects (clients, pools, futures) belong to the loop they were made on. One kept at
    // module or session level from an earlier test meets this test's new loop, or the earlier
    // loop already closed: state shared between tests.
    id: 'leak.event-loop-of-earlier-test',
    category: 'isolation_leak',
    weight: 0.5,
    match: { head: /Event loop is closed[^\n]*|attached to a different (?:event )?loop[^\n]*|bound to a different event loop[^\n]*/ },
    evidence: 'an object made on an earlier test\'s event loop is used after that loop closed or on another one: {match}',
  },
  {
    id: 'leak.mock-call-count',
    category: 'isolation_leak',
    weight: 0.3,
    match: { head: /Received number of calls: *[2-9]\d*|Expected (?:to be called )?once\. Called [2-9]\d* times|Called [2-9]\d* times|call_count[^\n]{0,20}== ?1/i },
    evidence: 'a mock counts calls made by earlier tests (not reset between tests)',
  },
  {
    // Ruby's standard library modules other than the core must be required before use (PTY,
    // JSON, YAML, Set before 3.2, OpenStruct, Open3, FileUtils, Tempfile, StringIO...). Code that
    // uses one without requiring it works only when an earlier file of the run required it: in
    // the whole suite it passes, alone or in another order it fails.
    id: 'leak.ruby-stdlib-loaded-by-earlier-file',
    category: 'isolation_leak',
    weight: 0.55,
    match: { head: RUBY_STDLIB_CONSTANT_MISSING },
    evidence: 'a standard library module used without its require: it is there only when an earlier file of the run loaded it ({match})',
  },
  {
    id: 'leak.ruby-stdlib-loaded-by-earlier-file-not-product',
    category: 'product_defect',
    weight: -0.5,
    match: { head: RUBY_STDLIB_CONSTANT_MISSING },
    evidence: 'the missing constant is a library the run loads elsewhere, not a name the code lacks',
  },
  {
    id: 'leak.unique-violation-outside-setup',
    category: 'isolation_leak',
    weight: -0.6,
    match: { head: UNIQUE_VIOLATION, name: /duplicat|twice|again|idempot|upsert|concurren|parallel|race|retry|re-?register|same (?:email|name|user)/i },
    evidence: 'the test itself exercises duplicates: the product should have handled this one',
  },
];
