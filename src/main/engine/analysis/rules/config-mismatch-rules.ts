// The test and the system under test (or its environment) are configured differently: a
// missing env var, a schema not migrated, a wrong host/port/base path, a time zone, a missing
// tool or dependency, a timeout the test does not expect.
import type { Rule } from './rule.js';

/** A browser or module-system global the test environment does not provide. */
const REACT_TEST_UTILS_MISSING = /act\(\.\.\.\) is not supported in production builds of React[^\n]*|'(?:renderIntoDocument|Simulate|findRenderedDOMComponentWithClass|findRenderedDOMComponentWithTag|findRenderedComponentWithType|scryRenderedDOMComponentsWithClass|scryRenderedComponentsWithType)' of undefined[^\n]*|(?:TestUtils|ReactTestUtils)\.\w+ is not a function[^\n]*/;

const LOOPBACK_REFUSED = /ECONNREFUSED (?:127\.0\.0\.1|::1|\[::1\]|localhost)[^\n]*|Connection refused[^\n]*(?:localhost|127\.0\.0\.1)[^\n]*|net::ERR_CONNECTION_REFUSED[^\n]*/;

const CYPRESS_SERVER_NOT_RUNNING = /Cypress could not verify that this server is running[^\n]*|Cypress failed to verify that your server is running[^\n]*|cy\.visit\(\) failed trying to load[^\n]*|net::ERR_CONNECTION_REFUSED at https?:\/\/(?:localhost|127\.0\.0\.1)[^\n]*/;

export const MISSING_GLOBAL =
  /ReferenceError: (?:window|document|navigator|localStorage|sessionStorage|exports|module|require|global|globalThis|self|fetch|TextEncoder|TextDecoder|structuredClone|ResizeObserver|IntersectionObserver|MutationObserver|Request|Response|Headers|crypto|performance|setImmediate|__dirname|__filename) is not defined[^\n]*/;

/** An environment lookup that failed or a global the environment lacks: not a programming error. */
export const ENVIRONMENT_LOOKUP = new RegExp(`KeyError: ['"][A-Z][A-Z0-9_]{2,}['"]|${MISSING_GLOBAL.source}`);

/** Output of a build step that the tests load. */
export const BUILD_OUTPUT = /Cannot find module '?[^'\n]*\/(?:dist|build|out|lib|target|bin)\/[^\n]*|Command failed: node (?:dist|build|out)\/[^\n]*|ENOENT[^\n]{0,80}\/(?:dist|build|out)\/[^\n]*/;

/** A host name nobody filled in. */
export const PLACEHOLDER_HOST = /host='?(?:placeholder[\w-]*|changeme|your[\w-]*|<[^>]+>|\$\{?\w+\}?)'?[^\n]*|https?:\/\/(?:placeholder[\w-]*|changeme|your[\w-]+|<[^>]+>|\$\{?\w+\}?)[^\n]*/i;

/** pytest-mock, pytest-benchmark, pytest-asyncio, pytest-httpx, requests-mock, pytest-freezegun, syrupy, pytest-django, pytest-qt, pytest-aiohttp... */
const PLUGIN_FIXTURE_MISSING =
  /fixture '(?:mocker|class_mocker|module_mocker|session_mocker|benchmark|event_loop|httpx_mock|requests_mock|freezer|snapshot|aiohttp_client|aiohttp_server|qtbot|respx_mock|httpserver|faker|datadir|shared_datadir|live_server|rf|admin_client|django_user_model|db|transactional_db|celery_app|celery_worker|xprocess|mock_open)' not found[^\n]*/;

/**
 * Credentials that are not there at all (none configured, as opposed to expired or refused ones):
 * the SDKs' own texts (botocore, google-auth, Azure Identity, Stripe, OpenAI) and plain wording.
 */
const MISSING_CREDENTIALS =
  /NoCredentialsError[^\n]*|Unable to locate credentials[^\n]*|Could not automatically determine credentials[^\n]*|DefaultCredentialsError[^\n]*|CredentialUnavailableError[^\n]*|DefaultAzureCredential failed to retrieve[^\n]*|No API key provided[^\n]*|api_key client option must be set[^\n]*|\b(?:API[_ ]key|access[_ ]token|auth(?:entication)?[_ ]token|credentials?|secret)s? (?:is |are |was |were )?(?:missing|not (?:set|provided|configured|found|defined))\b[^\n]*|\b(?:missing|no) (?:API[_ ]key|access[_ ]token|auth(?:entication)?[_ ]token|credentials)\b(?! (?:error|expired))[^\n]*/i;

/**
 * Code compiled against one version of a library meets another at run time (a method, field or
 * class it was built with is missing), or a class or assembly is not on the class path at all:
 * the dependency versions of this environment differ from the build's. (The JVM's "Could not
 * initialize class" is an earlier initialiser failure: see cascade.class-initialisation-failed-earlier.)
 */
const BINARY_INCOMPATIBLE =
  /NoSuchMethodError[^\n]*|NoSuchFieldError[^\n]*|AbstractMethodError[^\n]*|IncompatibleClassChangeError[^\n]*|ClassNotFoundException[^\n]*|NoClassDefFoundError[^\n]*|Could not load file or assembly[^\n]*|MissingMethodException[^\n]*|MissingFieldException[^\n]*|TypeLoadException[^\n]*|undefined symbol: [^\n]*/;

/** The default ports of databases, caches and brokers: a refused one is a service down, whoever connects to it. */
const SERVICE_PORT = /:(?:5432|3306|27017|6379|9200|5672|11211|1433|1521|9092|2181|26257|8086)\b/;

export const CONFIG_MISMATCH_RULES: readonly Rule[] = [
  {
    id: 'config.missing-credentials',
    category: 'config_mismatch',
    weight: 0.65,
    match: { head: MISSING_CREDENTIALS },
    evidence: 'no credentials are configured in this environment (none given, not expired ones): {match}',
  },
  {
    id: 'config.missing-credentials-not-external',
    category: 'external_blocker',
    weight: -0.5,
    match: { head: MISSING_CREDENTIALS },
    evidence: 'the credentials were never given here: the service did not fail',
  },
  {
    id: 'config.binary-incompatible-dependency',
    category: 'config_mismatch',
    weight: 0.55,
    match: { head: BINARY_INCOMPATIBLE },
    unless: /Could not initialize class/,
    evidence: 'a class, method or library the code was built against is missing or another version at run time: {match}',
  },
  {
    id: 'config.missing-env-var',
    category: 'config_mismatch',
    weight: 0.7,
    match: {
      head: /KeyError: ['"][A-Z][A-Z0-9_]{2,}['"][^\n]*|environ(?:ment)?(?: variable)?s?[^\n]{0,60}(?:not set|is not defined|is required|missing|must be (?:set|defined)|undefined|empty)[^\n]*|(?:missing|required|undefined|unset|no) (?:required )?env(?:ironment)?(?: var(?:iable)?)?s?\b[^\n]*|os\.environ\[[^\n]*|process\.env\.[A-Z_]+[^\n]{0,20}undefined[^\n]*|ImproperlyConfigured[^\n]*|settings are not configured[^\n]*|DJANGO_SETTINGS_MODULE[^\n]*|Could not resolve placeholder[^\n]*|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+ (?:is not set|must be set|is required|not set|is missing|is empty)[^\n]*|Missing required (?:config|configuration|setting|option|variable)[^\n]*/,
    },
    evidence: 'a setting the code reads is missing from the test environment: {match}',
  },
  {
    id: 'config.schema-not-migrated',
    category: 'config_mismatch',
    weight: 0.65,
    match: {
      head: /no such table[^\n]*|no such column[^\n]*|relation "[^"]+" does not exist[^\n]*|Table '[^']+' doesn't exist[^\n]*|Unknown column[^\n]*|column "?[\w.]+"? (?:of relation "[^"]+" )?does not exist[^\n]*|has no column named[^\n]*|Invalid object name[^\n]*|unapplied migration[^\n]*|pending migration[^\n]*|PendingMigrationError[^\n]*|Migrations are pending[^\n]*|ORA-00942[^\n]*|UndefinedTable[^\n]*|UndefinedColumn[^\n]*|SQLSTATE\[42S(?:02|22)\][^\n]*|table [\w."]+ has no column[^\n]*|no such function[^\n]*|Could not find table[^\n]*|Table [\w.'"`]+ (?:not found|doesn't exist)[^\n]*/i,
    },
    evidence: 'the database schema is not what the code expects (not migrated): {match}',
  },
  {
    id: 'config.missing-dependency',
    category: 'config_mismatch',
    weight: 0.55,
    match: {
      head: /No module named '[\w.]+'[^\n]*|ImportError: No module named[^\n]*|Cannot find (?:module|package) '[^']+'[^\n]*|ERR_MODULE_NOT_FOUND[^\n]*|command not found[^\n]*|executable file not found in \$PATH[^\n]*|No such file or directory: '[^'/]+'[^\n]*|spawn \S+ ENOENT[^\n]*|(?:is|are) not installed[^\n]*|not installed[^\n]*|Executable doesn't exist[^\n]*|Could not find (?:a |an )?(?:version|driver|executable|browser|Chrome|Firefox)[^\n]*|only supports Chrome version[^\n]*|session not created[^\n]*|Unsupported class file major version[^\n]*|UnsupportedClassVersionError[^\n]*|GLIBC_[\d.]+' not found[^\n]*|wrong ELF class[^\n]*|No matching distribution[^\n]*|requires? (?:a )?(?:Python|Node|node|Java|Go|version)\s*[><=]+[^\n]*|is not supported (?:on|by) (?:this|your) (?:platform|version|Python|Node)[^\n]*|async def functions are not natively supported[^\n]*|Unknown pytest\.mark\.\w+[^\n]*|plugin [^\n]{0,40}not (?:found|installed|loaded)[^\n]*|DLL load failed[^\n]*|cannot open shared object file[^\n]*|Library not loaded[^\n]*|was compiled against a different Node\.js version[^\n]*|NODE_MODULE_VERSION[^\n]*/,
    },
    facts: { ownModule: false },
    evidence: 'a tool, package or version the tests need is missing here: {match}',
  },
  {
    id: 'config.ipv6-localhost',
    category: 'config_mismatch',
    weight: 0.75,
    match: { head: /::1/ },
    facts: { ipv6Loopback: true },
    evidence: 'connection to ::1 refused: localhost resolves to IPv6 but the server listens on IPv4 only',
  },
  {
    id: 'config.port-mismatch',
    category: 'config_mismatch',
    weight: 0.8,
    match: { head: /refused|ECONNREFUSED|could not connect|Failed to establish/i, output: /\d/ },
    facts: { portMismatch: true },
    evidence: 'the refused port is not the one the output says the server listens on: wrong port',
  },
  {
    id: 'config.container-host-name',
    category: 'config_mismatch',
    weight: 0.65,
    match: {
      head: /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) (?:db|postgres|postgresql|mysql|mariadb|redis|mongo|mongodb|rabbitmq|kafka|elasticsearch|minio|localstack|selenium|web|api|app|backend|database|cache|queue)\b(?![.\w])[^\n]*|could not translate host name "(?:db|postgres|postgresql|mysql|redis|database|[a-z-]+_db)"[^\n]*|Unknown (?:MySQL server )?host '(?:db|mysql|mariadb|database)'[^\n]*/i,
    },
    evidence: 'a container-network host name used outside that network: {match}',
  },
  {
    id: 'config.timeout-vs-cooldown',
    category: 'config_mismatch',
    weight: 0.6,
    match: { head: /(?:cool-?down|\bTTL\b|time[- ]to[- ]live|retry[- ]after|backoff|debounce|grace period|lock(?:ed)? (?:for|until)|expir(?:y|es|ation) (?:of|is|=|after))[^\n]*/i },
    evidence: 'a timeout, cooldown or TTL in the code the test does not expect: {match}',
  },
  {
    id: 'config.timeout-vs-cooldown-in-output',
    category: 'config_mismatch',
    weight: 0.55,
    match: { head: /timed? ?out|timeout|not (?:met|ready|done|fulfilled) (?:after|within)|within \d/i, output: /(?:cool-?down|\bTTL\b|retry[- ]after|backoff|grace period|debounce|interval)[^\n]*\d+(?:\.\d+)? ?(?:ms|s|sec|secs|seconds|m|min|minutes|h)\b[^\n]*/i },
    evidence: 'the output names a delay the test does not wait for: {match}',
  },
  {
    id: 'config.wait-shorter-than-configured',
    category: 'config_mismatch',
    weight: 0.85,
    match: { output: /\d/ },
    facts: { waitShorterThanConfigured: true },
    evidence: 'the test waits far less than a cooldown/TTL the code logs: the two are configured differently',
  },
  {
    id: 'config.time-zone',
    category: 'config_mismatch',
    weight: 0.5,
    match: { head: /time ?zone[^\n]*|\bTZ\b[^\n]*|tzdata[^\n]*|UTC offset[^\n]*|daylight sav[^\n]*|UnknownTimeZoneError[^\n]*|ZoneInfoNotFoundError[^\n]*|\blocale\b[^\n]*|LC_ALL[^\n]*|UnicodeEncodeError: 'ascii'[^\n]*|UnicodeDecodeError: 'ascii'[^\n]*|'charmap' codec can't encode[^\n]*/i },
    evidence: 'the result depends on the time zone, locale or encoding of the machine: {match}',
  },
  {
    id: 'config.hour-shift',
    category: 'config_mismatch',
    weight: 0.6,
    match: { head: /\d:\d\d|\d{4}-\d\d-\d\d/ },
    facts: { hourShift: true },
    evidence: 'expected and actual times differ by whole hours or one day: a time zone or DST difference',
  },
  {
    id: 'config.wrong-credentials',
    category: 'config_mismatch',
    weight: 0.6,
    match: {
      head: /password authentication failed[^\n]*|Access denied for user[^\n]*|authentication failed for user[^\n]*|Login failed for user[^\n]*|role "[^"]+" does not exist[^\n]*|database "[^"]+" does not exist[^\n]*|Unknown database[^\n]*|NOAUTH[^\n]*|WRONGPASS[^\n]*|no password supplied[^\n]*|invalid (?:api[_ ]?key|credentials|client_id)[^\n]*/i,
    },
    evidence: 'the test connects with credentials or a database name the service does not have: {match}',
  },
  {
    id: 'config.filesystem-permissions',
    category: 'config_mismatch',
    weight: 0.45,
    match: { head: /Permission denied[^\n]*|\bEACCES\b[^\n]*|Read-only file system[^\n]*|\bEROFS\b[^\n]*|Operation not permitted[^\n]*/i },
    unless: /publickey|git@|ssh/i,
    evidence: 'the environment does not allow what the test does: {match}',
  },
  {
    id: 'config.missing-config-file',
    category: 'config_mismatch',
    weight: 0.55,
    match: {
      head: /(?:No such file or directory|ENOENT|FileNotFoundError|FileNotFoundException|does not exist|not found)[^\n]{0,120}(?:\.env\b|config|settings|\.ya?ml\b|\.ini\b|\.toml\b|\.properties\b|\.conf\b|credentials|\.pem\b|\.crt\b|\.key\b)[^\n]*|Could not (?:find|load|read|open) (?:the )?(?:config|configuration|properties|settings|\.env)[^\n]*/i,
    },
    evidence: 'a configuration file the code reads is not where it looks: {match}',
  },
  {
    id: 'config.self-signed-certificate',
    category: 'config_mismatch',
    weight: 0.5,
    match: { head: /self[- ]signed certificate[^\n]*|unable to get local issuer certificate[^\n]*|unable to verify the first certificate[^\n]*|PKIX path building failed[^\n]*|hostname [^\n]{0,60}doesn't match[^\n]*|ERR_TLS_CERT_ALTNAME_INVALID[^\n]*/i },
    evidence: 'the certificate setup of this machine differs from what the test expects: {match}',
  },
  {
    id: 'config.test-context',
    category: 'config_mismatch',
    weight: 0.5,
    match: { head: /No qualifying bean of type[^\n]*|Failed to load ApplicationContext[^\n]*|Unable to find a @SpringBootConfiguration[^\n]*|Error creating bean with name[^\n]*|Could not autowire[^\n]*|NoSuchBeanDefinitionException[^\n]*/ },
    unless: /failure threshold|skipping repeated attempt/i,
    evidence: 'the test context is configured differently from the application: {match}',
  },
  {
    id: 'config.module-system',
    category: 'config_mismatch',
    weight: 0.6,
    match: {
      head: /Cannot use import statement outside a module[^\n]*|Unexpected token 'export'[^\n]*|Jest encountered an unexpected token[^\n]*|Support for the experimental syntax[^\n]*|ERR_REQUIRE_ESM[^\n]*|Must use import to load ES Module[^\n]*|require\(\) of ES Module[^\n]*|ERR_UNKNOWN_FILE_EXTENSION[^\n]*|Unknown file extension "\.ts"[^\n]*|is not a valid Win32 application[^\n]*/,
    },
    evidence: 'the test toolchain is configured for another module system or syntax: {match}',
  },
  {
    id: 'config.memory-limit',
    category: 'config_mismatch',
    weight: 0.35,
    // The JVM names the pool that ran out ("Java heap space", "GC overhead limit exceeded",
    // "Metaspace"); Gradle and Surefire often print only that line for a forked test JVM.
    match: { head: /JavaScript heap out of memory[^\n]*|OutOfMemoryError[^\n]*|Cannot allocate memory[^\n]*|MemoryError[^\n]*|^(?:> )?Java heap space\b[^\n]*|GC overhead limit exceeded[^\n]*/m },
    evidence: 'the test ran out of the memory this machine gives it: {match}',
  },
  {
    // Gradle forks test JVMs with their own heap (Test.maxHeapSize, 512 MB by default), which
    // org.gradle.jvmargs does not size: a test executor that runs out of heap is given too little.
    id: 'config.test-executor-heap',
    category: 'config_mismatch',
    weight: 0.5,
    match: { head: /Gradle Test Executor \d+[\s\S]{0,200}?(?:Java heap space|OutOfMemoryError|GC overhead limit exceeded)/ },
    evidence: "the forked test JVM ran out of the heap the build gives it (the test task's own heap setting): {match}",
  },
  {
    id: 'config.missing-global',
    category: 'config_mismatch',
    weight: 0.65,
    match: { head: MISSING_GLOBAL },
    evidence: 'the test environment lacks a global the code expects (wrong test environment or module system): {match}',
  },
  {
    id: 'config.build-output-missing',
    category: 'config_mismatch',
    weight: 0.6,
    match: { head: BUILD_OUTPUT },
    evidence: 'the build output the tests load is missing: the build step did not run first ({match})',
  },
  {
    id: 'config.placeholder-host',
    category: 'config_mismatch',
    weight: 0.65,
    match: { head: PLACEHOLDER_HOST },
    evidence: 'the configuration still holds a placeholder host: {match}',
  },
  {
    id: 'config.own-server-ephemeral-port',
    category: 'config_mismatch',
    weight: 0.55,
    match: { head: /refused|ECONNREFUSED|Can't connect/i },
    facts: { ephemeralLoopbackPort: true },
    evidence: "a refused connection to a random local port the test's own server was given: it listens elsewhere (address family or host)",
  },
  {
    id: 'config.wrong-url',
    category: 'config_mismatch',
    weight: 0.4,
    match: { head: /\b404\b[^\n]*Not Found[^\n]*|Not Found[^\n]*\b404\b[^\n]*|No route matches[^\n]*|Cannot (?:GET|POST|PUT|DELETE) \/[^\n]*/i },
    // A package registry's 404 is the registry missing a version (see external.remote-not-found).
    unless: /\bE404\b|npm ERR!/,
    evidence: 'the test calls a URL or base path the server does not serve: {match}',
  },
  {
    // A page where the code expected JSON: the request went to the web app or an error page, not
    // the API (a wrong base URL, a proxy or dev server in between).
    id: 'config.html-instead-of-json',
    category: 'config_mismatch',
    weight: 0.55,
    match: { head: /Unexpected token '?<'?,? ?"?<!DOCTYPE[^\n]*|"<!DOCTYPE "?[^\n]{0,20}is not valid JSON[^\n]*|Unexpected token < in JSON at position 0[^\n]*|<!DOCTYPE[^\n]{0,40}is not valid JSON[^\n]*/i },
    evidence: 'the code parsed an HTML page as JSON: the request went to the wrong URL or base path ({match})',
  },
  {
    id: 'config.decimal-separator',
    category: 'config_mismatch',
    weight: 0.7,
    match: { head: /\d[.,]\d/ },
    facts: { decimalSeparatorOnly: true },
    evidence: "expected and actual are one number written with another decimal separator: the machine's locale differs",
  },
  {
    // Intl (ICU) and the JDK write dates by the locale and their own version: the order of day
    // and month, "at" before the hour, the zone's name (CEST or MESZ). Expected and actual that
    // hold the same date written another way differ in the machine's locale or runtime, not in
    // the date the code computed.
    id: 'config.date-format-locale',
    category: 'config_mismatch',
    weight: 0.7,
    match: { head: /\d/ },
    facts: { assertion: true, dateFormatOnly: true },
    evidence: "expected and actual are one date written in another format or zone name: the machine's locale or ICU/JDK version differs",
  },
  {
    // React's test utilities exist only in its development build: under NODE_ENV=production
    // act() refuses to run and the TestUtils helpers are missing.
    id: 'config.react-production-build',
    category: 'config_mismatch',
    weight: 0.7,
    match: { head: REACT_TEST_UTILS_MISSING },
    evidence: "React's test utilities are missing: the tests run against React's production build (NODE_ENV=production): {match}",
  },
  {
    id: 'config.react-production-build-not-test',
    category: 'test_defect',
    weight: -0.5,
    match: { head: REACT_TEST_UTILS_MISSING },
    evidence: "the test's calls are right; the environment gives it React's production build",
  },
  {
    // A browser runner (Cypress, Playwright, WebdriverIO...) refused on this machine: the app
    // under test is not being served at the base URL the job configured (its server was not
    // started first, or listens elsewhere). Cypress says it in its own words.
    id: 'config.e2e-app-not-served',
    category: 'config_mismatch',
    weight: 0.6,
    match: { head: LOOPBACK_REFUSED },
    facts: { browserE2E: true },
    unless: SERVICE_PORT,
    evidence: 'the browser tests find no app served at their base URL on this machine: {match}',
  },
  {
    id: 'config.e2e-app-not-served-cypress',
    category: 'config_mismatch',
    weight: 0.7,
    // Cypress's and Chrome's own texts for a page that could not be loaded from this machine.
    match: { head: CYPRESS_SERVER_NOT_RUNNING },
    facts: { loopback: true },
    unless: SERVICE_PORT,
    evidence: 'the browser tests find no app served at their base URL on this machine: {match}',
  },
  {
    id: 'config.e2e-app-not-served-not-external',
    category: 'external_blocker',
    weight: -0.5,
    match: { head: LOOPBACK_REFUSED },
    facts: { browserE2E: true },
    unless: SERVICE_PORT,
    evidence: 'the refused server is the app under test the job should serve, not another service',
  },
  {
    id: 'config.e2e-app-not-served-cypress-not-external',
    category: 'external_blocker',
    weight: -0.5,
    match: { head: CYPRESS_SERVER_NOT_RUNNING },
    facts: { loopback: true },
    unless: SERVICE_PORT,
    evidence: 'the refused server is the app under test the job should serve, not another service',
  },
  {
    // Fixtures that only a pytest plugin provides: "not found" means the plugin is not installed here.
    id: 'config.plugin-fixture-missing',
    category: 'config_mismatch',
    weight: 0.85,
    match: { head: PLUGIN_FIXTURE_MISSING },
    evidence: 'the test uses a fixture of a pytest plugin that is not installed: {match}',
  },
  {
    id: 'config.plugin-fixture-missing-not-test',
    category: 'test_defect',
    weight: -0.5,
    match: { head: PLUGIN_FIXTURE_MISSING },
    evidence: 'the fixture exists in a plugin; the test asks for it rightly',
  },
  {
    // The app under test answers 429 on this machine: its own rate limiter is set for production
    // traffic, not for a test suite's burst of requests.
    id: 'config.own-rate-limiter',
    category: 'config_mismatch',
    weight: 0.6,
    match: { head: /\b429\b[^\n]*|Too Many Requests[^\n]*/i },
    facts: { loopback: true, remote: false },
    evidence: 'the local app under test rate-limits the tests: {match}',
  },
  {
    id: 'config.own-rate-limiter-not-external',
    category: 'external_blocker',
    weight: -0.7,
    match: { head: /\b429\b|Too Many Requests/i },
    facts: { loopback: true, remote: false },
    evidence: 'the server that answered 429 is the local one under test, not another service',
  },
  {
    id: 'config.own-host-unresolvable',
    category: 'config_mismatch',
    weight: 0.75,
    match: { head: /Name or service not known|nodename nor servname provided|Temporary failure in name resolution/ },
    facts: { ownHostUnresolvable: true },
    evidence: "the machine cannot resolve its own host name: its /etc/hosts or DNS setup is incomplete",
  },
  {
    id: 'config.own-host-unresolvable-not-external',
    category: 'external_blocker',
    weight: -0.6,
    match: { head: /Name or service not known|nodename nor servname provided|Temporary failure in name resolution/ },
    facts: { ownHostUnresolvable: true },
    evidence: 'the host that does not resolve is this machine, not another service',
  },
];
