// Frames of every shape a trace can list, and the summary the classifier reads from them: each
// shape is tried only on lines that hold the text it needs, which must not lose any frame.
import { describe, expect, it } from 'vitest';
import { parseFrames, summariseFrames } from '../../../../src/main/engine/analysis/frames.js';
import { memoByText } from '../../../../src/main/engine/analysis/memo.js';

describe('parseFrames', () => {
  it('reads Python, Java, .NET, JS, pytest short and Go frames, and skips the rest', () => {
    const trace = [
      'Traceback (most recent call last):',
      '  File "tests/test_orders.py", line 12, in test_total',
      '    assert total == 3',
      '\tat com.acme.orders.OrderService.total(OrderService.java:40)',
      '   at Acme.Orders.Tests.TotalTests.Adds() in /src/Acme.Orders.Tests/TotalTests.cs:line 17',
      '    at addItem (/app/src/cart.js:10:5)',
      '    at /app/test/cart.test.js:4:3',
      'app/orders/service.py:88: in compute_total',
      'github.com/acme/shop/cart.(*Cart).Add(...)',
      '\t/home/ci/shop/cart/cart.go:42 +0x1d',
      'E   AssertionError: assert 2 == 3',
    ].join('\n');
    expect(parseFrames(trace).map((frame) => [frame.location, frame.functionName, frame.kind])).toEqual([
      ['tests/test_orders.py', 'test_total', 'test'],
      ['com.acme.orders.OrderService', 'total', 'product'],
      // Java's shape is tried first and also reads .NET's "at Namespace.Class.Method()" lines.
      ['Acme.Orders.Tests.TotalTests', 'Adds', 'test'],
      ['/app/src/cart.js', 'addItem', 'product'],
      ['/app/test/cart.test.js', '', 'test'],
      ['app/orders/service.py', 'compute_total', 'product'],
      ['/home/ci/shop/cart/cart.go', '(*Cart).Add', 'product'],
    ]);
  });
});

describe('summariseFrames', () => {
  const python = ['Traceback (most recent call last):', '  File "tests/test_api.py", line 5, in test_get', '  File "/venv/lib/python3.12/site-packages/requests/api.py", line 73, in get', '  File "app/client.py", line 9, in fetch', 'ConnectionError: refused'].join('\n');

  it("finds Python's innermost own frame from the end, and answers `some` without parsing the rest", () => {
    const summary = summariseFrames(python);
    expect(summary.innermostOwn).toEqual({ location: 'app/client.py', functionName: 'fetch', kind: 'product' });
    expect(summary.some((frame) => frame.kind === 'network')).toBe(true);
    expect(summary.some((frame) => frame.kind === 'runner')).toBe(false);
    expect(summary.frames.map((frame) => frame.location)).toEqual(['app/client.py', '/venv/lib/python3.12/site-packages/requests/api.py', 'tests/test_api.py']);
    expect(summary.some((frame) => frame.location === 'tests/test_api.py')).toBe(true);
  });
});

describe('memoByText', () => {
  it('computes once per distinct text and starts over when full', () => {
    let calls = 0;
    const length = memoByText((text) => {
      calls += 1;
      return text.length;
    }, 2);
    expect([length('a'), length('a'), length('bb'), length('a')]).toEqual([1, 1, 2, 1]);
    expect(calls).toBe(2);
    length('ccc');
    length('a');
    expect(calls).toBe(4);
  });
});
