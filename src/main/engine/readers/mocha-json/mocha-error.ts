// A mocha `err` object (mocha's JSON reporter copies the error's own properties) → status,
// message and trace. mocha calls every error a failure; we tell an assertion failure from an
// exception (see failureKind): chai/Node assert/unexpected errors → failed, a thrown Error, a
// TypeError or a timeout → errored.
import type { TestStatus } from '../../../../shared/types.js';
import { failureKind, firstLine, joinText, stripAnsi } from '../json/failure-text.js';
import { str, type JsonObject } from '../json/json-value.js';

export interface MochaFailure {
  status: Extract<TestStatus, 'failed' | 'errored'>;
  message?: string;
  trace?: string;
}

export function hasError(err: unknown): err is JsonObject {
  return typeof err === 'object' && err !== null && !Array.isArray(err) && Object.keys(err).length > 0;
}

export function mochaFailure(err: JsonObject): MochaFailure {
  const message = str(err.message);
  const stack = str(err.stack);
  const assertionData = err.code === 'ERR_ASSERTION' || 'actual' in err || 'expected' in err || err.showDiff === true;
  const status = failureKind({ type: str(err.name), text: stack ?? message, assertionData });
  const cleanMessage = message === undefined ? undefined : stripAnsi(message);
  const cleanStack = stack === undefined ? undefined : stripAnsi(stack);
  return {
    status,
    message: firstLine(cleanMessage) ?? firstLine(cleanStack),
    // The stack repeats the message on its first line(s); keep the message only when it does not.
    trace: cleanStack !== undefined && cleanMessage !== undefined && cleanStack.includes(cleanMessage.trim())
      ? cleanStack
      : joinText([cleanMessage, cleanStack]),
  };
}
