// Failure kinds for the generated report: message, type and the closing lines of a trace, in
// the shapes real reporters write. They cover the root-cause categories Vigil sorts by
// (assertions, duplicate keys, refused connections, timeouts, missing config), so an ingest
// benchmark also feeds the classifier realistic text rather than one repeated string.

const EMAILS = ['alice@example.com', 'bob+ci@example.org', 'jörg.müller@example.de', 'o\'brien@example.ie'];

const PYTHON_KINDS = [
  {
    weight: 5, lib: 'plain', type: 'AssertionError',
    message: (rng) => `AssertionError: assert ${rng.pick([500, 404, 409, 422])} == 200`,
    tail: (rng) => [`E   AssertionError: assert ${rng.int(400, 503)} == 200`,
      'E    +  where 500 = <Response [500]>.status_code'],
  },
  {
    weight: 2, lib: 'db', type: 'sqlalchemy.exc.IntegrityError',
    message: (rng) => `sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "users_email_key"\nDETAIL:  Key (email)=(${rng.pick(EMAILS)}) already exists.`,
    tail: (rng) => ['E   sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "users_email_key"',
      `E   DETAIL:  Key (email)=(${rng.pick(EMAILS)}) already exists.`],
  },
  {
    weight: 1, lib: 'http', type: 'requests.exceptions.ConnectionError',
    message: (rng) => `requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=${rng.pick([8080, 5432, 6379, 9200])}): Max retries exceeded with url: /api/v1/health (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3a2c1d0a90>: Failed to establish a new connection: [Errno 111] Connection refused'))`,
    tail: () => ["E   requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8080): Max retries exceeded with url: /api/v1/health",
      'E   (Caused by NewConnectionError: [Errno 111] Connection refused)'],
  },
  {
    weight: 1, lib: 'plain', type: 'TimeoutError',
    message: (rng) => `TimeoutError: condition <lambda> not met after ${rng.pick(['0.5', '2.0', '5.0'])}s (expected status == "done" && retries < 3)`,
    tail: () => ['E   TimeoutError: condition <lambda> not met after 5.0s'],
  },
  {
    weight: 1, lib: 'plain', type: 'KeyError',
    message: (rng) => `KeyError: '${rng.pick(['DATABASE_URL', 'REDIS_URL', 'STRIPE_API_KEY', 'TZ'])}'`,
    tail: () => ["E   KeyError: 'DATABASE_URL'"],
  },
];

const JAVA_KINDS = [
  {
    weight: 5, lib: 'plain', type: 'org.opentest4j.AssertionFailedError',
    message: (rng) => `expected: <${rng.pick([200, 3, 'ACTIVE'])}> but was: <${rng.pick([500, 4, 'LOCKED'])}>`,
  },
  {
    weight: 2, lib: 'db', type: 'org.springframework.dao.DataIntegrityViolationException',
    message: () => 'could not execute statement; SQL [n/a]; constraint [uk_users_email]; nested exception is org.hibernate.exception.ConstraintViolationException',
    cause: (rng) => `Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "uk_users_email" Detail: Key (email)=(${rng.pick(EMAILS)}) already exists.`,
  },
  {
    weight: 1, lib: 'http', type: 'org.springframework.web.client.ResourceAccessException',
    message: (rng) => `I/O error on GET request for "http://localhost:${rng.pick([8081, 9090])}/api/v1/rates": Connection refused`,
    cause: () => 'Caused by: java.net.ConnectException: Connection refused',
  },
  {
    weight: 1, lib: 'plain', type: 'org.awaitility.core.ConditionTimeoutException',
    message: (rng) => `Condition with lambda expression in com.acme.Sync was not fulfilled within ${rng.pick([2, 5, 10])} seconds.`,
  },
  {
    weight: 1, lib: 'plain', type: 'java.lang.NullPointerException',
    message: () => 'Cannot invoke "com.acme.orders.Order.getTotal()" because "order" is null',
  },
];

function weighted(rng, kinds) {
  const total = kinds.reduce((sum, kind) => sum + kind.weight, 0);
  let roll = rng.next() * total;
  for (const kind of kinds) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return kinds[kinds.length - 1];
}

export function pickFailureKind(rng, lang) {
  return weighted(rng, lang === 'python' ? PYTHON_KINDS : JAVA_KINDS);
}
