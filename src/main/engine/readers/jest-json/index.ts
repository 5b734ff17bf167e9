// Jest `--json` and Vitest `--reporter=json` (which writes Jest's shape): a header of num*
// totals, then testResults[] (one per test file) each holding assertionResults[] (one per test).
import type { RawTestResult, ResultSink } from '../../model/raw-result.js';
import type { ReportInput, ReportReader } from '../report-reader.js';
import { DistinctNames } from '../distinct-names.js';
import { firstLine, stripAnsi } from '../json/failure-text.js';
import { readJsonDocument } from '../json/json-document.js';
import { hasKeys, scanJsonHead } from '../json/json-head.js';
import { isoFromEpoch, num, optionalArray, requireArray, requireObject, str, type JsonObject } from '../json/json-value.js';
import { assertionResult } from './jest-assertion.js';
import { checkHeader } from './jest-header.js';
import { isJestStatus, type JestStatus } from './jest-status.js';

const FORMAT = 'Jest/Vitest JSON';

export const jestJsonReader: ReportReader = {
  format: 'jest-json',

  matches(head: string): boolean {
    const scanned = scanJsonHead(head);
    return scanned.opener === '{' && hasKeys(scanned, 'numTotalTests') && (hasKeys(scanned, 'testResults') || hasKeys(scanned, 'numTotalTestSuites'));
  },

  async read(input: ReportInput, sink: ResultSink): Promise<void> {
    const report = requireObject(await readJsonDocument(input), 'the document', FORMAT);
    const files = requireArray(report.testResults, 'testResults', FORMAT);
    const counted = new Map<JestStatus, number>();
    let total = 0;
    let lastEnd: number | undefined;
    const names = new DistinctNames();
    const emit = (result: RawTestResult): void => {
      sink.test({ ...result, name: names.name(result.suite, result.name, result.file) });
    };
    files.forEach((value, index) => {
      const fileResult = requireObject(value, `testResults[${index}]`, FORMAT);
      const file = str(fileResult.name);
      const assertions = optionalArray(fileResult.assertionResults, `testResults[${index}].assertionResults`, FORMAT);
      let anyFailed = false;
      assertions.forEach((item, position) => {
        const assertion = requireObject(item, `testResults[${index}].assertionResults[${position}]`, FORMAT);
        const status = assertion.status;
        total += 1;
        if (!isJestStatus(status)) {
          sink.warn(`unknown test status ${JSON.stringify(status)} in ${file ?? `testResults[${index}]`}; counted as errored`);
          emit({ ...assertionResult(assertion, 'failed', file), status: 'errored' });
          anyFailed = true;
          return;
        }
        counted.set(status, (counted.get(status) ?? 0) + 1);
        if (status === 'failed') anyFailed = true;
        emit(assertionResult(assertion, status, file));
      });
      // A file that failed without a failing test failed outside its tests: a syntax error, a
      // failing import, a throwing beforeAll/afterAll. Jest prints "Test suite failed to run".
      if (fileResult.status === 'failed' && !anyFailed) emit(fileError(fileResult, file));
      const end = num(fileResult.endTime);
      if (end !== undefined && (lastEnd === undefined || end > lastEnd)) lastEnd = end;
    });
    const start = num(report.startTime);
    sink.runInfo({
      startedAt: isoFromEpoch(start),
      durationMs: start !== undefined && lastEnd !== undefined && lastEnd >= start ? lastEnd - start : undefined,
    });
    checkHeader(report, counted, total, sink);
    const renamed = names.warning();
    if (renamed !== null) sink.warn(renamed);
  },
};

function fileError(fileResult: JsonObject, file: string | undefined): RawTestResult {
  const text = str(fileResult.message) ?? str(fileResult.failureMessage);
  const trace = text === undefined || text === '' ? undefined : stripAnsi(text);
  const start = num(fileResult.startTime);
  const end = num(fileResult.endTime);
  return {
    suite: '',
    name: 'Test suite failed to run',
    file,
    status: 'errored',
    durationMs: start !== undefined && end !== undefined && end >= start ? end - start : undefined,
    // Jest's message starts with a "● Test suite failed to run" heading; the cause follows it.
    message: firstLine(trace?.replace(/^\s*●.*$/gm, '')) ?? 'the test file failed outside its tests',
    trace,
  };
}
