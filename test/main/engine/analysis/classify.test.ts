import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../../src/main/engine/analysis/classify.js';
import type { FailureInput } from '../../../../src/main/engine/analysis/failure-input.js';

const category = (input: Partial<FailureInput> & { message: string }) => classifyFailure({ id: 'x', ...input }).category;

describe('classifyFailure', () => {
  it('reads the category from the message and says why', () => {
    const leak = classifyFailure({ id: 'x', message: 'IntegrityError: UNIQUE constraint failed: users.email' });
    expect(leak.category).toBe('isolation_leak');
    expect(leak.confidence).toBeGreaterThan(0.5);
    expect(leak.evidence[0]).toMatch(/unique-key violation/);
    expect(category({ message: "KeyError: 'SHOP_API_KEY'" })).toBe('config_mismatch');
    expect(category({ message: 'urllib.error.HTTPError: HTTP Error 503: Service Unavailable' })).toBe('external_blocker');
    expect(category({ message: 'assert 81.0 == 90.0' })).toBe('product_defect');
    expect(category({ message: "fixture 'db_session' not found" })).toBe('test_defect');
    expect(category({ message: 'TimeoutError: timed out waiting for the export job after 0.1s' })).toBe('flaky');
    expect(category({ message: 'ApplicationContext failure threshold (1) exceeded: skipping repeated attempt to load context' })).toBe('cascade');
    expect(category({ message: 'Process completed with exit code 1.' })).toBe('unknown');
  });

  it('uses the trace: who raised it', () => {
    const trace = 'Traceback (most recent call last):\n  File "tests/factories.py", line 8, in make_user\n    return User(**fields)\n  File "/usr/lib/python3/dist-packages/sqlalchemy/orm/decl_base.py", line 1, in _declarative_constructor\nTypeError: x';
    expect(category({ message: "TypeError: 'nickname' is an invalid keyword argument for User", trace })).toBe('test_defect');
  });

  it('tells a 500 from the product under its test client from another service failing', () => {
    expect(category({ message: 'assert 500 == 200', trace: 'response = client.get("/orders")\n>       assert response.status_code == 200\nE       assert 500 == 200' })).toBe('product_defect');
    expect(category({ message: "requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.payments.example.com/v1/charge" })).toBe('external_blocker');
  });

  it('tells a refused connection to a wrong address from a service that is down', () => {
    expect(category({ message: 'Error: connect ECONNREFUSED ::1:3000' })).toBe('config_mismatch');
    expect(category({ message: 'Error: connect ECONNREFUSED 127.0.0.1:41234' })).toBe('config_mismatch');
    expect(category({ message: 'Error: connect ECONNREFUSED 127.0.0.1:5432' })).toBe('external_blocker');
    expect(category({ message: 'Error: connect ECONNREFUSED 127.0.0.1:5432', output: 'server listening on 127.0.0.1:5433' })).toBe('config_mismatch');
  });

  it('tells a duplicate the test exercises from leftover rows', () => {
    expect(category({ message: 'IntegrityError: UNIQUE constraint failed: users.email', name: 'test_register_same_email_twice_returns_409' })).toBe('product_defect');
  });

  it('reads the captured output: a wait far shorter than the configured cooldown', () => {
    expect(category({ message: 'TimeoutError: timed out waiting for the rate limiter after 0.2s', output: 'WARNING shop.limiter: rate limiter tripped: cooldown 300s' })).toBe('config_mismatch');
  });

  it('reads where a value differs: a locale, an unordered collection, a version the test pins', () => {
    expect(category({ message: 'Expected: "0.530135"\n     but: was "0,530135"' })).toBe('config_mismatch');
    expect(category({ message: "twisted.trial.unittest.FailTest: not equal: a = ['b', 'a'] b = ['a', 'b']" })).toBe('flaky');
    expect(category({ message: '1) Failure: test_version(ProgressTest): <"1.0.0"> expected but was <"1.0.1">.' })).toBe('test_defect');
    expect(category({ message: 'go_collector_test.go:142: want 1 new garbage collection run, got 2' })).toBe('flaky');
  });

  it('tells a port collision of chance from a server left running', () => {
    expect(category({ message: 'Error: listen EADDRINUSE: address already in use 127.0.0.1:46210' })).toBe('flaky');
    expect(category({ message: 'Error: listen EADDRINUSE: address already in use :::3000' })).toBe('isolation_leak');
  });

  it('sees a cascade in what setup should have made', () => {
    expect(category({ message: 'PANIC: handlers_test.go:107: HandlersSuite.TearDownSuite ... Panic: runtime error: invalid memory address or nil pointer dereference', name: 'HandlersSuite.TearDownSuite' })).toBe('cascade');
    expect(category({ message: "AttributeError: 'NoneType' object has no attribute 'get'", trace: "tests/test_login.py:12: in test_login\n    self.driver.get(url)\nE   AttributeError: 'NoneType' object has no attribute 'get'" })).toBe('cascade');
    expect(category({ message: 'java.lang.NoClassDefFoundError: Could not initialize class com.acme.Config' })).toBe('cascade');
  });

  it('reads the error a broken session quotes, and blames a crash on no test line', () => {
    expect(category({ message: "PendingRollbackError: This Session's transaction has been rolled back due to a previous exception during flush. Original exception was: (IntegrityError) null value in column \"status\" violates not-null constraint" })).toBe('product_defect');
    const dump = 'Current thread 0x1 (most recent call first):\n  File "/usr/lib/python3.11/unittest/mock.py", line 3 in __init__\n  File "/app/tests/test_window.py", line 9 in test_window';
    expect(category({ message: 'Fatal Python error: Segmentation fault', trace: dump })).toBe('unknown');
  });

  it('bounds its work on enormous input', () => {
    const started = performance.now();
    classifyFailure({ id: 'x', message: 'x'.repeat(64 * 1024), trace: 'at a.b(C.java:1)\n'.repeat(16_000), output: 'ERROR '.repeat(40_000) });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
