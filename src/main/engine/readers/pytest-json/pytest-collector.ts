// collectors[] with outcome "failed": a module that could not be imported or collected. No
// test of it ran, so it becomes one errored entry, as pytest's JUnit XML writes it.
import type { RawTestResult } from '../../model/raw-result.js';
import { firstLine } from '../json/failure-text.js';
import { str, type JsonObject } from '../json/json-value.js';

export function collectorError(collector: JsonObject): RawTestResult {
  const nodeid = str(collector.nodeid) ?? '';
  // "tests/test_x.py" (a module) or "tests/test_x.py::TestClass": file, then the class path.
  const [file, ...inside] = nodeid.split('::');
  const trace = str(collector.longrepr);
  return {
    file: file === '' ? undefined : file,
    suite: inside.join('::'),
    name: 'collection error',
    status: 'errored',
    message: `collection failed: ${lastErrorLine(trace) ?? firstLine(trace) ?? 'no details in the report'}`,
    trace,
  };
}

/** pytest's collection longrepr ends with the exception ("E   ModuleNotFoundError: ..."). */
function lastErrorLine(text: string | undefined): string | undefined {
  const lines = text?.split('\n').filter((line) => /^E\s+\S/.test(line)) ?? [];
  const last = lines[lines.length - 1];
  return last === undefined ? undefined : last.replace(/^E\s+/, '');
}
