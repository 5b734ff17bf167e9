// A mocha `err` object (mocha's JSON reporter copies the error's own properties) → message
// and trace. A test with an error is failed whatever it threw (an assertion, a TypeError, a
// timeout), as in the JUnit XML mocha writes for the same run; only a failing hook, which
// fails outside any test, is errored (see index.ts).
import { firstLine, joinText, stripAnsi } from '../json/failure-text.js';
import { str, type JsonObject } from '../json/json-value.js';

export function hasError(err: unknown): err is JsonObject {
  return typeof err === 'object' && err !== null && !Array.isArray(err) && Object.keys(err).length > 0;
}

export function errorText(err: JsonObject): { message?: string; trace?: string } {
  const message = str(err.message);
  const stack = str(err.stack);
  const cleanMessage = message === undefined ? undefined : stripAnsi(message);
  const cleanStack = stack === undefined ? undefined : stripAnsi(stack);
  return {
    message: firstLine(cleanMessage) ?? firstLine(cleanStack),
    // A stack usually starts with the message; keep the message apart only when it does not.
    trace: cleanStack !== undefined && cleanMessage !== undefined && cleanStack.includes(cleanMessage.trim())
      ? cleanStack
      : joinText([cleanMessage, cleanStack]),
  };
}
