// Rules of classifier v5, each for a failure mechanism, on small inputs written for the mechanism.
import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../../src/main/engine/analysis/classify.js';
import type { FailureInput } from '../../../../src/main/engine/analysis/failure-input.js';

const classify = (input: Partial<FailureInput> & { message: string }) => classifyFailure({ id: 'x', ...input });
const category = (input: Partial<FailureInput> & { message: string }) => classify(input).category;

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
