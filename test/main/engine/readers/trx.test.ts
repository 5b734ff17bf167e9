import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../../../../src/main/engine/ingest/read-report.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import { trxReader } from '../../../../src/main/engine/readers/trx/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [trxReader]);

function writeReport(content: string, name = 'results.trx'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

const head = (relative: string): string => readFileSync(fixturePath(relative), 'utf8').replace(/^\uFEFF/, '').trimStart();

const NS = 'xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"';

/**
 * Files whose source counts differ from ours by rule, with OUR totals.
 * - yami: one test has outcome="Aborted" (it ran 4.6 s, then the test host died: the run info
 *   says "El proceso del host de pruebas terminó inesperadamente"). EnricoMi's trx-to-junit.xslt
 *   makes every outcome other than Passed/Failed/Error a skip; we count an aborted test as
 *   errored (CLI.md: a crash is an error outside assertions), so skipped 21 → 20 + errored 1.
 */
const OUR_TOTALS: Record<string, { tests: number; passed: number; failed: number; errored: number; skipped: number }> = {
  'trx/enricomi/yami_YAMILEX_2015-10-24_04_18_59.trx': { tests: 25, passed: 2, failed: 2, errored: 1, skipped: 20 },
};

describe('trx reader: conformance', () => {
  const entries = entriesWithCounts('trx');

  it('has the fixtures it should', () => {
    expect(entries.length).toBe(15);
  });

  for (const [relative, entry] of entries) {
    it(`${relative} (${entry.source})`, async () => {
      const report = await read(fixturePath(relative));
      expect(report.format).toBe('trx');
      const ours = OUR_TOTALS[relative];
      if (ours) {
        expect(report.totals).toEqual(ours);
        return;
      }
      const expected = entry.expected!;
      const totals = { ...report.totals };
      // dorny has no error state: its failed = our failed + errored (errored is null there).
      if (entry.source === 'dorny') totals.failed += totals.errored;
      for (const key of ['tests', 'passed', 'failed', 'errored', 'skipped'] as const) {
        if (expected[key] !== null) expect({ [key]: totals[key] }).toEqual({ [key]: expected[key] });
      }
    });
  }
});

describe('trx reader: details', () => {
  it('takes the class from <TestDefinitions> written after <Results>; run info from <Times> (dotnet-trx.trx)', async () => {
    const report = await read(fixturePath('trx/dorny/dotnet-trx.trx'));
    expect(new Set(report.tests.map((test) => test.suite))).toEqual(new Set(['DotnetTests.XUnitTests.CalculatorTests']));
    const target = report.tests.find((test) => test.name === 'Exception_In_TargetTest')!;
    expect(target.status).toBe('failed');
    expect(target.message).toBe('System.DivideByZeroException : Attempted to divide by zero.');
    expect(target.trace).toMatch(/Calculator\.cs:line 9/);
    expect(target.durationMs).toBe(0.838);
    expect(target.startedAt).toBe('2021-04-20T06:31:32.976Z');
    expect(report.tests.map((test) => test.name)).toContain('Should be even number(i: 3)');
    expect(report.tests.find((test) => test.name === 'Skipped_Test')).toMatchObject({ status: 'skipped', stdout: 'Skipped test' });
    expect(report.info).toMatchObject({
      startedAt: '2021-04-20T06:31:31.986Z',
      durationMs: 1116,
      hostname: 'DORNY-PC',
      properties: { adapter: 'executor://xunit/VsTestRunner2/netcoreapp' },
    });
    // xUnit's adapter copies each failed/skipped test into RunInfos; those are not warned about.
    expect(report.warnings).toEqual([]);
  });

  it('counts xUnit cleanup-failure pseudo-tests as errored (dotnet-xunitv3.trx)', async () => {
    const report = await read(fixturePath('trx/dorny/dotnet-xunitv3.trx'));
    const cleanup = report.tests.filter((test) => test.name.startsWith('[Test Class Cleanup Failure'));
    expect(cleanup.map((test) => test.status)).toEqual(['errored', 'errored']);
    expect(report.totals).toEqual({ tests: 4, passed: 1, failed: 1, errored: 2, skipped: 0 });
    expect(report.warnings.join('\n')).toMatch(/Exit code indicates failure/);
  });

  it('NUnit adapter names are kept as written; skip reasons are messages (SilentNotes.trx)', async () => {
    const report = await read(fixturePath('trx/enricomi/nunit/SilentNotes.trx'));
    const skip = report.tests.find((test) => test.suite === 'VanillaCloudStorageClientTest.CloudStorageProviders.FtpCloudStorageClientTest' && test.name === 'ThrowsWithInvalidUrl')!;
    expect(skip.status).toBe('skipped');
    expect(skip.stdout).toMatch(/Too many consecutive fails/);
  });

  it('aborted is errored, not-runnable is skipped; a crashed test host is warned about (yami)', async () => {
    const report = await read(fixturePath('trx/enricomi/yami_YAMILEX_2015-10-24_04_18_59.trx'));
    expect(report.tests.find((test) => test.name === 'EST_SEG_TEMPTest')!.status).toBe('errored');
    expect(report.tests.find((test) => test.name === 'CompareTest')).toMatchObject({ status: 'skipped', suite: 'Prueba_Sistema.SIARAlgorithmTest' });
    expect(report.warnings.join('\n')).toMatch(/TRX run info \(Error\): El proceso del host de pruebas terminó inesperadamente/);
  });

  it('an empty run has no tests and says why (empty/dotnet-trx.trx)', async () => {
    const report = await read(fixturePath('trx/dorny/empty/dotnet-trx.trx'));
    expect(report.tests).toEqual([]);
    expect(report.warnings.join('\n')).toMatch(/No test is available/);
  });

  it('data rows (InnerResults) count each; repeats of one test id are attempts; colliding names are numbered', async () => {
    const path = writeReport(`<?xml version="1.0" encoding="utf-8"?>
<TestRun id="r" ${NS}>
  <Results>
    <UnitTestResult executionId="e1" testId="t1" testName="Rows" outcome="Failed" duration="00:00:01.5000000">
      <InnerResults>
        <UnitTestResult executionId="e1a" parentExecutionId="e1" testId="t1" testName="Rows" outcome="Passed" duration="00:00:00.5000000" />
        <UnitTestResult executionId="e1b" parentExecutionId="e1" testId="t1" testName="Rows" outcome="Failed" duration="00:00:01">
          <Output><ErrorInfo><Message>row 2 failed</Message></ErrorInfo><StdErr>oops</StdErr></Output>
        </UnitTestResult>
      </InnerResults>
    </UnitTestResult>
    <UnitTestResult executionId="e2" testId="t2" testName="Flaky" outcome="Failed" duration="1.00:00:00" />
    <UnitTestResult executionId="e3" testId="t2" testName="Flaky" outcome="Passed" />
    <UnitTestResult executionId="e4" testId="t3" testName="Same" outcome="Passed" />
    <UnitTestResult executionId="e5" testId="t4" testName="Same" outcome="Timeout" />
  </Results>
  <TestDefinitions>
    <UnitTest id="t1" name="Rows"><Execution id="e1" /><TestMethod className="Ns.C, Ns, Version=1.0.0.0" name="Rows" /></UnitTest>
    <UnitTest id="t2" name="Flaky"><TestMethod className="Ns.C" name="Flaky" /></UnitTest>
    <UnitTest id="t3" name="Same"><TestMethod className="Ns.C" name="Same" /></UnitTest>
    <UnitTest id="t4" name="Same"><TestMethod className="Ns.C" name="Same" /></UnitTest>
  </TestDefinitions>
</TestRun>`);
    const report = await read(path);
    expect(report.tests.map((test) => [test.suite, test.name, test.status, test.attempts.length])).toEqual([
      ['Ns.C', 'Rows', 'passed', 0],
      ['Ns.C', 'Rows #2', 'failed', 0],
      ['Ns.C', 'Flaky', 'passed', 1],
      ['Ns.C', 'Same', 'passed', 0],
      ['Ns.C', 'Same #2', 'errored', 0],
    ]);
    expect(report.tests[1]).toMatchObject({ message: 'row 2 failed', stderr: 'oops', durationMs: 1000 });
    expect(report.tests[2]!.attempts[0]).toMatchObject({ status: 'failed', durationMs: 86_400_000 });
  });

  it('warns about results whose test is not defined', async () => {
    const path = writeReport(`<TestRun ${NS}><Results><UnitTestResult testId="x" testName="Lonely" outcome="Passed" /></Results></TestRun>`);
    const report = await read(path);
    expect(report.tests.map((test) => [test.suite, test.name])).toEqual([['', 'Lonely']]);
    expect(report.warnings).toContain('1 TRX result(s) name a test that <TestDefinitions> does not define');
  });
});

describe('trx reader: detection', () => {
  it('claims every TRX fixture', () => {
    for (const [relative] of entriesWithCounts('trx')) {
      expect({ relative, claimed: trxReader.matches(head(relative)) }).toEqual({ relative, claimed: true });
    }
  });

  it('does not claim JUnit, NUnit, xUnit.net or non-XML', () => {
    for (const relative of [
      'junit-xml/enricomi/pytest/junit.fail.xml',
      'trx/enricomi/mstest/pickles.junit-xml',
      'nunit-xml/dorny/dotnet-nunit.xml',
      'xunit-xml/enricomi/mstest/fixie.xml',
    ]) {
      expect({ relative, claimed: trxReader.matches(head(relative)) }).toEqual({ relative, claimed: false });
    }
    expect(trxReader.matches('<testsuites><testsuite name="TestRun">')).toBe(false);
    expect(trxReader.matches('TestRun')).toBe(false);
  });
});

describe('trx reader: bad input', () => {
  it('a truncated file is a ReportError', async () => {
    const text = readFileSync(fixturePath('trx/dorny/dotnet-trx.trx'), 'utf8');
    const path = writeReport(text.slice(0, Math.floor(text.length / 2)));
    await expect(read(path)).rejects.toThrow(ReportError);
    await expect(read(path)).rejects.toThrow(/truncated XML/);
  });

  it('an unknown outcome is a ReportError naming it', async () => {
    const path = writeReport(`<TestRun ${NS}><Results><UnitTestResult testId="x" testName="T" outcome="Sideways" /></Results></TestRun>`);
    await expect(read(path)).rejects.toThrow(/unknown TRX outcome "Sideways" for test "T"/);
  });

  it('a result with no name anywhere is a ReportError', async () => {
    const path = writeReport(`<TestRun ${NS}><Results><UnitTestResult testId="x" outcome="Passed" /></Results></TestRun>`);
    await expect(read(path)).rejects.toThrow(/without a testName/);
  });
});
