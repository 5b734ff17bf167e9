import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../../src/main/engine/analysis/facts.js';
import type { FailureInput } from '../../../../src/main/engine/analysis/failure-input.js';
import { normaliseVolatile } from '../../../../src/main/engine/analysis/normalise.js';
import { signatureOf } from '../../../../src/main/engine/analysis/signature.js';

const sig = (input: Partial<FailureInput> & { message: string }) => {
  const full: FailureInput = { id: 't_1', name: 'test_x', file: 'tests/test_x.py', ...input };
  return signatureOf(factsOf(full), full);
};

describe('normaliseVolatile', () => {
  it('replaces what changes between runs and keeps what names the problem', () => {
    expect(normaliseVolatile('Key (email)=(alice@example.com) already exists.')).toBe('Key (email)=(<v>) already exists.');
    expect(normaliseVolatile('object at 0x7f05a1b2c3d4 failed')).toBe('object at <addr> failed');
    expect(normaliseVolatile('id 2b9c1f6e-1c1d-4c4e-9f6a-2a1b3c4d5e6f not found')).toBe('id <uuid> not found');
    expect(normaliseVolatile('connect ECONNREFUSED 127.0.0.1:54321')).toBe('connect ECONNREFUSED 127.0.0.1:<port>');
    expect(normaliseVolatile("open /tmp/pytest-of-me/pytest-12/test_a0/db.sqlite: locked")).toBe('open <tmp> locked');
    expect(normaliseVolatile('at 2026-11-21T09:00:00.123Z took 1534 ms')).toBe('at <time> took <n> ms');
    expect(normaliseVolatile("KeyError: 'DATABASE_URL'")).toBe("KeyError: 'DATABASE_URL'");
    expect(normaliseVolatile('commit 3f2a9c1d8e7b6a5f')).toBe('commit <hex>');
  });
});

describe('signatures', () => {
  it('are the same for the same failure in another run', () => {
    const a = sig({ message: 'sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) UNIQUE constraint failed: users.email [SQL: INSERT ...] [parameters: (\'a@x.io\', 1)]' });
    const b = sig({ message: 'sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) UNIQUE constraint failed: users.email [SQL: INSERT ...] [parameters: (\'b@y.io\', 2)]', name: 'test_other' });
    expect(a.signature).toBe(b.signature);
    expect(a.title).toBe('UNIQUE constraint failed: users.email');
  });

  it('add where it happened when the message alone names no cause', () => {
    const a = sig({ message: 'assert 81.0 == 90.0', name: 'test_total' });
    const b = sig({ message: 'assert 3 == 4', name: 'test_count' });
    expect(a.messageKey).toBe(b.messageKey);
    expect(a.signature).not.toBe(b.signature);
    expect(a.signature).toContain('test_total');
  });

  it('strip runner wrappers from the title', () => {
    expect(sig({ message: 'failed on setup with "KeyError: \'SHOP_API_KEY\'"' }).title).toBe("KeyError: 'SHOP_API_KEY'");
    expect(sig({ message: 'Error: connect ECONNREFUSED 127.0.0.1:6399' }).title).toBe('connect ECONNREFUSED 127.0.0.1:6399');
  });
});
