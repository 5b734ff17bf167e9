// What expected and actual values share, read from a failure's first lines.
import { describe, expect, it } from 'vitest';
import { dateFormatOnly, decimalSeparatorOnly, durationOvershoot, pathSeparatorOnly, reorderedItems, versionOnlyDiff } from '../../../../src/main/engine/analysis/value-comparisons.js';

describe('value comparisons', () => {
  it('finds one number written with two decimal separators', () => {
    expect(decimalSeparatorOnly('Expected: "0.530135" but: was "0,530135"')).toBe(true);
    expect(decimalSeparatorOnly('Expected: "0.530135" but: was "0.530136"')).toBe(false);
  });

  it('finds the same strings in another order, but not numbers', () => {
    expect(reorderedItems("not equal: a = ['b', 'a'] b = ['a', 'b']")).toBe(true);
    expect(reorderedItems("not equal: a = ['b', 'c'] b = ['a', 'b']")).toBe(false);
    expect(reorderedItems('left: [40, 0, 0] right: [0, 0, 40]')).toBe(false);
  });

  it('finds the entries of a printed map in another order, even wrapped across lines', () => {
    expect(reorderedItems('expected: <Config{a=1, b=x, c=null}> but was: <Config{c=null,\na=1, b=x}>')).toBe(true);
    expect(reorderedItems('expected: <{a=1, b=x}> but was: <{a=2, b=x}>')).toBe(false);
    expect(reorderedItems("expected {'k': 1, 'v': 2} to equal {'v': 2, 'k': 1}")).toBe(true);
  });

  it('finds one path written with Windows and POSIX separators', () => {
    expect(pathSeparatorOnly("Expected: 'src/app/main.ts:12'\n  Actual: 'src\\app\\main.ts:12'")).toBe(true);
    expect(pathSeparatorOnly("assert 'D:\\\\work\\\\out\\\\a.txt' == 'D:/work/out/a.txt'")).toBe(true);
    expect(pathSeparatorOnly("Expected: 'src/app/main.ts'\n  Actual: 'src\\lib\\main.ts'")).toBe(false);
    expect(pathSeparatorOnly('expected 3 but got 4')).toBe(false);
  });

  it('finds two patch versions of one release', () => {
    expect(versionOnlyDiff('<"1.0.0"> expected but was <"1.0.1">')).toBe(true);
    expect(versionOnlyDiff('<"1.0.0"> expected but was <"2.0.0">')).toBe(false);
    expect(versionOnlyDiff('connect to 127.0.0.1 and 127.0.0.2')).toBe(false);
  });

  it('finds one date written in two formats, but not two dates or two word orders without a number', () => {
    expect(dateFormatOnly('Expected: "Sat, Jan 4, 2025" Received: "Sat, 4 Jan 2025"')).toBe(true);
    expect(dateFormatOnly("expected: '4 janvier' got: 'January 4'")).toBe(false);
    expect(dateFormatOnly('Expected: "Sat, Jan 4, 2025" Received: "Sun, Jan 5, 2025"')).toBe(false);
    expect(dateFormatOnly('Expected: "may go first" Received: "first may go"')).toBe(false);
    expect(dateFormatOnly('expected:<Mon Feb 03 12:00:00 [EST] 2020> but was:<Mon Feb 03 12:00:00 [GMT] 2020>')).toBe(true);
  });

  it('finds a measured duration a little over the one asked for', () => {
    expect(durationOvershoot('Expected: 100 ms, actual: 130 ms')).toBe(true);
    expect(durationOvershoot('expected 2 seconds but was 2.4 secs')).toBe(true);
    expect(durationOvershoot('Expected: 100 ms, actual: 90 ms')).toBe(false);
    expect(durationOvershoot('Expected: 100 ms, actual: 130 s')).toBe(false);
  });
});
