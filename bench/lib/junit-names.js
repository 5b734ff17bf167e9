// Vocabulary for suite, class, file and test names. Two styles, as real suites have: pytest
// (dotted module path + Test class, snake_case tests, parametrised ids) and JUnit 5 via Maven
// Surefire (Java package + *Test class, camelCase methods).

const AREAS = ['orders', 'billing', 'users', 'auth', 'inventory', 'search', 'shipping', 'reports',
  'notify', 'payments', 'catalog', 'sessions', 'audit', 'export', 'pricing', 'tenants'];
const KINDS = ['service', 'repository', 'api', 'model', 'validator', 'client', 'worker', 'cache',
  'serializer', 'scheduler', 'importer', 'policy'];
const VERBS = ['create', 'update', 'delete', 'list', 'fetch', 'validate', 'retry', 'cancel',
  'refund', 'export', 'import', 'merge', 'archive', 'restore', 'rename', 'lock', 'expire'];
const OBJECTS = ['order', 'invoice', 'user', 'token', 'item', 'cart', 'report', 'webhook',
  'session', 'discount', 'address', 'shipment', 'tenant', 'price', 'batch'];
const CONDITIONS = ['when_missing', 'with_discount', 'for_admin', 'after_timeout', 'twice',
  'with_unicode_name', 'on_conflict', 'without_permission', 'in_bulk', 'with_empty_payload',
  'across_time_zones', 'under_load', 'with_stale_cache', 'when_locked', ''];
const PARAMS = ['', '', '', '[sqlite]', '[postgres]', '[en-US]', '[de-DE]', '[ü-ß]',
  '[a&b]', '[<empty>]', '["quoted"]', '[case-3]', '[case-17]', '[1-2-3]', '[None]'];

const camel = (snake) => snake.replace(/_([a-z])/g, (_m, ch) => ch.toUpperCase());
const pascal = (snake) => camel(snake).replace(/^[a-z]/, (ch) => ch.toUpperCase());

/** A suite: one test class in one file, in the style of its language. */
export function makeSuite(rng, index) {
  const area = rng.pick(AREAS);
  const kind = rng.pick(KINDS);
  if (rng.chance(0.6)) {
    const module = `test_${area}_${kind}_${index}`;
    const className = `Test${pascal(`${area}_${kind}`)}`;
    const dotted = `tests.${area}.${module}`;
    return { lang: 'python', area, kind, classname: `${dotted}.${className}`, file: `tests/${area}/${module}.py` };
  }
  const className = `${pascal(`${area}_${kind}`)}${index}Test`;
  const pkg = `com.acme.${area}`;
  return { lang: 'java', area, kind, classname: `${pkg}.${className}`, file: `src/test/java/${pkg.replaceAll('.', '/')}/${className}.java` };
}

/** A test name unique inside its suite (the ordinal keeps it unique, as generated tests are). */
export function makeTestName(rng, suite, ordinal) {
  const base = [rng.pick(VERBS), rng.pick(OBJECTS), rng.pick(CONDITIONS)].filter(Boolean).join('_');
  if (suite.lang === 'python') return `test_${base}_${ordinal}${rng.pick(PARAMS)}`;
  return `${camel(`should_${base}`)}${ordinal}()`;
}

export const nameParts = { AREAS, KINDS, VERBS, OBJECTS };
