// A dependency outside the code under test is down or failing: another service answering
// 5xx/429, a refused connection or DNS failure to a service that should be up, expired
// credentials, no container runtime.
import { PLACEHOLDER_HOST } from './config-mismatch-rules.js';
import type { Rule } from './rule.js';

const REFUSED =
  /ECONNREFUSED[^\n]*|Connection refused[^\n]*|connection was refused[^\n]*|ConnectException[^\n]*|Failed to establish a new connection[^\n]*|could not connect to server[^\n]*|Can't connect to (?:local )?MySQL server[^\n]*|actively refused[^\n]*|connect: connection refused[^\n]*|MongoNetworkError[^\n]*|MongoServerSelectionError[^\n]*|Connection to [\w.:-]+ refused[^\n]*|Connection reset by peer[^\n]*|\bECONNRESET\b[^\n]*|socket hang up[^\n]*|Is the server running[^\n]*|ServerSelectionTimeoutError[^\n]*|OperationalError: could not connect[^\n]*|Error 111 connecting[^\n]*|Error connecting to[^\n]*|Could not connect to Redis[^\n]*|Connection closed by (?:remote|foreign) host[^\n]*/i;

/**
 * A build tool that could not fetch a dependency over the network, in its own words: Gradle's
 * "Could not GET/HEAD '<url>'" (under "Could not resolve all dependencies"), Maven's "Could not
 * transfer artifact ... from/to <repo>", pip's "Could not fetch URL". (A version that does not
 * exist reads otherwise: Gradle's "Could not find", Maven's "Could not find artifact".)
 */
const DEPENDENCY_FETCH_FAILED = /Could not (?:GET|HEAD) 'https?:[^\n]*|Could not transfer artifact [^\n]*|Could not fetch URL https?:[^\n]*/;

/**
 * Appium and Selenium's "Could not proxy command to the remote server": the driver lost the
 * automation server it runs on the device or browser (WebDriverAgent, UiAutomator2, a browser
 * driver), which crashed or was stopped. Its refused connection is no service the tests use.
 */
const DRIVER_PROXY_LOST = /Could not proxy command to (?:the )?remote server/i;

export const EXTERNAL_BLOCKER_RULES: readonly Rule[] = [
  {
    id: 'external.dependency-fetch-failed',
    category: 'external_blocker',
    weight: 0.6,
    match: { head: DEPENDENCY_FETCH_FAILED },
    evidence: 'the build could not download a dependency from its repository: {match}',
  },
  {
    // A build the test runs (Gradle TestKit, a Maven invoker) prints its failure in the output.
    id: 'external.dependency-fetch-failed-in-output',
    category: 'external_blocker',
    weight: 0.55,
    match: { output: DEPENDENCY_FETCH_FAILED },
    evidence: 'the build the test ran could not download a dependency from its repository: {match}',
  },
  {
    // httpbin.org is a public echo service many HTTP clients test against; it is often slow or
    // down (503/504). A test that reads its answers fails with it. (A local httpbin, such as
    // pytest-httpbin's, is served on localhost.)
    id: 'external.public-test-service',
    category: 'external_blocker',
    weight: 0.6,
    match: { head: /\bhttpbin\b[^\n]*|\bpostman-echo\.com\b[^\n]*|\bjsonplaceholder\.typicode\.com\b[^\n]*|\breqres\.in\b[^\n]*/i },
    unless: /localhost|127\.0\.0\.1|pytest[-_]httpbin|go-httpbin/i,
    evidence: 'the test depends on a public test service that is often down or slow: {match}',
  },
  {
    id: 'external.http-5xx',
    category: 'external_blocker',
    weight: 0.6,
    match: { head: /\b(?:502|503|504)\b[^\n]*|Service Unavailable[^\n]*|Bad Gateway[^\n]*|Gateway Time-?out[^\n]*|upstream connect error[^\n]*|no healthy upstream[^\n]*|ServiceUnavailable[^\n]*|StatusCode\.UNAVAILABLE[^\n]*|\bUNAVAILABLE:[^\n]*/ },
    evidence: 'another service answers with a server error: {match}',
  },
  {
    id: 'external.http-500-remote',
    category: 'external_blocker',
    weight: 0.45,
    match: { head: /\b500\b[^\n]*|Internal Server Error[^\n]*/i },
    facts: { remote: true, testClient: false },
    evidence: 'a remote service answers 500: {match}',
  },
  {
    id: 'external.rate-limit',
    category: 'external_blocker',
    weight: 0.65,
    match: { head: /\b429\b[^\n]*|Too Many Requests[^\n]*|rate[- ]limit(?:ed)?[^\n]*|quota exceeded[^\n]*|insufficient_quota[^\n]*|exceeded your (?:current )?quota[^\n]*|RESOURCE_EXHAUSTED[^\n]*|Throttl(?:ed|ing)[^\n]*|SlowDown[^\n]*/i },
    unless: /cool-?down|retry[- ]after \d+ ?(?:m|min|minutes|s|seconds)[^\n]{0,40}(?:expected|but)/i,
    evidence: 'another service refuses more requests (rate limit or quota): {match}',
  },
  {
    id: 'external.connection-refused',
    category: 'external_blocker',
    weight: 0.55,
    match: { head: REFUSED },
    unless: DRIVER_PROXY_LOST,
    evidence: 'a service the tests need is not accepting connections: {match}',
  },
  {
    id: 'external.refused-ephemeral-port',
    category: 'external_blocker',
    weight: -0.5,
    match: { head: REFUSED },
    facts: { ephemeralLoopbackPort: true },
    evidence: 'the refused port is one the test started itself, not a service that should be up',
  },
  {
    id: 'external.placeholder-host',
    category: 'external_blocker',
    weight: -0.6,
    match: { head: PLACEHOLDER_HOST },
    evidence: 'the host is a placeholder nobody filled in, not a service that is down',
  },
  {
    id: 'external.refused-in-network-stack',
    category: 'external_blocker',
    weight: 0.2,
    match: { head: REFUSED },
    unless: DRIVER_PROXY_LOST,
    facts: { networkFrames: true },
    evidence: 'raised inside the network stack, not in the code under test',
  },
  {
    id: 'external.dns',
    category: 'external_blocker',
    weight: 0.55,
    match: { head: /getaddrinfo (?:ENOTFOUND|EAI_AGAIN)[^\n]*|Name or service not known[^\n]*|Temporary failure in name resolution[^\n]*|nodename nor servname provided[^\n]*|Could not resolve host[^\n]*|UnknownHostException[^\n]*|no such host[^\n]*|NameResolutionError[^\n]*|Failed to resolve[^\n]*|getaddrinfo failed[^\n]*/i },
    evidence: 'a host name does not resolve from this machine: {match}',
  },
  {
    id: 'external.network-timeout',
    category: 'external_blocker',
    weight: 0.45,
    match: { head: /\bETIMEDOUT\b[^\n]*|\bENETUNREACH\b[^\n]*|\bEHOSTUNREACH\b[^\n]*|Network is unreachable[^\n]*|No route to host[^\n]*|connect timed out[^\n]*|Read timed out[^\n]*|ConnectTimeout(?:Error)?[^\n]*|ReadTimeout(?:Error)?[^\n]*|SocketTimeoutException[^\n]*|i\/o timeout[^\n]*|TLS handshake timeout[^\n]*|handshake timed out[^\n]*|Connection timed out[^\n]*|ConnectionTimeoutError[^\n]*/i },
    evidence: 'the network to another service timed out: {match}',
  },
  {
    id: 'external.no-container-runtime',
    category: 'external_blocker',
    weight: 0.8,
    match: { head: /Cannot connect to the Docker daemon[^\n]*|Could not find a valid Docker environment[^\n]*|Is the docker daemon running[^\n]*|docker\.sock[^\n]*|DockerException[^\n]*|ContainerLaunchException[^\n]*|Container startup failed[^\n]*|error during connect[^\n]*docker[^\n]*|Docker is not running[^\n]*|Previous attempts to find a Docker environment failed[^\n]*/i },
    evidence: 'no container runtime to start the services the tests need: {match}',
  },
  {
    id: 'external.expired-credentials',
    category: 'external_blocker',
    weight: 0.6,
    match: {
      head: /(?:token|credentials?|session|certificate|signature|password|key|license|subscription)s? (?:has |have |is |are )?(?:expired|revoked)[^\n]*|ExpiredToken[^\n]*|TokenExpired[^\n]*|expired (?:token|credentials|certificate|session)[^\n]*|certificate has expired[^\n]*|CERT_HAS_EXPIRED[^\n]*|\bCertExpired\b[^\n]*|Bad credentials[^\n]*|invalid_grant[^\n]*|SignatureDoesNotMatch[^\n]*|InvalidAccessKeyId[^\n]*|UnrecognizedClientException[^\n]*|AuthFailure[^\n]*|\b401\b[^\n]*Unauthorized[^\n]*|Unauthorized[^\n]*\b401\b[^\n]*|\b403\b[^\n]*Forbidden[^\n]*/i,
    },
    facts: { testClient: false },
    evidence: 'credentials for another service are expired or refused: {match}',
  },
  {
    id: 'external.service-down',
    category: 'external_blocker',
    weight: 0.6,
    match: { head: /brokers? (?:not available|unavailable)[^\n]*|NoBrokersAvailable[^\n]*|LEADER_NOT_AVAILABLE[^\n]*|ClusterDown[^\n]*|cluster_block_exception[^\n]*|No connection could be made[^\n]*|Connection to node -?\d+[^\n]*could not be established[^\n]*|NoHostAvailable[^\n]*|all nodes failed[^\n]*|no reachable servers[^\n]*|SERVICE_UNAVAILABLE[^\n]*/i },
    evidence: 'a service the tests need is down: {match}',
  },
  {
    id: 'external.download-failed',
    category: 'external_blocker',
    weight: 0.5,
    match: { head: /Could not (?:download|fetch)[^\n]*|Failed to download[^\n]*|HTTP Error 5\d\d[^\n]*|Received HTTP code 5\d\d[^\n]*|npm ERR! (?:network|code E(?:TIMEDOUT|CONNRESET|AI_AGAIN))[^\n]*|unable to access 'https?:[^\n]*/i },
    evidence: 'a download from another service failed: {match}',
  },
  {
    id: 'external.remote-status-assertion',
    category: 'external_blocker',
    weight: 0.6,
    match: { head: /\b(?:401|403|429|502|503|504)\b[^\n]*/ },
    facts: { assertion: true, remote: true, testClient: false },
    evidence: 'the test asserts on the status a remote service answered: {match}',
  },
  {
    id: 'external.said-in-output',
    category: 'external_blocker',
    weight: 0.55,
    match: { output: /rate limit[^\n]*|Too Many Requests[^\n]*|\b(?:502|503|504) (?:Bad Gateway|Service Unavailable|Gateway Time-?out)[^\n]*|ECONNREFUSED[^\n]*|Connection refused[^\n]*|Temporary failure in name resolution[^\n]*|getaddrinfo ENOTFOUND[^\n]*|Could not resolve host[^\n]*|certificate has expired[^\n]*|Cannot connect to the Docker daemon[^\n]*|Is the docker daemon running[^\n]*/i },
    facts: { assertion: true },
    evidence: 'the captured output shows another service failing: {match}',
  },
  {
    id: 'external.remote-via-network-stack',
    category: 'external_blocker',
    weight: 0.3,
    match: { head: /:\/\/|host='/ },
    facts: { remote: true, networkFrames: true, testClient: false },
    evidence: 'failed inside the network stack while calling a remote host',
  },
  {
    // A registry or other remote host that no longer serves what the build asks for (an unpublished
    // package version, a moved file): nothing in the project's code or configuration.
    id: 'external.remote-not-found',
    category: 'external_blocker',
    weight: 0.5,
    match: { head: /\bE404\b[^\n]*|\b404\b[^\n]{0,20}(?:GET|HEAD) https?:[^\n]*/i },
    facts: { remote: true, testClient: false },
    evidence: 'a remote host does not serve what the run fetches: {match}',
  },
  {
    // The container runtime could not pull an image from its registry (Docker Hub's pull rate
    // limit, a registry error on the daemon's image-create call): the registry, not the project.
    id: 'external.image-pull-failed',
    category: 'external_blocker',
    weight: 0.6,
    match: { head: /toomanyrequests[^\n]*|pull rate limit[^\n]*|Failed to (?:fetch|pull) (?:docker |container )?image[^\n]*|error pulling image[^\n]*|\b5\d\d Server Error[^\n]{0,40}\/images\/create[^\n]*/i },
    evidence: 'the container registry did not deliver an image: {match}',
  },
  {
    id: 'external.image-pull-said-in-output',
    category: 'external_blocker',
    weight: 0.6,
    match: { head: /image|daemon|pull/i, output: /toomanyrequests[^\n]*|pull rate limit[^\n]*/i },
    evidence: "the captured output shows the registry refusing the image pull: {match}",
  },
];
