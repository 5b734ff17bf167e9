// What the six JSON test-result readers share: detection by top-level keys, refusal of bad
// JSON with a clear one-line error, and the nesting limit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotAReportError, readReport } from '../../../../src/main/engine/ingest/read-report.js';
import { ctrfJsonReader } from '../../../../src/main/engine/readers/ctrf-json/index.js';
import { dartJsonReader } from '../../../../src/main/engine/readers/dart-json/index.js';
import { jestJsonReader } from '../../../../src/main/engine/readers/jest-json/index.js';
import { jsonSyntaxProblem } from '../../../../src/main/engine/readers/json/json-document.js';
import { scanJsonHead } from '../../../../src/main/engine/readers/json/json-head.js';
import { mochaJsonReader } from '../../../../src/main/engine/readers/mocha-json/index.js';
import { pytestJsonReader } from '../../../../src/main/engine/readers/pytest-json/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { rspecJsonReader } from '../../../../src/main/engine/readers/rspec-json/index.js';
import { fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

// In the registry's order.
const JSON_READERS = [dartJsonReader, jestJsonReader, pytestJsonReader, mochaJsonReader, rspecJsonReader, ctrfJsonReader];
const readAny = (path: string) => readReport(path, JSON_READERS);

function writeTemp(content: string, name = 'report.json'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('JSON readers: invalid inputs (EnricoMi invalid/json)', () => {
  it('empty.json: "file is empty"', async () => {
    await expect(readAny(fixturePath('invalid/enricomi/json/empty.json'))).rejects.toThrow(new ReportError('file is empty'));
  });

  it('non-json.json: not recognised as a report', async () => {
    const attempt = readAny(fixturePath('invalid/enricomi/json/non-json.json'));
    await expect(attempt).rejects.toBeInstanceOf(NotAReportError);
    await expect(readAny(fixturePath('invalid/enricomi/json/non-json.json'))).rejects.toThrow('not a recognised test report (unknown format)');
  });

  it('malformed-json.json: no reader claims {"key": "val", malformed: "key"}; its syntax error is located as EnricoMi does', async () => {
    // The file has no key of any test-report format, so detection (rightly) claims nothing and
    // readReport says "not a recognised test report". jsonSyntaxProblem is what the ingest layer
    // can use to say more; EnricoMi expects "line 1 column 16 (char 15)".
    await expect(readAny(fixturePath('invalid/enricomi/json/malformed-json.json'))).rejects.toBeInstanceOf(NotAReportError);
    expect(jsonSyntaxProblem('{"key": "val", malformed: "key"}\n')).toBe(
      'malformed JSON at line 1, column 16: unexpected "m", expected a property name in double quotes',
    );
  });

  it('a claimed report with a syntax error names line and column', async () => {
    const path = writeTemp('{"numTotalTestSuites": 1, "numTotalTests": 1, "testResults": [\n  {"name": "a", "assertionResults": [}]\n]}');
    await expect(readAny(path)).rejects.toThrow(new ReportError('malformed JSON at line 2, column 38: unexpected "}", expected a value'));
  });
});

describe('JSON readers: nesting', () => {
  it('refuses a 200,000-deep array behind a Jest head with a ReportError, not a crash', async () => {
    const path = writeTemp(`{"numTotalTestSuites": 1, "numTotalTests": 1, "testResults": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    await expect(readAny(path)).rejects.toThrow(new ReportError('refused: JSON nested deeper than 512 levels (line 1)'));
  });

  it('refuses deep nesting in every single-document JSON reader', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const heads = [
      '{"created": 1, "exitcode": 0, "root": "/r", "tests": ',
      '{"stats": {"passes": 0, "failures": 0}, "tests": ',
      '{"version": "3.13.0", "examples": ',
      '{"reportFormat": "CTRF", "results": {"tool": {"name": "x"}, "tests": ',
    ];
    for (const head of heads) {
      const path = writeTemp(`${head}${deep}}${head.startsWith('{"reportFormat"') ? '}' : ''}`);
      await expect(readAny(path)).rejects.toThrow(/^refused: JSON nested deeper than 512 levels/);
    }
  });

  it('a 200,000-deep bare array is simply not a report', async () => {
    const path = writeTemp(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    await expect(readAny(path)).rejects.toBeInstanceOf(NotAReportError);
  });

  it('a 200,000-deep line in a Dart event stream is rejected or ignored, never a crash', async () => {
    const start = '{"protocolVersion":"0.1.1","runnerVersion":"1.25.3","pid":1,"type":"start","time":0}';
    const path = writeTemp(`${start}\n{"type":"print","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}\n{"success":true,"type":"done","time":1}\n`);
    const report = await readAny(path);
    expect(report.totals.tests).toBe(0);
  });
});

describe('JSON head scan', () => {
  it('lists top-level keys and the keys of top-level objects only', () => {
    const head = scanJsonHead('{"stats": {"passes": 1, "deep": {"x": 1}}, "tests": [{"title": "t"}], "s": "{\\"fake\\": 1}"');
    expect([...head.keys].sort()).toEqual(['s', 'stats', 'stats.deep', 'stats.passes', 'tests']);
    expect(head.opener).toBe('{');
  });

  it('copes with a head cut anywhere, and with a bare array', () => {
    const text = '{"numTotalTests": 3, "testResults": [{"name": "a\\"b", "x": [1, 2]}]}';
    for (let cut = 0; cut <= text.length; cut += 1) expect(() => scanJsonHead(text.slice(0, cut))).not.toThrow();
    expect(scanJsonHead(text.slice(0, 25)).keys.has('numTotalTests')).toBe(true);
    expect(scanJsonHead('[{"numTotalTests": 1}]').keys.size).toBe(0);
  });
});
