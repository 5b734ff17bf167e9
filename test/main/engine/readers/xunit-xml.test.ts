import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { xunitXmlReader } from '../../../../src/main/engine/readers/xunit-xml/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [xunitXmlReader]);

function writeReport(content: string, name = 'results.xml'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

const head = (relative: string): string => readFileSync(fixturePath(relative), 'utf8').replace(/^\uFEFF/, '').trimStart();

describe('xunit-xml reader: conformance', () => {
  const entries = entriesWithCounts('xunit-xml');

  it('has the fixtures it should', () => {
    expect(entries.length).toBe(8);
  });

  // EnricoMi counts one UnitTestCase per <test>, and xUnit's Fail is its failure, as ours:
  // every field compares directly.
  for (const [relative, entry] of entries) {
    it(`${relative} (${entry.source})`, async () => {
      const report = await read(fixturePath(relative));
      expect(report.format).toBe('xunit-xml');
      const expected = entry.expected!;
      for (const key of ['tests', 'passed', 'failed', 'errored', 'skipped'] as const) {
        if (expected[key] !== null) expect({ [key]: report.totals[key] }).toEqual({ [key]: expected[key] });
      }
    });
  }
});

describe('xunit-xml reader: details', () => {
  it('suite = type=, name without the class prefix; failure and skip texts (testcase1.xml)', async () => {
    const report = await read(fixturePath('xunit-xml/enricomi/mstest/jenkinsci/testcase1.xml'));
    expect(report.tests.map((test) => [test.suite, test.name, test.status])).toEqual([
      ['MyProject.Tests.SampleFact', 'FailedTest', 'failed'],
      ['MyProject.Tests.SampleFact', 'SuccessfulTest', 'passed'],
      ['MyProject.Tests.SampleFact', 'SkippedTest', 'skipped'],
    ]);
    const [failed, , skipped] = report.tests;
    expect(failed!.message).toBe('Assert.True() Failure');
    expect(failed!.trace).toMatch(/SampleFact\.cs:line 16/);
    expect(failed!.durationMs).toBe(14);
    expect(skipped!.message).toBe('On Purpose');
    expect(report.info).toMatchObject({
      startedAt: new Date('2014-12-18T14:34:32').toISOString(),
      durationMs: 288,
      properties: { 'test-framework': 'xUnit.net 2.0.0.2785', environment: '64-bit .NET 4.0.30319.18444 [collection-per-class, parallel]' },
    });
  });

  it('reads times written with a decimal comma (testcase3.xml)', async () => {
    const report = await read(fixturePath('xunit-xml/enricomi/mstest/jenkinsci/testcase3.xml'));
    expect(report.tests.map((test) => test.durationMs)).toEqual([14, 10, 0]);
    expect(report.info.durationMs).toBe(288);
  });

  it('keeps <output> as stdout and display names that do not repeat the class (testcase5.xml)', async () => {
    const report = await read(fixturePath('xunit-xml/enricomi/mstest/jenkinsci/testcase5.xml'));
    const first = report.tests[0]!;
    expect(first.suite).toBe('UnitTest.UnitTest');
    expect(first.name).toBe('Uninstall application if it is installed.');
    expect(first.stdout).toMatch(/^Starting test: UninstallApplicationIfInstalled/);
  });

  it('reads Fixie\'s report: generic names, failures and a skip reason (fixie.xml)', async () => {
    const report = await read(fixturePath('xunit-xml/enricomi/mstest/fixie.xml'));
    const names = report.tests.map((test) => `${test.suite} :: ${test.name}`);
    expect(names).toContain('[genericTestClass] :: ShouldBeString<System.Int32>(123)');
    expect(report.tests.find((test) => test.name === 'Skip')!.message).toBe('⚠ Skipped with attribute.');
    expect(report.tests.find((test) => test.name === 'FailByAssertion')!.message).toBe('Expected: 2\nActual:   1');
    // run-date="YYYY-MM-DD" is a placeholder, not a date.
    expect(report.info.startedAt).toBeUndefined();
    expect(report.info.properties).toMatchObject({ 'test-framework': 'Fixie 1.2.3.4' });
  });

  it('reads xUnit 1 (<assembly> root, <class> groups) (pickles.xml)', async () => {
    const report = await read(fixturePath('xunit-xml/enricomi/mstest/pickles.xml'));
    const failing = report.tests.find((test) => test.status === 'failed')!;
    expect(failing.suite).toBe('Pickles.TestHarness.xUnit.AdditionFeature');
    expect(failing.name).toBe('FailToAddTwoNumbers');
    expect(failing.message).toMatch(/^System.InvalidOperationException : This is a fake failure message/);
  });

  it('an empty assembly has no tests (testcase4.xml)', async () => {
    const report = await read(fixturePath('xunit-xml/enricomi/mstest/jenkinsci/testcase4.xml'));
    expect(report.tests).toEqual([]);
    expect(report.info.properties).toMatchObject({ 'test-framework': 'xUnit.net 2.2.0.3545' });
  });

  it('turns errors outside tests into errored tests and numbers colliding names', async () => {
    const path = writeReport(`<assemblies computer="build-7"><assembly name="A.dll" run-date="2024-03-01" run-time="10:00:00" time="1.5">
  <errors><error type="assembly-cleanup" name="A.dll"><failure exception-type="System.IO.IOException"><message>disk full</message></failure></error></errors>
  <collection name="c"><test name="A.T.M(x: 1)" type="A.T" method="M" time="0.1" result="Pass"/><test name="A.T.M(x: 1)" type="A.T" method="M" time="0.1" result="NotRun"/></collection>
</assembly></assemblies>`);
    const report = await read(path);
    expect(report.tests.map((test) => [test.suite, test.name, test.status, test.message])).toEqual([
      ['A.dll', '[assembly-cleanup]', 'errored', 'disk full'],
      ['A.T', 'M(x: 1)', 'passed', null],
      ['A.T', 'M(x: 1) #2', 'skipped', null],
    ]);
    expect(report.warnings.join('\n')).toMatch(/1 test\(s\) have the same suite, name and file/);
    expect(report.info).toMatchObject({ hostname: 'build-7', durationMs: 1500, startedAt: new Date('2024-03-01T10:00:00').toISOString() });
  });
});

describe('xunit-xml reader: detection', () => {
  it('claims every xUnit fixture', () => {
    for (const [relative] of entriesWithCounts('xunit-xml')) {
      expect({ relative, claimed: xunitXmlReader.matches(head(relative)) }).toEqual({ relative, claimed: true });
    }
  });

  it('does not claim JUnit, NUnit, TRX or non-XML', () => {
    for (const relative of [
      'junit-xml/enricomi/pytest/junit.fail.xml',
      'xunit-xml/enricomi/mstest/jenkinsci/testcase1.junit-xml',
      'nunit-xml/dorny/dotnet-nunit.xml',
      'nunit-xml/enricomi/nunit3/jenkins/NUnit.xml',
      'trx/dorny/dotnet-trx.trx',
      'cobertura-xml/coveragepy/x_xml/coverage.xml',
    ]) {
      expect({ relative, claimed: xunitXmlReader.matches(head(relative)) }).toEqual({ relative, claimed: false });
    }
    expect(xunitXmlReader.matches('<testsuite name="assemblies">')).toBe(false);
    // A Windows application manifest also has an <assembly> root.
    expect(xunitXmlReader.matches('<?xml version="1.0"?>\n<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">')).toBe(false);
    expect(xunitXmlReader.matches('assemblies')).toBe(false);
  });
});

describe('xunit-xml reader: bad input', () => {
  it('a truncated file is a ReportError', async () => {
    const text = readFileSync(fixturePath('xunit-xml/enricomi/mstest/fixie.xml'), 'utf8');
    const path = writeReport(text.slice(0, Math.floor(text.length * 0.6)));
    await expect(read(path)).rejects.toThrow(ReportError);
    await expect(read(path)).rejects.toThrow(/truncated XML/);
  });

  it('an unknown result is a ReportError naming it', async () => {
    const path = writeReport('<assemblies><assembly><collection><test name="a" type="T" result="Maybe"/></collection></assembly></assemblies>');
    await expect(read(path)).rejects.toThrow(/unknown xUnit result "Maybe" for test "a"/);
  });

  it('a test without a result is a ReportError', async () => {
    const path = writeReport('<assembly name="x" run-date="2012-01-14" run-time="10:21:10"><class name="T"><test name="T.a" type="T"/></class></assembly>');
    await expect(read(path)).rejects.toThrow(/without a result attribute/);
  });
});
