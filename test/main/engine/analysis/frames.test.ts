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

describe('parseFrames on CI logs and crash dumps', () => {
  it('reads frames behind the times and tags CI logs put before each line', () => {
    const trace = [
      '14:34:09 github.com/acme/shop/beater.setupServer(0xc0004ab400, 0x0)',
      '14:34:09 \t/go/src/github.com/acme/shop/beater/server_test.go:518 +0x25d',
      '[2021-07-13T09:50:41.550Z] retry_with_opt.go:92',
      '[junit]     at com.acme.ReportTest.totals(ReportTest.java:38)',
    ].join('\n');
    expect(parseFrames(trace).map((frame) => [frame.location, frame.functionName, frame.kind])).toEqual([
      ['/go/src/github.com/acme/shop/beater/server_test.go', 'setupServer', 'test'],
      ['retry_with_opt.go', '', 'product'],
      ['com.acme.ReportTest', 'totals', 'test'],
    ]);
  });

  it("reads Vitest's frames and faulthandler's innermost-first dumps", () => {
    expect(parseFrames('  ❯ cleanupAll src/shared/reusable-tests.ts:104:49').map((frame) => [frame.location, frame.functionName, frame.kind])).toEqual([['src/shared/reusable-tests.ts', 'cleanupAll', 'test']]);
    const dump = ['Current thread 0x00007f87 (most recent call first):', '  File "/app/shop/native.py", line 3 in call', '  File "/app/tests/test_native.py", line 9 in test_call'].join('\n');
    expect(summariseFrames(dump).innermostOwn).toEqual({ location: '/app/shop/native.py', functionName: 'call', kind: 'product' });
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

  it('reads a line once for all traces that hold it, and names a Go frame in a copy, not in the frame the others share', () => {
    const go = ['github.com/acme/shop/cart.(*Cart).Add(...)', '\t/home/ci/shop/cart/cart_test.go:42 +0x1d'].join('\n');
    const named = summariseFrames(go).innermostOwn;
    expect(named).toEqual({ location: '/home/ci/shop/cart/cart_test.go', functionName: '(*Cart).Add', kind: 'test' });
    // The same frame line without the function line above it: its frame has no function.
    const alone = summariseFrames('\t/home/ci/shop/cart/cart_test.go:42 +0x1d');
    expect(alone.innermostOwn).toEqual({ location: '/home/ci/shop/cart/cart_test.go', functionName: '', kind: 'test' });
    expect(Object.isFrozen(alone.innermostOwn)).toBe(true);
    // Walked forward (all frames) and backward (the innermost own frame) the answers agree, read twice or not.
    for (let round = 0; round < 2; round++) {
      const summary = summariseFrames(python);
      expect(summary.frames.map((frame) => [frame.location, frame.functionName])).toEqual(parseFrames(python).reverse().map((frame) => [frame.location, frame.functionName]));
      expect(summariseFrames(go).frames).toEqual([named]);
    }
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
