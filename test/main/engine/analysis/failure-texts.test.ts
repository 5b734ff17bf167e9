// The texts the rules match, built the cheap way (a native search for what exception lines must
// hold, the start of a head kept per message), must be exactly the texts a line-by-line reading
// builds.
import { describe, expect, it } from 'vitest';
import { exceptionLines, headOf } from '../../../../src/main/engine/analysis/failure-texts.js';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const EXCEPTION_LINE = /^(?:E\s|\s*Caused by:|panic: |\s*Error: |FAIL\b)|(?:Error|Exception|Failure|Violation)\b:/;

/** Every line tested in turn. */
function exceptionLinesPlainly(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (line.startsWith('\tat ') || line.startsWith('    at ') || !EXCEPTION_LINE.test(line)) continue;
    kept.push(line.trim());
    size += line.length;
    if (size > 3000) break;
  }
  return kept;
}

/** The parts' lines and the exception lines, each once, joined. */
function headPlainly(parts: readonly string[], exception: readonly string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const line of [...parts.flatMap((part) => part.split('\n').map((text) => text.trim())), ...exception]) {
    if (line === '' || seen.has(line)) continue;
    seen.add(line);
    kept.push(line);
  }
  return kept.join('\n');
}

const PIECES = [
  'org.opentest4j.AssertionFailedError: expected: <3> but was: <4>',
  '\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)',
  '    at Object.<anonymous> (/app/test/x.test.js:4:3)',
  '    at Error: inside a frame',
  'Caused by: java.net.ConnectException: Connection refused',
  '  Caused by: nested',
  'E   AssertionError: assert 404 == 200',
  'E    +  where 500 = <Response [500]>.status_code',
  'E',
  'Error: boom',
  '   Error: indented',
  'ERROR something',
  'FAIL',
  'FAILED tests/x.py',
  'FAIL\tgithub.com/acme/x',
  'panic: runtime error: index out of range',
  'panicked',
  'tests/users/test_x.py:398: ',
  '    rows = session.execute(stmt).scalars().all()',
  'sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) UNIQUE constraint failed',
  'a ValueFailure: x',
  'ConstraintViolation: y',
  'NotAnError:x',
  'foo\rError: after a carriage return',
  'foo\rE   after a carriage return',
  'E\u2028x',
  '',
  '   ',
  'x'.repeat(900) + ' Exception: long',
];

describe('exceptionLines', () => {
  it('keeps the lines a line-by-line test keeps, in order, within the size limit and the lines given', () => {
    const next = random(29);
    for (let round = 0; round < 1500; round++) {
      const count = round % 50 === 0 ? 500 : 1 + Math.floor(next() * 40);
      const all = Array.from({ length: count }, () => PIECES[Math.floor(next() * PIECES.length)] as string);
      const trace = all.join('\n');
      // As the facts split it: at most 400 lines.
      const lines = trace.split('\n', 400);
      expect(exceptionLines(trace, lines), JSON.stringify(trace.slice(0, 200))).toEqual(exceptionLinesPlainly(lines));
    }
  });
});

describe('headOf', () => {
  it('joins the key line, the message and the exception lines, each line once, as a plain reading does', () => {
    const next = random(31);
    const messages = ['', 'expected: <3> but was: <4>', 'boom\n  boom  \nsecond line', 'AssertionError: assert 1 == 2\nE   AssertionError: assert 1 == 2'];
    for (let round = 0; round < 2000; round++) {
      const message = messages[Math.floor(next() * messages.length)] as string;
      const keyText = next() < 0.3 ? '' : next() < 0.5 ? (message.split('\n')[0] ?? '').trim() : `key ${Math.floor(next() * 3)}`;
      const exception = Array.from({ length: Math.floor(next() * 20) }, () => (PIECES[Math.floor(next() * PIECES.length)] as string).trim());
      expect(headOf(keyText, message, exception)).toEqual(headPlainly([keyText, message], exception));
    }
  });
});
