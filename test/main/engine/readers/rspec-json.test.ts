import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { rspecJsonReader } from '../../../../src/main/engine/readers/rspec-json/index.js';
import { entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [rspecJsonReader]);

function writeReport(content: unknown): string {
  const path = join(tempDir(), 'rspec.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const example = (extra: Record<string, unknown>): Record<string, unknown> => ({
  id: './spec/a_spec.rb[1:1]', description: 'works', full_description: 'A works', status: 'passed',
  file_path: './spec/a_spec.rb', line_number: 3, run_time: 0.01, pending_message: null, ...extra,
});

describe('rspec-json reader: conformance', () => {
  const entries = entriesWithCounts('rspec-json');

  it('has the fixtures it should', () => {
    expect(entries.length).toBe(2);
  });

  for (const [relative, entry] of entries) {
    it(`${relative} (${entry.source})`, async () => {
      const report = await read(fixturePath(relative));
      expect(report.format).toBe('rspec-json');
      const expected = entry.expected!;
      // dorny has no error state (errored is null there): its "failed" is our failed + errored.
      const failed = expected.errored === null ? report.totals.failed + report.totals.errored : report.totals.failed;
      const actual = { ...report.totals, failed };
      for (const key of ['tests', 'passed', 'failed', 'errored', 'skipped'] as const) {
        if (expected[key] !== null) expect({ [key]: actual[key] }).toEqual({ [key]: expected[key] });
      }
    });
  }
});

describe('rspec-json reader: details', () => {
  it('maps descriptions, files, exceptions and pending messages (dorny rspec-json.json)', async () => {
    const report = await read(fixturePath('rspec-json/dorny/rspec-json.json'));
    const byName = new Map(report.tests.map((test) => [test.name, test]));
    const suite = 'CheckEnvVars#call when all env vars are defined behaves like success load';
    expect(byName.get('logs success message')).toMatchObject({ suite, file: './spec/config/check_env_vars_spec.rb', status: 'passed' });
    expect(byName.get('logs success message')!.durationMs).toBeCloseTo(79.159625, 6);
    const failing = byName.get('fails in assertion')!;
    expect(failing.status).toBe('failed');
    expect(failing.message).toBe('RSpec::Mocks::MockExpectationError: (#ActiveSupport::BroadcastLogger:0x00007f1007fedf58).debug("All config env vars exist")');
    expect(failing.trace).toContain("./spec/config/check_env_vars_spec.rb:19:in `block (4 levels) in <top (required)>'");
    expect(byName.get('skips the test')).toMatchObject({ status: 'skipped', message: 'Temporarily skipped with xit' });
    expect(report.info).toMatchObject({ properties: { 'rspec.version': '3.13.0' } });
    expect(report.info.durationMs).toBeCloseTo(191.18387, 6);
    expect(report.warnings).toEqual([]);
  });

  it('records errors outside of examples as one errored entry', async () => {
    const path = writeReport({
      version: '3.13.0',
      messages: ["\nAn error occurred while loading ./spec/broken_spec.rb.\nFailure/Error: require 'missing'\n\nLoadError:\n  cannot load such file -- missing"],
      examples: [example({})],
      summary: { duration: 0.1, example_count: 1, failure_count: 0, pending_count: 0, errors_outside_of_examples_count: 1 },
      summary_line: '1 example, 0 failures, 1 error occurred outside of examples',
    });
    const report = await read(path);
    expect(report.totals).toEqual({ tests: 2, passed: 1, failed: 0, errored: 1, skipped: 0 });
    const outside = report.tests.find((test) => test.status === 'errored')!;
    expect(outside.name).toBe('errors outside of examples');
    expect(outside.message).toBe('1 error(s) occurred outside of examples: An error occurred while loading ./spec/broken_spec.rb.');
    expect(outside.trace).toContain('cannot load such file -- missing');
  });

  it('keeps apart examples with the same description in one file', async () => {
    const path = writeReport({
      version: '3.13.0',
      examples: [example({ id: './spec/a_spec.rb[1:1]' }), example({ id: './spec/a_spec.rb[1:2]', line_number: 9 })],
      summary: { duration: 0.1, example_count: 2, failure_count: 0, pending_count: 0, errors_outside_of_examples_count: 0 },
    });
    const report = await read(path);
    expect(report.tests.map((test) => test.name)).toEqual(['works', 'works #2']);
  });

  it('warns when the summary disagrees with the examples', async () => {
    const path = writeReport({ version: '3.13.0', examples: [example({ status: 'failed' })], summary: { example_count: 1, failure_count: 0, pending_count: 0 } });
    const report = await read(path);
    expect(report.warnings.join('\n')).toMatch(/failure_count 0 but 1 examples/);
  });
});

describe('rspec-json reader: detection', () => {
  const head = (relative: string): string => readFileSync(fixturePath(relative), 'utf8').slice(0, 64 * 1024).trimStart();

  it('claims RSpec JSON reports', () => {
    for (const [relative] of entriesWithCounts('rspec-json')) expect(rspecJsonReader.matches(head(relative))).toBe(true);
  });

  it('does not claim other formats', () => {
    for (const relative of [
      'jest-json/jest-coverage-report-action/jsonReport.json',
      'pytest-json/pytest-json-report/sample_report.json',
      'mocha-json/dorny/mocha-json.json',
      'dart-json/dorny/dart-json.json',
      'go-test-json/dorny/golang-json.json',
      'istanbul-json/vitest-coverage-report-action/coverage-summary.json',
    ]) {
      expect({ relative, claimed: rspecJsonReader.matches(head(relative)) }).toEqual({ relative, claimed: false });
    }
  });
});

describe('rspec-json reader: bad input', () => {
  it('rejects examples that is not an array', async () => {
    const path = writeReport({ version: '3.13.0', examples: 'none', summary: {} });
    await expect(read(path)).rejects.toThrow(new ReportError('not an RSpec JSON report: examples is not an array'));
  });

  it('rejects a truncated report', async () => {
    const text = readFileSync(fixturePath('rspec-json/dorny/rspec-json.json'), 'utf8');
    await expect(read(writeReport(text.slice(0, 900)))).rejects.toThrow(/^truncated JSON/);
  });
});
