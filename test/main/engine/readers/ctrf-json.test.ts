import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { ctrfJsonReader } from '../../../../src/main/engine/readers/ctrf-json/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [ctrfJsonReader]);

function writeReport(content: unknown): string {
  const path = join(tempDir(), 'ctrf-report.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

// No CTRF fixture was found upstream, so this is a report in the shape the CTRF schema
// (ctrf-io/ctrf schema/ctrf.schema.json) and its Playwright/Jest reporters write.
const START = 1716200000000;
const REPORT = {
  reportFormat: 'CTRF',
  specVersion: '0.0.0',
  reportId: '5e0f3b7c-2f1a-4c53-9d8e-1b2a3c4d5e6f',
  timestamp: '2024-05-20T10:13:25.000Z',
  generatedBy: 'playwright-ctrf-json-reporter',
  results: {
    tool: { name: 'playwright', version: '1.44.0' },
    summary: { tests: 6, passed: 2, failed: 1, skipped: 1, pending: 1, other: 1, start: START, stop: START + 8500 },
    tests: [
      { name: 'logs in', status: 'passed', duration: 1200, suite: ['auth.spec.ts', 'login'], filePath: 'tests/auth.spec.ts', start: START + 10, stop: START + 1210 },
      {
        name: 'shows the cart', status: 'failed', duration: 3100, suite: ['cart.spec.ts', 'cart'], filePath: 'tests/cart.spec.ts',
        message: 'Error: expect(locator).toBeVisible() failed\n\nLocator: getByRole(\'button\', { name: \'Checkout\' })',
        trace: 'at tests/cart.spec.ts:14:32', stdout: ['opening cart', 'cart opened'], stderr: ['warning: slow network'],
        retries: 2, flaky: false,
        retryAttempts: [
          { attempt: 1, status: 'failed', duration: 1000, message: 'Error: timeout 1' },
          { attempt: 2, status: 'failed', duration: 1100, message: 'Error: timeout 2' },
          { attempt: 3, status: 'failed', duration: 3100, message: 'Error: expect(locator).toBeVisible() failed' },
        ],
      },
      {
        name: 'pays', status: 'passed', duration: 900, suite: ['cart.spec.ts', 'cart'], filePath: 'tests/cart.spec.ts',
        retries: 1, flaky: true, retryAttempts: [{ attempt: 1, status: 'failed', duration: 800, message: 'Error: 502 Bad Gateway' }],
      },
      { name: 'exports a pdf', status: 'skipped', duration: 0, suite: ['export.spec.ts'], filePath: 'tests/export.spec.ts', message: 'not on CI' },
      { name: 'prints', status: 'pending', duration: 0, suite: ['export.spec.ts'], filePath: 'tests/export.spec.ts' },
      { name: 'uploads', status: 'other', rawStatus: 'interrupted', duration: 2000, suite: ['upload.spec.ts'], filePath: 'tests/upload.spec.ts' },
    ],
    environment: { appName: 'shop', appVersion: '2.3.1', osPlatform: 'linux', buildNumber: '481', extra: { region: 'eu-west-1' } },
  },
};

describe('ctrf-json reader', () => {
  it('reads a CTRF report: counts, suites, files, messages, output and retries', async () => {
    const report = await read(writeReport(REPORT));
    expect(report.format).toBe('ctrf-json');
    // pending is skipped; "other" (here Playwright's interrupted) is an error outside assertions.
    expect(report.totals).toEqual({ tests: 6, passed: 2, failed: 1, errored: 1, skipped: 2 });
    expect(report.warnings).toEqual([]);
    const byName = new Map(report.tests.map((test) => [test.name, test]));
    expect(byName.get('logs in')).toMatchObject({ suite: 'auth.spec.ts > login', file: 'tests/auth.spec.ts', durationMs: 1200, startedAt: new Date(START + 10).toISOString() });
    const cart = byName.get('shows the cart')!;
    expect(cart).toMatchObject({ status: 'failed', message: 'Error: expect(locator).toBeVisible() failed', stdout: 'opening cart\ncart opened', stderr: 'warning: slow network' });
    expect(cart.trace).toContain('at tests/cart.spec.ts:14:32');
    expect(cart.trace).toContain("Locator: getByRole('button'");
    // retryAttempts holds the final attempt too (3 entries for 2 retries): the earlier two are attempts.
    expect(cart.attempts.map((attempt) => attempt.message)).toEqual(['Error: timeout 1', 'Error: timeout 2']);
    expect(byName.get('pays')!.attempts).toEqual([expect.objectContaining({ status: 'failed', message: 'Error: 502 Bad Gateway' })]);
    expect(byName.get('exports a pdf')).toMatchObject({ status: 'skipped', message: 'not on CI' });
    expect(byName.get('uploads')!.status).toBe('errored');
  });

  it('takes run facts from the summary, tool and environment', async () => {
    const report = await read(writeReport(REPORT));
    expect(report.info.startedAt).toBe(new Date(START).toISOString());
    expect(report.info.durationMs).toBe(8500);
    expect(report.info.properties).toMatchObject({
      'tool.name': 'playwright', 'tool.version': '1.44.0', appName: 'shop', buildNumber: '481', 'extra.region': 'eu-west-1',
    });
  });

  it('reads the older shape: no reportFormat, suite as a string', async () => {
    const older = {
      results: {
        tool: { name: 'jest' },
        summary: { tests: 1, passed: 1, failed: 0, pending: 0, skipped: 0, other: 0, start: START, stop: START + 10 },
        tests: [{ name: 'adds', status: 'passed', duration: 3, suite: 'calc > add', filePath: 'src/calc.test.ts' }],
      },
    };
    expect(ctrfJsonReader.matches(JSON.stringify(older))).toBe(true);
    const report = await read(writeReport(older));
    expect(report.tests[0]).toMatchObject({ suite: 'calc > add', name: 'adds', status: 'passed' });
  });

  it('warns when the summary disagrees with the tests, and counts an unknown status as errored', async () => {
    const odd = structuredClone(REPORT);
    odd.results.tests[0]!.status = 'broken';
    const report = await read(writeReport(odd));
    expect(report.totals.errored).toBe(2);
    expect(report.warnings.join('\n')).toMatch(/unknown status "broken" for "logs in"/);
    expect(report.warnings.join('\n')).toMatch(/passed 2 but 1 in tests/);
  });

  it('claims CTRF and nothing else', () => {
    expect(ctrfJsonReader.matches(JSON.stringify(REPORT, null, 2))).toBe(true);
    expect(ctrfJsonReader.matches(JSON.stringify(REPORT).slice(0, 300))).toBe(true);
    for (const relative of [
      'jest-json/jest-coverage-report-action/jsonReport.json',
      'pytest-json/pytest-json-report/sample_report.json',
      'mocha-json/dorny/mocha-json.json',
      'rspec-json/dorny/rspec-json.json',
      'dart-json/dorny/dart-json.json',
      'go-test-json/dorny/golang-json.json',
      'istanbul-json/vitest-coverage-report-action/coverage-final.json',
    ]) {
      const head = readFileSync(fixturePath(relative), 'utf8').slice(0, 64 * 1024).trimStart();
      expect({ relative, claimed: ctrfJsonReader.matches(head) }).toEqual({ relative, claimed: false });
    }
    expect(ctrfJsonReader.matches('{"results": [{"tool": "x"}]}')).toBe(false);
  });

  it('rejects results.tests that is not an array', async () => {
    const path = writeReport({ reportFormat: 'CTRF', results: { tool: { name: 'x' }, summary: {}, tests: {} } });
    await expect(read(path)).rejects.toThrow(new ReportError('not a CTRF report: results.tests is not an array'));
  });

  it('rejects a truncated report', async () => {
    await expect(read(writeReport(JSON.stringify(REPORT).slice(0, 700)))).rejects.toThrow(/^truncated JSON/);
  });
});
