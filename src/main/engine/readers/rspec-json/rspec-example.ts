// One examples[] entry → one RawTestResult.
import type { RawTestResult } from '../../model/raw-result.js';
import { firstLine, joinText, stripAnsi } from '../json/failure-text.js';
import { isObject, num, str, strings, type JsonObject } from '../json/json-value.js';
import { RSPEC_STATUS, type RspecStatus } from './rspec-status.js';

export function rspecExample(example: JsonObject, status: RspecStatus): RawTestResult {
  const description = str(example.description) ?? '';
  const full = str(example.full_description) ?? description;
  // full_description is the example group descriptions and the example's joined by spaces.
  const suite = full.endsWith(description) ? full.slice(0, full.length - description.length).trim() : '';
  const exception = isObject(example.exception) ? example.exception : undefined;
  const type = exception ? str(exception.class) : undefined;
  const message = exception ? str(exception.message) : undefined;
  const clean = message === undefined ? undefined : stripAnsi(message);
  const mapped = RSPEC_STATUS[status];
  const seconds = num(example.run_time);
  return {
    suite,
    name: description === '' ? full : description,
    file: str(example.file_path),
    status: mapped,
    durationMs: seconds === undefined ? undefined : seconds * 1000,
    message: mapped === 'skipped'
      ? str(example.pending_message)
      : joinText([type, firstLine(clean)], ': '),
    trace: exception ? joinText([clean, joinText(strings(exception.backtrace))], '\n') : undefined,
  };
}
