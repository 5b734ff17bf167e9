// Stack traces of an exact line count, in pytest's long traceback shape or a Java stack trace
// with a "Caused by" section. Frames are varied (random line numbers, functions, libraries) so the
// text is not one string repeated 5,000 times, which would flatter any cache or compressor.
import { nameParts } from './junit-names.js';

const PY_LIBS = {
  db: ['sqlalchemy/orm/session.py:4345: in flush', 'sqlalchemy/orm/unitofwork.py:466: in execute',
    'sqlalchemy/orm/persistence.py:93: in save_obj', 'sqlalchemy/engine/base.py:1967: in _exec_single_context',
    'sqlalchemy/engine/default.py:941: in do_execute'],
  http: ['requests/api.py:115: in post', 'requests/sessions.py:589: in request', 'requests/adapters.py:700: in send',
    'urllib3/connectionpool.py:843: in urlopen', 'urllib3/connection.py:211: in _new_conn'],
  plain: ['_pytest/python.py:159: in pytest_pyfunc_call', 'pluggy/_callers.py:103: in _multicall',
    'asyncio/base_events.py:691: in run_until_complete', 'tenacity/__init__.py:478: in __call__'],
};
const PY_CODE = ['result = self._call(payload, timeout=timeout)', 'return fn(*args, **kwargs)',
  'rows = session.execute(stmt).scalars().all()', 'if order.total > limit and not order.is_locked:',
  'raise exc_info[1].with_traceback(exc_info[2])', 'response = self.client.post(url, json=body)',
  'self.session.flush()', 'return self.repo.insert(entity)', 'await asyncio.sleep(backoff)'];
const JAVA_LIBS = {
  db: ['org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper.java:113)',
    'org.hibernate.persister.entity.AbstractEntityPersister.insert(AbstractEntityPersister.java:3021)',
    'org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:276)'],
  http: ['org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:791)',
    'java.base/sun.nio.ch.Net.connect0(Native Method)', 'java.base/java.net.Socket.connect(Socket.java:751)'],
  plain: ['org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)',
    'org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:182)'],
};
const JAVA_RUNNER = ['java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
  'java.base/java.lang.reflect.Method.invoke(Method.java:580)',
  'org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:728)',
  'org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)',
  'org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.invokeTestMethod(TestMethodTestDescriptor.java:218)',
  'org.apache.maven.surefire.junitplatform.JUnitPlatformProvider.invoke(JUnitPlatformProvider.java:184)'];

const hex = (rng) => `0x7f${rng.int(0x10000000, 0xffffffff).toString(16)}`;

function appFrame(rng) {
  const area = rng.pick(nameParts.AREAS);
  return [`app/${area}/${rng.pick(nameParts.KINDS)}.py:${rng.int(12, 900)}: in ${rng.pick(nameParts.VERBS)}_${rng.pick(nameParts.OBJECTS)}`,
    `    ${rng.pick(PY_CODE)}`];
}

function libFrame(rng, lib) {
  return [`.venv/lib/python3.12/site-packages/${rng.pick(PY_LIBS[lib])}`, `    ${rng.pick(PY_CODE)}`];
}

export function pythonTrace(rng, suite, testName, kind, lineCount) {
  const fn = testName.replace(/\[.*$/, '');
  const head = [`self = <${suite.classname} object at ${hex(rng)}>`, `db_session = <sqlalchemy.orm.session.Session object at ${hex(rng)}>`, '',
    `    def ${fn}(self, db_session):`, `        payload = {"sku": "SKU-${rng.int(1000, 9999)}", "qty": ${rng.int(1, 9)}, "note": "a & b <c>"}`,
    `>       result = self.service.${rng.pick(nameParts.VERBS)}(payload)`, '', `${suite.file}:${rng.int(20, 600)}: `,
    '_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _'];
  const tail = [...kind.tail(rng), '', `.venv/lib/python3.12/site-packages/${rng.pick(PY_LIBS[kind.lib]).replace(/ in \w+$/, '')} ${kind.type.split('.').pop()}`];
  const lines = head.slice(0, Math.max(0, lineCount - tail.length));
  while (lines.length < lineCount - tail.length) {
    const frame = rng.chance(0.5) ? appFrame(rng) : libFrame(rng, kind.lib);
    lines.push(...frame.slice(0, lineCount - tail.length - lines.length));
  }
  return [...lines, ...tail].slice(-lineCount).join('\n');
}

function javaFrame(rng, suite) {
  const roll = rng.next();
  if (roll < 0.35) {
    const cls = `${suite.classname.replace(/\.[^.]+$/, '')}.${rng.pick(nameParts.OBJECTS)}.${rng.pick(['Service', 'Repository', 'Client', 'Handler'])}`;
    return `\tat ${cls}.${rng.pick(nameParts.VERBS)}(${cls.split('.').pop()}.java:${rng.int(20, 700)})`;
  }
  return `\tat ${rng.pick(JAVA_RUNNER)}`;
}

export function javaTrace(rng, suite, kind, message, lineCount) {
  const first = [`${kind.type}: ${message}`, ...JAVA_LIBS[kind.lib].slice(0, 2).map((frame) => `\tat ${frame}`)];
  const cause = kind.cause ? [kind.cause(rng), ...JAVA_LIBS[kind.lib].slice(2).map((frame) => `\tat ${frame}`)] : [];
  const testFrame = `\tat ${suite.classname}.test(${suite.classname.split('.').pop()}.java:${rng.int(20, 400)})`;
  const lines = [...first, testFrame];
  const beforeCause = lineCount - cause.length - 1 - (cause.length ? 2 : 0);
  while (lines.length < beforeCause) lines.push(javaFrame(rng, suite));
  if (cause.length) lines.push(...cause, javaFrame(rng, suite), javaFrame(rng, suite));
  lines.push(`\t... ${rng.int(20, 80)} more`);
  return lines.slice(0, lineCount).join('\n');
}
