// Rules for failure mechanisms (classifier v3 and later), on small inputs written for each mechanism.
import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../../src/main/engine/analysis/classify.js';
import type { FailureInput } from '../../../../src/main/engine/analysis/failure-input.js';

const classify = (input: Partial<FailureInput> & { message: string }) => classifyFailure({ id: 'x', ...input });
const category = (input: Partial<FailureInput> & { message: string }) => classify(input).category;

describe('failure mechanisms', () => {
  it('blames the test for goroutines that log after it returned', () => {
    const result = classify({ message: 'panic: Log in goroutine after TestServeStream has completed: worker stopped', framework: 'go' });
    expect(result.category).toBe('test_defect');
    expect(result.rules).toContain('test.log-after-test-completed');
  });

  it('tells a Go build or vet error in a _test.go file from one in the product', () => {
    expect(category({ message: '# example.com/shop/cart\n./cart_test.go:41:3: Errorf format %d has arg total of wrong type string\nFAIL\texample.com/shop/cart [build failed]' })).toBe('test_defect');
    expect(category({ message: '# example.com/shop/cart\n./cart.go:88:14: fmt.Sprintf format %q has arg n of wrong type int\nFAIL\texample.com/shop/cart [build failed]' })).toBe('product_defect');
    expect(category({ message: '# example.com/shop/store\nstore/orders.go:12:2: undefined: OrderRow' })).toBe('product_defect');
  });

  it('sees the echo of a lock poisoned by an earlier panic', () => {
    expect(category({ message: 'called `Result::unwrap()` on an `Err` value: PoisonError { .. }' })).toBe('cascade');
    expect(category({ message: "thread 'loads_index' panicked at 'shared registry mutex poisoned'" })).toBe('cascade');
  });

  it('sees a mocking session an earlier aborted test never finished', () => {
    expect(category({ message: 'org.mockito.exceptions.misusing.UnfinishedMockingSessionException: Unfinished mocking session detected.' })).toBe('cascade');
  });

  it('sees a transaction an earlier failed test left open', () => {
    expect(category({ message: 'PDOException: There is already an active transaction' })).toBe('cascade');
    expect(category({ message: 'sqlite3.OperationalError: cannot start a transaction within a transaction' })).toBe('cascade');
  });

  it('sees setup stuck on a shared lock an earlier test still holds', () => {
    const trace = 'Traceback (most recent call last):\n  File "tests/test_render.py", line 30, in setUp\n    super().setUp()\n  File "tests/base.py", line 12, in setUp\n    _render_lock.acquire()\nKeyboardInterrupt';
    expect(category({ message: 'KeyboardInterrupt', trace, file: 'tests/test_render.py' })).toBe('cascade');
  });

  it('blames the test for comparing paths as strings', () => {
    expect(category({ message: "Expected: 'build/out/report.html'\n  Actual: 'build\\out\\report.html'" })).toBe('test_defect');
    expect(category({ message: "Expected: 'build/out/report.html'\n  Actual: 'build/out/index.html'" })).toBe('product_defect');
  });

  it('tells a certificate the tests ship from another service\'s certificate', () => {
    expect(category({ message: "OpenSSL.SSL.Error: [('SSL routines', 'tls_process_server_certificate', 'certificate verify failed')]" })).toBe('test_defect');
    expect(category({ message: 'error:0A000415:SSL routines::sslv3 alert certificate expired' })).toBe('test_defect');
    expect(category({ message: 'x509: certificate has expired or is not yet valid for https://api.payments.example.com/v1' })).toBe('external_blocker');
    expect(category({ message: 'ssl.SSLCertVerificationError: certificate verify failed: self signed certificate in certificate chain' })).toBe('config_mismatch');
  });

  it('sees a container registry that refused the image', () => {
    expect(category({ message: 'Error response from daemon: No such image: app-under-test:latest', output: 'error: toomanyrequests: You have reached your pull rate limit.' })).toBe('external_blocker');
    expect(category({ message: "ServiceInitError: Failed to fetch docker image 'postgres:16': 500 Server Error for http+docker://localhost/v1.43/images/create?fromImage=postgres" })).toBe('external_blocker');
  });

  it('tells a machine that cannot resolve its own name from a remote host that does not resolve', () => {
    expect(category({ message: 'java.net.UnknownHostException: ci-runner-7: ci-runner-7: Name or service not known' })).toBe('config_mismatch');
    expect(category({ message: 'java.net.UnknownHostException: api.example.com: Name or service not known' })).toBe('external_blocker');
  });

  it('sees a timing assertion in the code the trace shows', () => {
    const trace = '    14 |   const before = Date.now();\n    15 |   await settle();\n  > 16 |   expect(after - before).toBeLessThan(50)';
    expect(category({ message: 'Expected: < 50\nReceived:   73', trace })).toBe('flaky');
    expect(category({ message: 'assert time.monotonic() - started < 0.5' })).toBe('flaky');
  });

  it('blames the product for a handle its own code left open', () => {
    const trace = '      at src/poller.ts:40:5\n      at src/poller.ts:31:10';
    expect(category({ message: 'Jest has detected the following 1 open handle potentially keeping Jest from exiting:\n  ●  Timeout', trace })).toBe('product_defect');
    expect(category({ message: 'Jest has detected the following 1 open handle potentially keeping Jest from exiting:\n  ●  Timeout' })).toBe('isolation_leak');
  });

  it('sees a random port taken on every interface as a collision of chance', () => {
    expect(category({ message: 'listen tcp4 0.0.0.0:41873: bind: address already in use' })).toBe('flaky');
    expect(category({ message: 'listen tcp4 0.0.0.0:8080: bind: address already in use' })).toBe('isolation_leak');
  });

  it('sees a hash map printed in another order', () => {
    expect(category({ message: 'expected: <Event{kind=a, id=7, tag=x}> but was: <Event{id=7, tag=x, kind=a}>' })).toBe('flaky');
  });
});

describe('failure mechanisms (v4)', () => {
  it('does not blame the product for a native crash that names no frame of it', () => {
    expect(category({ message: "error: process didn't exit successfully: `target/debug/deps/store-1a2b3c` (signal: 11, SIGSEGV: invalid memory reference)" })).toBe('unknown');
    const trace = 'Fatal Python error: Segmentation fault\n\nCurrent thread 0x00007f01 (most recent call first):\n  File "/src/imgproc/resize.py", line 40 in resize\n  File "/src/tests/test_resize.py", line 12 in test_resize';
    expect(category({ message: 'Fatal Python error: Segmentation fault', trace })).toBe('product_defect');
  });

  it('reads a timeout whose stack waits on a lock as a hang in the code, not slowness', () => {
    const trace = 'tests/test_cache.py:30: in test_put_twice\n    cache.put("k", 1)\nsrc/cache/store.py:88: in put\n    with self._registry_lock:';
    const hung = classify({ message: 'Failed: Timeout >5.0s', trace });
    expect(hung.category).toBe('product_defect');
    expect(hung.rules).toContain('product.hang-on-lock');
    expect(category({ message: 'Failed: Timeout >5.0s', trace: 'tests/test_cache.py:30: in test_put_twice\n    cache.put("k", 1)' })).toBe('flaky');
    const goroutines = 'goroutine 31 [sync.Mutex.Lock, 9 minutes]:\nsync.runtime_SemacquireMutex(0xc0001)\ngithub.com/acme/cache.(*Store).Put(0xc0002)\n\t/src/cache/store.go:88 +0x45';
    expect(category({ message: 'panic: test timed out after 10m0s', trace: goroutines })).toBe('product_defect');
  });

  it('blames the test for a temporary file it still holds open at cleanup', () => {
    const temp = "PermissionError: [WinError 32] The process cannot access the file because it is being used by another process: 'C:\\\\Users\\\\ci\\\\AppData\\\\Local\\\\Temp\\\\pytest-of-ci\\\\pytest-3\\\\test_export0\\\\out.db'";
    expect(category({ message: temp })).toBe('test_defect');
    expect(category({ message: 'Error: EBUSY: resource busy or locked, unlink \'/tmp/jest_rs/cache-12/db.sqlite\'' })).toBe('test_defect');
    // A file outside the test's temporary folders (a library's log in the home folder) says less.
    const home = "PermissionError: [WinError 32] The process cannot access the file because it is being used by another process: 'C:\\\\Users\\\\ci\\\\.viewer\\\\logs\\\\viewer_1.txt'";
    expect(category({ message: home })).not.toBe('test_defect');
  });

  it('tells credentials that were never configured from expired or refused ones', () => {
    expect(category({ message: 'botocore.exceptions.NoCredentialsError: Unable to locate credentials' })).toBe('config_mismatch');
    expect(category({ message: 'google.auth.exceptions.DefaultCredentialsError: Could not automatically determine credentials.' })).toBe('config_mismatch');
    expect(category({ message: 'Error: API key is missing: pass apiKey or set it in the client options' })).toBe('config_mismatch');
    expect(category({ message: 'botocore.exceptions.ClientError: An error occurred (ExpiredToken) when calling the GetObject operation: The security token included in the request is expired' })).toBe('external_blocker');
  });

  it('reads a method, class or assembly missing at run time as another dependency version in this environment', () => {
    expect(category({ message: "java.lang.NoSuchMethodError: 'com.fasterxml.jackson.core.JsonParser com.fasterxml.jackson.core.JsonFactory.createParser(java.io.Reader)'" })).toBe('config_mismatch');
    expect(category({ message: "System.IO.FileNotFoundException: Could not load file or assembly 'Acme.Json, Version=13.0.0.0, Culture=neutral'. The system cannot find the file specified." })).toBe('config_mismatch');
    expect(category({ message: 'ImportError: /venv/lib/python3.11/site-packages/fastgeo/_native.so: undefined symbol: geos_buffer_v2' })).toBe('config_mismatch');
    // An initialiser that failed earlier is still the echo of that failure.
    expect(category({ message: 'java.lang.NoClassDefFoundError: Could not initialize class com.acme.billing.Rates' })).toBe('cascade');
  });

  it('knows more programming errors of more languages', () => {
    expect(category({ message: "thread 'parse::reads_header' panicked at src/parse.rs:41:22:\ncalled `Option::unwrap()` on a `None` value" })).toBe('product_defect');
    const trace = 'java.lang.NumberFormatException: For input string: "12a"\n\tat java.base/java.lang.Integer.parseInt(Integer.java:652)\n\tat com.acme.orders.Quantity.of(Quantity.java:20)\n\tat com.acme.orders.QuantityTest.parsesDigits(QuantityTest.java:11)';
    expect(category({ message: 'java.lang.NumberFormatException: For input string: "12a"', trace })).toBe('product_defect');
  });

  it('does not read instants further apart than any two time zones as a time-zone shift', () => {
    expect(category({ message: 'Expected: "2024-03-01T10:00:00.000Z"\nReceived: "2024-03-04T10:00:00.000Z"' })).toBe('product_defect');
    expect(category({ message: 'Expected: "2024-03-01T10:00:00.000Z"\nReceived: "2024-03-01T15:00:00.000Z"' })).toBe('config_mismatch');
  });

  it('recognises the failed checks of more test frameworks as assertions', () => {
    expect(category({ message: 'tests/test_parse.c:88 value (3) != 4' })).toBe('product_defect');
    expect(category({ message: 'REQUIRE( parse_decimal("1.5") == 1.5 )\nwith expansion:\n  1.0 == 1.5' })).toBe('product_defect');
    expect(category({ message: "#   Failed test 'rounds half up'\n#   at t/round.t line 14." })).toBe('product_defect');
    expect(category({ message: 'Assertion with == failed\ncode:  assert Money.round(2.5) == 3\nleft:  2\nright: 3' })).toBe('product_defect');
  });

  it('counts an assertion raised inside the product as its own broken rule', () => {
    const trace = 'Traceback (most recent call last):\n  File "/src/tests/test_ledger.py", line 20, in test_close\n    ledger.close()\n  File "/src/ledger/book.py", line 77, in close\n    assert self.balance == 0\nAssertionError';
    const result = classify({ message: 'AssertionError', trace });
    expect(result.category).toBe('product_defect');
    expect(result.rules).toContain('product.assertion-in-product');
  });

  it("does not take a test runner's own assertion helper for the product", () => {
    const trace = 'Traceback (most recent call last):\n  File "/src/acme/test/test_tags.py", line 30, in test_tags\n    self.assertEqual(list(tags), ["a", "b"])\n  File "/venv/twisted/trial/_synctest.py", line 444, in assertEqual';
    expect(category({ message: "twisted.trial.unittest.FailTest: not equal:\na = ['b', 'a']\nb = ['a', 'b']", trace })).toBe('flaky');
  });

  it('reads a failed check in a test of synchronisation as timing-dependent', () => {
    expect(category({ message: 'AssertionError: expected 3 to equal 4', name: 'replicas > converge after keys are synced' })).toBe('flaky');
    // The same check in a test of something else stays a defect of the computed value.
    expect(category({ message: 'AssertionError: expected 3 to equal 4', name: 'cart > adds the discount' })).toBe('product_defect');
    // A test named for expiry is not timing evidence by itself: the expiry logic may be wrong.
    expect(category({ message: 'session_test.go:40:\n\tError Trace:\tsession_test.go:40\n\tError:\tShould be false', name: 'TestSessionExpiresAfterIdle' })).not.toBe('flaky');
  });
});

describe('state shared between tests (v4)', () => {
  it("reads an object bound to an earlier test's event loop as state shared between tests", () => {
    expect(category({ message: 'RuntimeError: Event loop is closed' })).toBe('isolation_leak');
    expect(category({ message: 'RuntimeError: Task <Task pending name=\'Task-7\'> got Future <Future pending> attached to a different loop' })).toBe('isolation_leak');
  });
});

describe('failure mechanisms (v5)', () => {
  it('reads the unique-violation texts of the embedded JVM databases (H2, HSQLDB, Derby)', () => {
    const h2 = classify({ message: 'org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException: Unique index or primary key violation: "PUBLIC.PRIMARY_KEY_8 ON PUBLIC.ACCOUNT(ID) VALUES 1"' });
    expect(h2.category).toBe('isolation_leak');
    expect(h2.rules).toContain('leak.unique-violation');
    expect(category({ message: 'java.sql.SQLIntegrityConstraintViolationException: integrity constraint violation: unique constraint or index violation; SYS_PK_10092 table: ORDERS' })).toBe('isolation_leak');
    expect(category({ message: "java.sql.SQLIntegrityConstraintViolationException: The statement was aborted because it would have caused a duplicate key value in a unique or primary key constraint or unique index identified by 'SQL0000001' defined on 'USERS'." })).toBe('isolation_leak');
    // A test that exercises duplicates on purpose still points at the product, as for other databases.
    expect(category({ message: 'Unique index or primary key violation: "PUBLIC.UQ_EMAIL ON PUBLIC.USERS(EMAIL)"', name: 'rejects a duplicate email' })).not.toBe('isolation_leak');
  });

  it("does not read go test's whole-binary watchdog as a short wait that sometimes expires", () => {
    const watchdog = classify({ message: 'panic: test timed out after 10m0s' });
    expect(watchdog.category).not.toBe('flaky');
    expect(watchdog.rules).not.toContain('flaky.test-timeout');
    // A test's own short timeout is still read as timing.
    expect(category({ message: 'Error: Test timed out in 5000ms.' })).toBe('flaky');
  });

  it('reads clock times a half or quarter hour apart, to the second, as a time zone offset', () => {
    expect(category({ message: "Failed asserting that two strings are identical.\n-'2019-03-10 14:20:05'\n+'2019-03-10 08:50:05'" })).toBe('config_mismatch');
    expect(category({ message: "AssertionError: '09:00:30' != '14:45:30'" })).toBe('config_mismatch');
    // Without seconds, or with different seconds, thirty minutes apart is just a wrong value.
    expect(category({ message: "AssertionError: '09:00' != '09:30'" })).not.toBe('config_mismatch');
    expect(category({ message: "AssertionError: '09:00:12' != '09:30:48'" })).not.toBe('config_mismatch');
  });
});

describe('library and tool texts (v6)', () => {
  it('reads one date written in another locale or runtime format as configuration', () => {
    const reordered = classify({ message: 'expect(received).toBe(expected)\nExpected: "Tuesday, March 3, 2021"\nReceived: "Tuesday, 3 March 2021"' });
    expect(reordered.category).toBe('config_mismatch');
    expect(reordered.rules).toContain('config.date-format-locale');
    expect(category({ message: 'Expected: "Friday, June 7, 9 PM PDT"\nReceived: "Friday, June 7 at 9 PM PDT"' })).toBe('config_mismatch');
    expect(category({ message: 'org.junit.ComparisonFailure: expected:<Tue Mar 01 10:00:00 [MEZ] 2022> but was:<Tue Mar 01 10:00:00 [CET] 2022>' })).toBe('config_mismatch');
    // Another day is another date, not another format.
    const otherDay = classify({ message: 'Expected: "Tuesday, March 3, 2021"\nReceived: "Wednesday, March 4, 2021"' });
    expect(otherDay.rules).not.toContain('config.date-format-locale');
  });

  it("reads React's test utilities missing as its production build", () => {
    const result = classify({ message: "TypeError: Cannot read property 'renderIntoDocument' of undefined", trace: '    at Object.<anonymous> (src/__tests__/Card.test.js:12:20)' });
    expect(result.category).toBe('config_mismatch');
    expect(category({ message: 'Error: act(...) is not supported in production builds of React.' })).toBe('config_mismatch');
  });

  it('reads a refused local server under a browser runner as the app not served', () => {
    const result = classify({ message: 'Error: connect ECONNREFUSED 127.0.0.1:3000', framework: 'playwright' });
    expect(result.category).toBe('config_mismatch');
    expect(result.rules).toContain('config.e2e-app-not-served');
    expect(category({ message: 'Cypress could not verify that this server is running: http://localhost:8080' })).toBe('config_mismatch');
    // A report's format rarely names the runner: the spec's file does.
    expect(category({ message: 'Error: connect ECONNREFUSED 127.0.0.1:5173', file: 'cypress/e2e/checkout.cy.ts', framework: 'junit-xml' })).toBe('config_mismatch');
    expect(category({ message: 'cy.visit() failed trying to load:\n\nhttp://localhost:4200/\n\n  > Error: connect ECONNREFUSED 127.0.0.1:4200' })).toBe('config_mismatch');
    // A database's port stays a service that is down, and a plain unit run is not a browser runner.
    expect(category({ message: 'Error: connect ECONNREFUSED 127.0.0.1:5432', framework: 'playwright' })).toBe('external_blocker');
    expect(category({ message: 'Error: connect ECONNREFUSED 127.0.0.1:3000', framework: 'jest' })).toBe('external_blocker');
  });

  it('reads the JVM heap texts, and a Gradle test executor out of heap, as configuration', () => {
    const result = classify({ message: "Execution failed for task ':core:test'.\n> Test process encountered an unexpected problem.\n   > Could not complete execution for Gradle Test Executor 3.\n      > Java heap space" });
    expect(result.category).toBe('config_mismatch');
    expect(result.rules).toContain('config.test-executor-heap');
    expect(category({ message: 'java.lang.OutOfMemoryError: GC overhead limit exceeded' })).toBe('config_mismatch');
  });

  it('reads a build that cannot download a dependency as its repository failing', () => {
    expect(category({ message: "Could not resolve com.acme:widgets:2.1.\n> Could not GET 'https://repo.example.org/maven2/com/acme/widgets/2.1/widgets-2.1.pom'. Received status code 502 from server: Bad Gateway" })).toBe('external_blocker');
    expect(category({ message: '[ERROR] Failed to execute goal on project shop: Could not transfer artifact org.acme:core:jar:1.0 from/to central (https://repo.maven.apache.org/maven2): Connection reset' })).toBe('external_blocker');
    const inOutput = classify({
      message: 'org.gradle.testkit.runner.UnexpectedBuildFailure: Unexpected build execution failure in /tmp/project with arguments [build]',
      output: "* What went wrong:\nCould not resolve all dependencies for configuration ':runtimeClasspath'.\n   > Could not GET 'https://plugins.example.com/m2/org/acme/tool/1.0/tool-1.0.pom'.",
    });
    expect(inOutput.category).toBe('external_blocker');
    expect(inOutput.rules).toContain('external.dependency-fetch-failed-in-output');
  });

  it('reads a test that depends on the public httpbin service as depending on another service', () => {
    expect(category({ message: 'java.lang.AssertionError: expected the httpbin echo to contain the header' })).toBe('external_blocker');
    // pytest-httpbin serves its own copy on this machine.
    expect(classify({ message: 'AssertionError: httpbin at http://127.0.0.1:5123 did not echo the header' }).rules).not.toContain('external.public-test-service');
  });

  it("does not read Appium's lost device driver as a service of the tests that is down", () => {
    const result = classify({ message: 'An unknown server-side error occurred while processing the command. Original error: Could not proxy command to the remote server. Original error: connect ECONNREFUSED 127.0.0.1:8100' });
    expect(result.category).not.toBe('external_blocker');
  });

  it("reads RSpec's source line as source, not as the failure", () => {
    const result = classify({ message: "Failure/Error: expect(page).to have_content('Saved')\n\n     Net::OpenTimeout:\n       Net::OpenTimeout\n" });
    expect(result.rules).not.toContain('product.plain-assertion');
    // An expectation that failed still reads as one.
    expect(classify({ message: 'Failure/Error: expect(total).to eq(12)\n\n  expected: 12\n       got: 11\n\n  (compared using ==)' }).rules).toContain('product.plain-assertion');
  });

  it('reads two clock readings compared, and a sleep that overshot, as timing', () => {
    const clock = classify({ message: 'Failed asserting that 1712345678.501 is greater than 1712345678.501.' });
    expect(clock.category).toBe('flaky');
    expect(clock.rules).toContain('flaky.clock-readings-compared');
    const sleep = classify({ message: 'Timer test failed. Expected: 50 ms. Actual: 61 ms.' });
    expect(sleep.category).toBe('flaky');
    expect(sleep.rules).toContain('flaky.measured-duration-overshoot');
    // Shorter than asked, or many times over, is not a timer's overshoot.
    expect(classify({ message: 'Timer test failed. Expected: 50 ms. Actual: 20 ms.' }).rules).not.toContain('flaky.measured-duration-overshoot');
    expect(classify({ message: 'Timer test failed. Expected: 50 ms. Actual: 900 ms.' }).rules).not.toContain('flaky.measured-duration-overshoot');
  });

  it('reads a unique key that collides on a random Faker word as chance', () => {
    const mysql = classify({ message: "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'voluptatem' for key 'tags.tags_slug_unique'" });
    expect(mysql.category).toBe('flaky');
    expect(mysql.rules).toContain('flaky.faker-word-collision');
    expect(category({ message: 'duplicate key value violates unique constraint "projects_code_key"\nDETAIL:  Key (code)=(repellendus) already exists.' })).toBe('flaky');
    // A fixed value is still rows left behind.
    expect(category({ message: "Duplicate entry 'admin' for key 'users.username'" })).toBe('isolation_leak');
  });

  it("reads PostgreSQL's aborted transaction as the echo of an earlier error", () => {
    const result = classify({ message: 'ActiveRecord::StatementInvalid: PG::InFailedSqlTransaction: ERROR:  current transaction is aborted, commands ignored until end of transaction block' });
    expect(result.category).toBe('cascade');
    expect(result.rules).toContain('cascade.transaction-aborted-earlier');
  });

  it("reads sinon's already-wrapped method as an earlier test's missing restore", () => {
    expect(category({ message: 'TypeError: Attempted to wrap fetchUser which is already wrapped' })).toBe('cascade');
  });

  it("reads a Jest worker killed by a signal as a crash, not as a suite that cannot load", () => {
    const result = classify({ message: '● Test suite failed to run\n\n    A jest worker process (pid=812) was terminated by another process: signal=SIGKILL, exitCode=null.' });
    expect(result.rules).not.toContain('test.collection-error');
    expect(result.category).not.toBe('test_defect');
  });

  it("reads Moodle's property-not-reset check as the test class's own state", () => {
    expect(category({ message: "Property 'client' defined in 'mod_forum_api_testcase' was not reset after the test!\nPlease either find a way to avoid using a class variable or make sure it get's unset in the tearDown method to avoid creating memory leaks." })).toBe('test_defect');
  });

  it('reads a Ruby standard library constant missing as a require an earlier file made', () => {
    const result = classify({ message: 'NameError: uninitialized constant Open3' });
    expect(result.category).toBe('isolation_leak');
    expect(classify({ message: 'NameError: uninitialized constant JSON::Schema' }).rules).not.toContain('leak.ruby-stdlib-loaded-by-earlier-file');
    expect(classify({ message: 'NameError: uninitialized constant JSONSchemer' }).rules).not.toContain('leak.ruby-stdlib-loaded-by-earlier-file');
  });

  it("reads Python's OverflowError as a programming error", () => {
    expect(category({ message: "OverflowError: Python int too large to convert to C long" })).toBe('product_defect');
  });
});
