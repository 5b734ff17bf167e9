// The test itself is broken: it cannot be collected or imported, asks for a fixture that does
// not exist, builds objects with fields the model lacks, misuses mocks, or errs in its own code.
import { BUILD_OUTPUT, ENVIRONMENT_LOOKUP } from './config-mismatch-rules.js';
import { NOT_NULL_VIOLATION } from './constraint-patterns.js';
import type { Rule } from './rule.js';

/** A certificate past its date, or a verification that failed without saying why (OpenSSL's bare text). */
const EXPIRED_OR_UNVERIFIED_CERTIFICATE = /certificate (?:has )?expired[^\n]*|CERT_HAS_EXPIRED[^\n]*|\bCertExpired\b[^\n]*|certificate verify failed'?\)?\]?$/im;
/** The machine's trust store (self-signed, local issuer, host name), or a certificate of a named host. */
const CERTIFICATE_NOT_THE_TESTS = /self[- ]signed|local issuer|hostname|doesn't match|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|cloud|co|edu|gov|info)\b/i;

export const TEST_DEFECT_RULES: readonly Rule[] = [
  {
    id: 'test.collection-error',
    category: 'test_defect',
    weight: 0.6,
    match: {
      head: /ERROR collecting[^\n]*|ImportError while importing test module[^\n]*|errors? during collection[^\n]*|found no collectors[^\n]*|Test suite failed to run[^\n]*|No tests found[^\n]*|must contain at least one test[^\n]*|failed to discover tests[^\n]*|No runnable methods[^\n]*|\[build failed\][^\n]*|\[setup failed\][^\n]*|undefined: \w+[^\n]*|declared (?:and|but) not used[^\n]*|imported (?:and|but) not used[^\n]*|\bIndentationError\b[^\n]*|\bTabError\b[^\n]*|\berror TS\d+[^\n]*|\bCompileError\b[^\n]*|Compilation (?:failed|error)[^\n]*|cannot find symbol[^\n]*|does not exist in the current context[^\n]*|Unresolved reference[^\n]*|too many arguments in call[^\n]*|not enough arguments in call[^\n]*|Duplicate test (?:name|method)[^\n]*/i,
    },
    // Jest reports a worker killed by a signal (a native crash, the OOM killer) under "Test suite
    // failed to run" too: the suite's code never failed to load.
    unless: /was terminated by another process|signal=SIG[A-Z]+|child process exceptions, exceeding retry limit/,
    evidence: 'the tests cannot be collected or compiled: {match}',
  },
  {
    id: 'test.syntax-error',
    category: 'test_defect',
    weight: 0.5,
    match: { head: /\bSyntaxError\b[^\n]*/ },
    unless: /in JSON|JSON\.parse|Unexpected token '?<'?|Cannot use import statement|Unexpected token 'export'/i,
    evidence: 'a syntax error in the code the test loads: {match}',
  },
  {
    id: 'test.own-module-import',
    category: 'test_defect',
    weight: 0.65,
    facts: { ownModule: true },
    match: { head: /No module named[^\n]*|Cannot find module[^\n]*|cannot import name[^\n]*/ },
    unless: BUILD_OUTPUT,
    evidence: "the test imports a module of the project that is not there (a wrong path or name): {match}",
  },
  {
    id: 'test.cannot-import-name',
    category: 'test_defect',
    weight: 0.45,
    match: { head: /cannot import name '\w+'[^\n]*|has no exported member[^\n]*|does not provide an export named[^\n]*/ },
    evidence: 'the test imports a name the code does not define: {match}',
  },
  {
    id: 'test.fixture-not-found',
    category: 'test_defect',
    weight: 0.8,
    match: { head: /fixture '[^']+' not found[^\n]*|Fixture "[^"]+" called directly[^\n]*|ScopeMismatch[^\n]*|You tried to access the '?\w+'? scoped fixture[^\n]*|function uses no argument[^\n]*|indirect fixture[^\n]*|recursive dependency involving fixture[^\n]*/i },
    evidence: 'the test asks for a fixture that does not exist or is misused: {match}',
  },
  {
    id: 'test.bad-construction',
    category: 'test_defect',
    weight: 0.65,
    match: { head: /is an invalid keyword argument for[^\n]*|got an unexpected keyword argument[^\n]*|missing \d+ required (?:positional|keyword-only) arguments?[^\n]*|takes \d+ positional arguments? but \d+ (?:were|was) given[^\n]*|unexpected keyword argument[^\n]*|has no field named[^\n]*|Unknown field\(?s?\)?[^\n]*|Invalid field name\(?s?\)?[^\n]*|object has no attribute '[^']+'[^\n]*|Cannot set property[^\n]*|Unknown argument[^\n]*/i },
    facts: { inTest: true },
    evidence: 'the test (or its factory) calls the code with arguments or fields it does not have, at {frame}: {match}',
  },
  {
    id: 'test.invalid-keyword-argument',
    category: 'test_defect',
    weight: 0.55,
    match: { head: /is an invalid keyword argument for[^\n]*/ },
    evidence: 'a test, fixture or factory builds an object with a field the model does not have: {match}',
  },
  {
    id: 'test.test-class-attribute',
    category: 'test_defect',
    weight: 0.65,
    match: { head: /(?:type object |')'?(?:\w*Tests?|Test\w*|\w*TestCase)'? (?:object )?has no attribute[^\n]*/ },
    evidence: 'the test class itself lacks what its own code uses: {match}',
  },
  {
    id: 'test.mock-misuse',
    category: 'test_defect',
    weight: 0.65,
    match: {
      head: /UnnecessaryStubbing\w*[^\n]*|Unnecessary stubbings? detected[^\n]*|UnfinishedStubbing\w*[^\n]*|MissingMethodInvocation\w*[^\n]*|InvalidUseOfMatchers\w*[^\n]*|WrongTypeOfReturnValue[^\n]*|NotAMockException[^\n]*|not allowed to reference any out-of-scope variables[^\n]*|is not a mock[^\n]*|Mock object has no attribute[^\n]*|The module factory of `(?:jest|vi)\.mock\(\)`[^\n]*|\.mock\w* is not a function[^\n]*|is not a spy[^\n]*|\[vitest\] No "\w+" export is defined on the[^\n]*|There is no mocked[^\n]*|Strict stubbing argument mismatch[^\n]*|PotentialStubbingProblem[^\n]*/,
    },
    evidence: 'the test sets up its mocks wrongly: {match}',
  },
  {
    id: 'test.raised-in-test-code',
    category: 'test_defect',
    weight: 0.55,
    match: { head: /TypeError[^\n]*|AttributeError[^\n]*|NameError[^\n]*|ReferenceError[^\n]*|is not defined[^\n]*|is not a function[^\n]*|Cannot read propert[^\n]*|NullPointerException[^\n]*|KeyError[^\n]*|IndexError[^\n]*|UnboundLocalError[^\n]*|FileNotFoundError[^\n]*|NoMethodError[^\n]*|undefined method[^\n]*|nil pointer dereference[^\n]*/ },
    facts: { inTest: true, assertion: false },
    unless: ENVIRONMENT_LOOKUP,
    evidence: 'an error raised in the test code itself, at {frame}: {match}',
  },
  {
    id: 'test.coroutine-not-awaited',
    category: 'test_defect',
    weight: 0.55,
    match: { head: /coroutine [^\n]{0,80}was never awaited[^\n]*|PytestUnhandledCoroutineWarning[^\n]*|a promise was created[^\n]*but was not returned[^\n]*|forgot to await[^\n]*/i },
    evidence: 'the test does not await what it starts: {match}',
  },
  {
    // Windows reads text files as cp1252 ("charmap") unless told otherwise: the code that opened
    // a UTF-8 file without encoding= is, short of a product frame, the test loading its data.
    id: 'test.platform-default-encoding',
    category: 'test_defect',
    weight: 0.55,
    match: { head: /'charmap' codec can't decode[^\n]*/ },
    facts: { inProduct: false },
    evidence: "the test reads a file with the platform's default encoding instead of naming it: {match}",
  },
  {
    // A product's version moves on every release; a test that compares it to a literal is stale.
    id: 'test.pinned-version',
    category: 'test_defect',
    weight: 0.6,
    // The message must say it is a version: two such numbers elsewhere (a version library's own inputs) prove nothing.
    match: { head: /version[^\n]*/i },
    facts: { assertion: true, versionOnlyDiff: true },
    evidence: 'expected and actual are two patch versions of one release: the test pins a version that moved',
  },
  {
    // Windows will not delete, move or reopen a file while a handle to it is open (WinError 32,
    // EBUSY). A file in a temporary folder is one the test made; that its cleanup cannot remove
    // it means, short of a product frame, the test opened it (a file, a log, a database) and
    // never closed it. A file elsewhere (a library's log in the home folder) says less.
    id: 'test.temp-file-still-open',
    category: 'test_defect',
    weight: 0.5,
    match: { head: /(?:being used by another process|\[WinError 32\]|\bEBUSY\b|resource busy or locked)[^\n]*(?:\\Te?mp\\|[/\\]tmp[\w-]*[/\\]|pytest-of-|\/var\/folders\/)[^\n]*/i },
    facts: { inProduct: false },
    evidence: 'a file is still held open when the test removes or reopens it (a handle it never closed): {match}',
  },
  {
    // Moodle's advanced_testcase checks after every test that the test class reset what it set
    // on itself (a $prophet, a static): a test class that keeps state between its tests.
    id: 'test.property-not-reset',
    category: 'test_defect',
    weight: 0.7,
    match: { head: /Property '\w+' defined in '\w+' was not reset after the test[^\n]*/ },
    evidence: 'the test class keeps a property it never resets in tearDown: {match}',
  },
  {
    id: 'test.not-null-in-fixture',
    category: 'test_defect',
    weight: 0.55,
    match: { head: NOT_NULL_VIOLATION },
    facts: { fixtureFrames: true },
    evidence: 'a fixture or factory builds a row without a value the schema requires ({frame}): {match}',
  },
  {
    // Go's testing package panics when a goroutine the test started logs through t after the
    // test returned: the test did not wait for (or stop) what it started.
    id: 'test.log-after-test-completed',
    category: 'test_defect',
    weight: 0.75,
    match: { head: /Log in goroutine after \w[^\n]* has completed[^\n]*/ },
    evidence: 'a goroutine the test started outlives it and logs through its t: {match}',
  },
  {
    // go build / go vet print "# package" and then file:line: the error is in a _test.go file.
    id: 'test.go-build-error-in-test-file',
    category: 'test_defect',
    weight: 0.6,
    match: { head: /^# [\w.\/-]+(?: \[[^\]\n]*\])?\n(?:\.\/)?[\w.\/-]*_test\.go:\d+[^\n]*/m },
    evidence: 'the test file does not compile or pass vet: {match}',
  },
  {
    // Paths built with os.path/Path on Windows use "\\", the code or the tool prints "/": the
    // test compares paths as strings instead of normalising them.
    id: 'test.path-separator',
    category: 'test_defect',
    weight: 0.65,
    // No head pattern: a backslash is no literal worth screening for, and the fact is two includes() when there is no path.
    facts: { assertion: true, pathSeparatorOnly: true },
    evidence: 'expected and actual are one path written with "\\" and with "/": the test compares paths as strings',
  },
  {
    // A certificate that fails with no other host named: the certificates are the test suite's own
    // (a localhost server, canned client and CA files), and canned certificates expire. Renewing
    // them is a fix in the tests; another service's expired certificate names that service.
    id: 'test.expired-test-certificate',
    category: 'test_defect',
    weight: 0.65,
    match: { head: EXPIRED_OR_UNVERIFIED_CERTIFICATE },
    facts: { remote: false },
    unless: CERTIFICATE_NOT_THE_TESTS,
    evidence: "a certificate the tests ship has expired or no longer verifies: {match}",
  },
  {
    id: 'test.expired-test-certificate-not-external',
    category: 'external_blocker',
    weight: -0.4,
    match: { head: EXPIRED_OR_UNVERIFIED_CERTIFICATE },
    facts: { remote: false },
    unless: CERTIFICATE_NOT_THE_TESTS,
    evidence: 'no other service is named: the failing certificate is one the tests ship',
  },
];
