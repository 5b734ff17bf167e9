// Rules of classifier v3, each for a failure mechanism, on small inputs written for the mechanism.
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
