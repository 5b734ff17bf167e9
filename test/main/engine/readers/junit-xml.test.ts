import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotAReportError, readHead, readReport } from '../../../../src/main/engine/ingest/read-report.js';
import { junitXmlReader } from '../../../../src/main/engine/readers/junit-xml/index.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { MAX_BODY_CHARS } from '../../../../src/main/engine/readers/text-limits.js';
import type { RawRunInfo, RawTestResult } from '../../../../src/main/engine/model/raw-result.js';
import type { ParsedReport } from '../../../../src/main/engine/model/normalised-report.js';
import type { Totals } from '../../../../src/shared/types.js';
import { FIXTURES, entriesWithCounts, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const read = (path: string): Promise<ParsedReport> => readReport(path, [junitXmlReader]);

function writeTemp(name: string, content: string): string {
  const path = join(tempDir('vigil-junit-'), name);
  writeFileSync(path, content);
  return path;
}

const readXml = (content: string): Promise<ParsedReport> => read(writeTemp('report.xml', content));

function byName(report: ParsedReport, name: string) {
  const test = report.tests.find((candidate) => candidate.name === name);
  if (!test) throw new Error(`no test named ${name}`);
  return test;
}

/**
 * Where the sources count differently from us, compare the equivalent:
 * - enricomi counts one entry per <testcase> with error/failure/skipped(+disabled) as we do.
 * - dorny and action-junit-report have no error state: their `failed` = our failed + errored
 *   (their `errored` is null). action-junit-report also merges retries of one test, as we do.
 */
function sourceEquivalent(totals: Totals, source: string): Totals {
  if (source === 'enricomi') return totals;
  return { ...totals, failed: totals.failed + totals.errored };
}

/**
 * Files where our count genuinely differs from the source's, with OUR result (so behaviour
 * changes still fail the test). Most are repeated <testcase> entries of one (suite, name, file):
 * Vigil folds those into one test whose earlier entries are its attempts, while dorny and
 * EnricoMi count every <testcase> element.
 */
const DIFFERS: Record<string, { ours: Totals | { error: RegExp }; why: string }> = {
  'junit-xml/action-junit-report/flaky_retries/flaky_success_first.xml': {
    ours: { tests: 2, passed: 1, failed: 0, errored: 1, skipped: 0 },
    why:
      'one name written three times: passed, then failed, then errored. action-junit-report merges ' +
      'them into one passed test. Our rule (normalise-report.ts): runners retry only failures, so ' +
      'an entry after a pass is another case sharing the name ("#2"), and the error after the ' +
      'failure is its retry: 2 tests, one passed, one errored with one earlier attempt.',
  },
  'junit-xml/action-junit-report/junit-web-test/expected.xml': {
    ours: { error: /^malformed XML at line 9, column 59/ },
    why:
      'not well-formed XML: time="<<computed>>" has a "<" in an attribute value. It is the ' +
      '@web/test-runner-junit-reporter expected-output template (its test replaces the placeholder); ' +
      "action-junit-report's lenient parser reads it, a conforming XML parser must not.",
  },
  'junit-xml/action-junit-report/junit-web-test/expectedRetries.xml': {
    ours: { error: /^malformed XML at line 9, column 59/ },
    why: 'same template placeholder as expected.xml ("<" inside the time attribute).',
  },
  'junit-xml/enricomi/non-junit.xml': {
    ours: { error: /not a recognised test report/ },
    why:
      'root element <suites>, not JUnit: no reader claims it (NotAReportError). EnricoMi raises ' +
      '"Invalid format." and counts nothing.',
  },
};

describe('junit-xml reader: conformance', () => {
  const entries = entriesWithCounts('junit-xml');

  it('has the fixtures it should', () => {
    expect(entries.length).toBeGreaterThanOrEqual(76);
    for (const path of Object.keys(DIFFERS)) expect(entries.map(([relativePath]) => relativePath)).toContain(path);
  });

  for (const [relativePath, entry] of entries) {
    const differs = DIFFERS[relativePath];
    it(`${relativePath} (${entry.source})${differs ? ' [differs: see DIFFERS]' : ''}`, async () => {
      if (differs && 'error' in differs.ours) {
        const failure = read(fixturePath(relativePath));
        await expect(failure).rejects.toBeInstanceOf(ReportError);
        await expect(failure).rejects.toThrow(differs.ours.error);
        return;
      }
      const report = await read(fixturePath(relativePath));
      expect(report.format).toBe('junit-xml');
      if (differs) {
        expect(report.totals).toEqual(differs.ours);
        return;
      }
      const ours = sourceEquivalent(report.totals, entry.source);
      const expected = entry.expected!;
      for (const key of ['tests', 'passed', 'failed', 'errored', 'skipped'] as const) {
        if (expected[key] !== null) expect({ [key]: ours[key] }).toEqual({ [key]: expected[key] });
      }
    });
  }

  // gotestsum's goldens have no per-test counts in expected.json, only the root header
  // (tests=59 failures=13 errors=1). Ours: the 59 tests plus badmain's TestMain, the <testcase>
  // gotestsum writes for a package whose TestMain failed (counted in its failures, not its tests).
  const goldens = 'go-test-json/gotestsum/internal/junitxml/testdata';
  const goldenCases: [string, Totals][] = [
    ['junitxml-report.golden', { tests: 60, passed: 42, failed: 13, errored: 0, skipped: 5 }],
    ['junitxml-report-skip-empty.golden', { tests: 60, passed: 42, failed: 13, errored: 0, skipped: 5 }],
    ['junitxml-report-hide-skipped-tests.golden', { tests: 55, passed: 42, failed: 13, errored: 0, skipped: 0 }],
    ['junitxml-report-tc-with-attributes.golden', { tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0 }],
  ];
  for (const [name, totals] of goldenCases) {
    it(`gotestsum ${name}`, async () => {
      const report = await read(fixturePath(`${goldens}/${name}`));
      expect(report.totals).toEqual(totals);
      expect(report.info.properties).toEqual({ 'go.version': 'go7.7.7' });
      // Go's zero time (0001-01-01) is a placeholder, not a start time.
      expect(report.info.startedAt).toBeUndefined();
    });
  }
});

describe('junit-xml reader: detection', () => {
  function xmlFilesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return xmlFilesUnder(path);
      return /\.(xml|trx)$/.test(name) ? [path] : [];
    });
  }

  it('claims every JUnit fixture (except the non-JUnit one)', async () => {
    const files = xmlFilesUnder(join(FIXTURES, 'junit-xml'));
    expect(files.length).toBeGreaterThan(60);
    for (const path of files) {
      const head = await readHead(path);
      const expected = !path.endsWith('enricomi/non-junit.xml');
      expect({ path: relative(FIXTURES, path), claimed: junitXmlReader.matches(head.text) }).toEqual({
        path: relative(FIXTURES, path),
        claimed: expected,
      });
    }
  });

  it('claims no NUnit, xUnit.net, TRX, JaCoCo or Cobertura file', () => {
    const others = ['nunit-xml', 'xunit-xml', 'trx', 'jacoco-xml', 'cobertura-xml'].flatMap((dir) => xmlFilesUnder(join(FIXTURES, dir)));
    expect(others.length).toBeGreaterThan(50);
    for (const path of others) {
      // Decoded as readHead does, minus its binary check: some TRX files are UTF-16.
      const head = new TextDecoder('utf-8').decode(readFileSync(path).subarray(0, 64 * 1024)).replace(/^\uFEFF/, '').trimStart();
      expect({ path: relative(FIXTURES, path), claimed: junitXmlReader.matches(head) }).toEqual({
        path: relative(FIXTURES, path),
        claimed: false,
      });
    }
  });

  it('decides from the root element after declaration, comments and DOCTYPE', () => {
    const matches = (head: string) => junitXmlReader.matches(head);
    expect(matches('<testsuites/>')).toBe(true);
    expect(matches('<testsuite name="x">')).toBe(true);
    expect(matches('<?xml version="1.0"?>\n<!-- a > comment -->\n<?pi x?>\n<testsuites>')).toBe(true);
    expect(matches('<!DOCTYPE testsuites [ <!ENTITY a "]>"> ]>\n<testsuites>')).toBe(true);
    expect(matches('<test-results name="x">')).toBe(false);
    expect(matches('<test-run id="2">')).toBe(false);
    expect(matches('<assemblies>')).toBe(false);
    expect(matches('<TestRun id="1">')).toBe(false);
    expect(matches('<testsuites-extra>')).toBe(false);
    expect(matches('<!-- <testsuites> -->\n<results>')).toBe(false);
    expect(matches('<!-- unterminated <testsuites>')).toBe(false);
    expect(matches('<testsui')).toBe(false);
    expect(matches('{"testsuites": []}')).toBe(false);
    expect(matches('TAP version 13\nok 1')).toBe(false);
    expect(matches('')).toBe(false);
  });
});

describe('junit-xml reader: statuses and attempts', () => {
  it('lets the most severe result child decide (enricomi junit.multiresult)', async () => {
    const report = await read(fixturePath('junit-xml/enricomi/junit.multiresult.xml'));
    const errors = byName(report, 'test that errors');
    expect(errors.status).toBe('errored');
    expect(errors.message).toBe('test teardown failure');
    expect(errors.trace).toBe('stdout\n\nAssertion failed');
    expect(byName(report, 'test that fails').status).toBe('failed');
    expect(byName(report, 'test that is skipped').status).toBe('skipped');
    expect(byName(report, 'test that succeeds').durationMs).toBe(456);
  });

  it('counts status="disabled" as skipped even with a failure child (tst, action-junit-report)', async () => {
    const report = await read(fixturePath('junit-xml/action-junit-report/issues/testFailedDisabled.xml'));
    expect(report.tests.map((test) => [test.name, test.status])).toEqual([['testSmemArithmetic', 'skipped']]);
    const tst = await read(fixturePath('junit-xml/enricomi/tst/disabled.xml'));
    expect(byName(tst, 'disabled_param_test[2]').status).toBe('skipped');
    expect(byName(tst, 'test_which_throws_unknown_exception').message).toBe('uncaught (anonymous namespace)::some_unknown_exception');
  });

  it('keeps Surefire <flakyFailure> as an earlier attempt of a passed test', async () => {
    const report = await read(fixturePath('junit-xml/action-junit-report/maven_surefire_flaky/surefire-report.xml'));
    expect(report.tests).toHaveLength(1);
    const [test] = report.tests;
    expect(test!.status).toBe('passed');
    expect(test!.attempts).toHaveLength(1);
    expect(test!.attempts[0]!.status).toBe('failed');
    expect(test!.attempts[0]!.message).toBe('Expected: <false>\n     but: was <true>');
    expect(test!.attempts[0]!.trace).toContain('MicrosoftTeamsCrudTest.java:58');
    // The attempt's own <system-err> is not the test's output.
    expect(test!.stderr).toBeNull();

    const marathon = await read(fixturePath('junit-xml/action-junit-report/junit_flaky_failure/marathon_junit_report.xml'));
    expect(marathon.tests[0]!.status).toBe('passed');
    expect(marathon.tests[0]!.attempts.map((attempt) => [attempt.status, attempt.message])).toEqual([
      ['failed', 'junit.framework.AssertionFailedError'],
    ]);
  });

  it('keeps <rerunFailure>/<rerunError> as attempts of a failed test, and nextest rerun times', async () => {
    const report = await readXml(`<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="com.example.CalcTest" tests="2" failures="1" errors="0" skipped="0" time="3.5">
  <testcase name="adds" classname="com.example.CalcTest" time="1.5">
    <failure message="expected 2" type="java.lang.AssertionError">java.lang.AssertionError: expected 2
	at com.example.CalcTest.adds(CalcTest.java:10)</failure>
    <rerunFailure message="expected 2 (again)" type="java.lang.AssertionError">
      <stackTrace>java.lang.AssertionError: expected 2 (again)</stackTrace>
      <system-out>rerun 1 output</system-out>
    </rerunFailure>
    <rerunError message="boom" type="java.lang.IllegalStateException" time="0.25">
      <stackTrace>java.lang.IllegalStateException: boom</stackTrace>
    </rerunError>
  </testcase>
  <testcase name="flaky" classname="com.example.CalcTest" time="2">
    <flakyError message="connection reset" type="java.io.IOException" time="1.0"/>
  </testcase>
</testsuite>`);
    expect(report.totals).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    const adds = byName(report, 'adds');
    expect(adds.message).toBe('expected 2');
    expect(adds.stdout).toBeNull();
    expect(adds.attempts.map((attempt) => [attempt.status, attempt.message, attempt.durationMs])).toEqual([
      ['failed', 'expected 2 (again)', undefined],
      ['errored', 'boom', 250],
    ]);
    const flaky = byName(report, 'flaky');
    expect(flaky.status).toBe('passed');
    expect(flaky.attempts.map((attempt) => [attempt.status, attempt.message, attempt.durationMs])).toEqual([
      ['errored', 'connection reset', 1000],
    ]);
  });

  it('folds a test repeated in one suite into one with attempts (gotestsum/pytest reruns)', async () => {
    const report = await read(fixturePath('junit-xml/action-junit-report/junit-server-test/report.xml'));
    expect(report.totals).toEqual({ tests: 3, passed: 2, failed: 0, errored: 0, skipped: 1 });
    const race = byName(report, 'TestWebSocketReconnectRace');
    expect(race.status).toBe('passed');
    expect(race.attempts.map((attempt) => attempt.status)).toEqual(['failed']);
  });

  it('drops testcases with neither name nor classname, and says so (enricomi no-attributes)', async () => {
    const report = await read(fixturePath('junit-xml/enricomi/no-attributes.xml'));
    expect(report.tests).toEqual([]);
    expect(report.warnings).toContain('4 <testcase> element(s) without name or classname ignored: a test needs a name');
  });

  it('warns when suite headers disagree with the testcases (enricomi no-cases-but-tests)', async () => {
    const report = await read(fixturePath('junit-xml/enricomi/no-cases-but-tests.xml'));
    expect(report.totals.tests).toBe(0);
    expect(report.warnings).toEqual(['header totals disagree with the testcases: <testsuite name="pytest"> says tests=6 but holds 0 <testcase> elements']);
  });
});

describe('junit-xml reader: names, files and text', () => {
  it('takes suite from classname, else the enclosing suite, through nested suites (enricomi testsuite-in-testsuite)', async () => {
    const report = await read(fixturePath('junit-xml/enricomi/testsuite-root.xml'));
    expect(report.tests.map((test) => [test.suite, test.name, test.file])).toEqual([
      ['someName', 'TestCase1', '/somepath'],
      ['someName', 'TestCase2', '/somepath'],
      ['someName', 'TestCase3', '/somepath'],
      ['someName', 'TestCase4', '/somepath'],
      ['someName', 'TestCase5', '/somepath'],
    ]);
    const nested = await read(fixturePath('junit-xml/action-junit-report/nested/junit.xml'));
    expect(nested.tests.map((test) => `${test.suite}/${test.name}:${test.status}`)).toEqual([
      'TestA/A:failed',
      'TestA/B:passed',
      'TestB/A:passed',
      'TestB/B:failed',
      'packet/A:failed',
    ]);
  });

  it('uses jest-junit suite names that are file paths as the file, keeping equal titles of two files apart', async () => {
    const report = await read(fixturePath('junit-xml/dorny/external/jest/jest-test-results.xml'));
    const indent = report.tests.filter((test) => test.suite === 'indent option' && test.name === 'default implicit: 2 spaces');
    expect(indent.map((test) => test.file)).toEqual([
      'packages/pretty-format/src/__tests__/Immutable.test.ts',
      'packages/pretty-format/src/__tests__/react.test.tsx',
      'packages/pretty-format/src/__tests__/AsymmetricMatcher.test.ts',
    ]);
    const unnamed = report.tests.find((test) => test.file === 'e2e/__tests__/promiseReject.test.ts');
    expect(unnamed).toMatchObject({ suite: 'e2e/__tests__/promiseReject.test.ts', name: '', status: 'passed' });
    const jest = await read(fixturePath('junit-xml/dorny/jest-junit.xml'));
    const failing = byName(jest, 'Failing test');
    expect(failing).toMatchObject({ suite: 'Test 1 › Test 1.1', file: '__tests__\\main.test.js', status: 'failed' });
    // No message attribute: the first line of the body.
    expect(failing.message).toBe('Error: expect(received).toBeTruthy()');
    expect(failing.trace).toContain('main.test.js:10:21');
  });

  it('inherits the file of an enclosing suite (mocha-junit-reporter, PHPUnit)', async () => {
    const mocha = await read(fixturePath('junit-xml/action-junit-report/mocha/mocha.xml'));
    expect(mocha.tests[0]!.file).toBe('/path/test/config.js');
    const phpunit = await read(fixturePath('junit-xml/dorny/external/phpunit/phpcheckstyle-phpunit.xml'));
    const comments = byName(phpunit, 'testComments');
    expect(comments).toMatchObject({ suite: 'CommentsTest', file: '/workspace/phpcheckstyle/test/CommentsTest.php' });
    expect(comments.stdout).toContain('Avoid Shell/Perl like comments.');
  });

  it('decodes entities and keeps unicode (enricomi with-xml-entities, unsupported-unicode)', async () => {
    const report = await read(fixturePath('junit-xml/enricomi/with-xml-entities.xml'));
    expect(report.tests.map((test) => test.name)).toEqual([
      'Test with "quotes" in the test name',
      "Test with 'apostrophe' in the test name",
      'Test with & in the test name',
      'Test with < and > in the test name',
    ]);
    expect(byName(report, 'Test with & in the test name')).toMatchObject({ message: 'A message with &', trace: 'Content with &' });
    const unicode = await read(fixturePath('junit-xml/enricomi/unsupported-unicode.xml'));
    expect(unicode.tests[0]!.name).toBe('test 1 헴䜝헱홐㣇㿷䔭𒍺𡓿𠄉㦓');
    expect(unicode.tests[0]!.file).toBe('test/test-1.py');
  });

  it('gives suite-level output to the failing tests of that suite (Bazel)', async () => {
    const report = await read(fixturePath('junit-xml/enricomi/bazel/suite-logs.xml'));
    const [test] = report.tests;
    expect(test).toMatchObject({ status: 'errored', message: 'exited with error code 1' });
    expect(test!.stdout).toContain("ModuleNotFoundError: No module named 'non_existent_package'");
    expect(test!.stderr).toContain('Generated test.err');
  });

  it('caps huge bodies and output, saying how much was dropped', async () => {
    const huge = 'x'.repeat(1_000_000);
    const report = await readXml(`<testsuite name="s"><testcase name="t"><failure>${huge}</failure><system-out>${huge}</system-out></testcase></testsuite>`);
    const [test] = report.tests;
    for (const text of [test!.trace!, test!.stdout!]) {
      expect(text.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
      const match = /^(x+)\n… \[(\d+) more characters not stored\]$/.exec(text);
      expect(match).not.toBeNull();
      expect(match![1]!.length + Number(match![2])).toBe(1_000_000);
    }
    expect(test!.message).toHaveLength(1000);
  });

  it('keeps testcase output and per-test timestamps (cargo-nextest)', async () => {
    const report = await read(fixturePath('junit-xml/action-junit-report/nextest/basic.xml'));
    const failure = byName(report, 'test_failure');
    expect(failure.status).toBe('failed');
    expect(failure.message).toBe("thread 'test_failure' panicked at tests/parry3d.rs:154:5:");
    expect(failure.stdout).toContain('test test_failure ... FAILED');
    expect(failure.stderr).toContain('assertion `left == right` failed');
    expect(failure.startedAt).toBe('2024-12-02T20:06:10.513Z');
    expect(failure.durationMs).toBe(774);
    expect(byName(report, 'test_annotations').stderr).toBeNull();
    expect(report.info.startedAt).toBe('2024-12-02T20:06:10.512Z');
  });
});

describe('junit-xml reader: run info', () => {
  it('reads timestamp with zone, hostname, time and properties (pytest)', async () => {
    const report = await read(fixturePath('junit-xml/dorny/python-xunit-pytest.xml'));
    expect(report.info).toEqual({
      startedAt: '2025-11-15T16:51:49.548Z',
      durationMs: 19,
      hostname: 'Mac.hsd1.va.comcast.net',
      properties: { custom_prop: 'custom_val' },
    } satisfies RawRunInfo);
  });

  it('reads zone-less timestamps as local time, RFC 1123 dates, and text property values', async () => {
    const pytest = await read(fixturePath('junit-xml/enricomi/no-cases.xml'));
    expect(pytest.info.startedAt).toBe(new Date(2020, 8, 1, 7, 11, 23, 815).toISOString());
    expect(pytest.info.hostname).toBe('fv-az12');
    const mocha = await read(fixturePath('junit-xml/enricomi/mocha/latex-utensils.xml'));
    expect(mocha.info.startedAt).toBe('2022-12-03T23:10:07.000Z');
    const testmo = await read(fixturePath('junit-xml/dorny/external/java/junit4-complete.xml'));
    expect(testmo.info.properties).toMatchObject({ version: '1.774', config: 'Config line #1\n                Config line #2\n                Config line #3' });
    expect(testmo.info.durationMs).toBeCloseTo(16082.687, 6);
    const surefire = await read(fixturePath('junit-xml/dorny/external/java/TEST-org.apache.pulsar.AddMissingPatchVersionTest.xml'));
    expect(surefire.info.startedAt).toBe('2021-03-07T10:36:56.000Z');
  });

  it('takes the earliest suite timestamp and sums top-level suite times when the root has none', async () => {
    const report = await readXml(`<testsuites>
  <testsuite name="b" time="1,234.5" timestamp="2024-05-01T10:00:05Z" hostname="ci-1"><testcase name="t" time="0,5"/></testsuite>
  <testsuite name="a" time="2" timestamp="2024-05-01T09:59:59+02:00"><testcase name="t" time="1"/></testsuite>
</testsuites>`);
    expect(report.info).toMatchObject({ startedAt: '2024-05-01T07:59:59.000Z', durationMs: 1_236_500, hostname: 'ci-1' });
    expect(report.tests.map((test) => test.durationMs)).toEqual([500, 1000]);
  });

  it('keeps testcase <properties> out of the run properties (gotestsum tc-with-attributes)', async () => {
    const report = await read(fixturePath('go-test-json/gotestsum/internal/junitxml/testdata/junitxml-report-tc-with-attributes.golden'));
    expect(report.info.properties).toEqual({ 'go.version': 'go7.7.7' });
  });
});

describe('junit-xml reader: dialects without upstream fixtures', () => {
  it('Vitest', async () => {
    const report = await readXml(`<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="3" failures="1" errors="0" time="0.012">
    <testsuite name="src/math.test.ts" timestamp="2024-05-01T10:00:00.000Z" hostname="dev" tests="3" failures="1" errors="0" skipped="1" time="0.005">
        <testcase classname="src/math.test.ts" name="math &gt; adds" time="0.001">
        </testcase>
        <testcase classname="src/math.test.ts" name="math &gt; divides" time="0.002">
            <failure message="expected 2 to be 3 // Object.is equality" type="AssertionError">
AssertionError: expected 2 to be 3 // Object.is equality
 ❯ src/math.test.ts:9:20
            </failure>
            <system-out>
logged while dividing
            </system-out>
        </testcase>
        <testcase classname="src/math.test.ts" name="math &gt; later" time="0">
            <skipped/>
        </testcase>
    </testsuite>
</testsuites>`);
    expect(report.totals).toEqual({ tests: 3, passed: 1, failed: 1, errored: 0, skipped: 1 });
    const divides = byName(report, 'math > divides');
    expect(divides).toMatchObject({ suite: 'src/math.test.ts', file: 'src/math.test.ts', message: 'expected 2 to be 3 // Object.is equality' });
    expect(divides.trace).toBe('AssertionError: expected 2 to be 3 // Object.is equality\n ❯ src/math.test.ts:9:20');
    expect(divides.stdout).toContain('logged while dividing');
    expect(report.info).toMatchObject({ startedAt: '2024-05-01T10:00:00.000Z', durationMs: 12, hostname: 'dev' });
  });

  it('go-junit-report (package output at suite level)', async () => {
    const report = await readXml(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="2" failures="1">
	<testsuite name="example.com/calc" tests="2" failures="1" errors="0" id="0" hostname="build-7" time="0.010" timestamp="2024-05-01T10:00:00Z">
		<properties>
			<property name="go.version" value="go1.22.1 linux/amd64"></property>
		</properties>
		<testcase name="TestAdd" classname="example.com/calc" time="0.000"></testcase>
		<testcase name="TestDiv" classname="example.com/calc" time="0.010">
			<failure message="Failed"><![CDATA[    calc_test.go:9: want 3, got 2]]></failure>
		</testcase>
		<system-out><![CDATA[FAIL	example.com/calc	0.010s]]></system-out>
	</testsuite>
</testsuites>`);
    expect(report.totals).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    expect(byName(report, 'TestDiv')).toMatchObject({ message: 'Failed', trace: 'calc_test.go:9: want 3, got 2', stdout: 'FAIL\texample.com/calc\t0.010s' });
    expect(byName(report, 'TestAdd').stdout).toBeNull();
    expect(report.info.properties).toEqual({ 'go.version': 'go1.22.1 linux/amd64' });
  });

  it('Ginkgo (status attributes, pending, panics)', async () => {
    const report = await readXml(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="4" disabled="1" errors="1" failures="1" time="0.5">
  <testsuite name="Books Suite" package="/src/books" tests="4" disabled="1" skipped="0" errors="1" failures="1" time="0.5" timestamp="2024-05-01T10:00:00">
    <properties>
      <property name="SuiteSucceeded" value="false"></property>
      <property name="RandomSeed" value="1714557600"></property>
    </properties>
    <testcase name="[It] Books can be loaded from JSON" classname="Books Suite" status="passed" time="0.1"></testcase>
    <testcase name="[It] Books can be categorized" classname="Books Suite" status="failed" time="0.2">
      <failure message="Expected &lt;string&gt;: NOVEL to equal &lt;string&gt;: SHORT STORY" type="failed">[FAILED] Expected NOVEL&#xA;In [It] at: /src/books/books_test.go:31</failure>
      <system-err>&gt; Enter [It] Books can be categorized</system-err>
    </testcase>
    <testcase name="[It] Books can be pending" classname="Books Suite" status="pending" time="0"><skipped message="pending"></skipped></testcase>
    <testcase name="[It] Books can panic" classname="Books Suite" status="panicked" time="0.01"><error message="runtime error: index out of range" type="panicked">[PANICKED] runtime error</error></testcase>
  </testsuite>
</testsuites>`);
    expect(report.totals).toEqual({ tests: 4, passed: 1, failed: 1, errored: 1, skipped: 1 });
    expect(byName(report, '[It] Books can be pending').message).toBe('pending');
    expect(byName(report, '[It] Books can be categorized').stderr).toBe('> Enter [It] Books can be categorized');
    expect(report.info.properties).toEqual({ SuiteSucceeded: 'false', RandomSeed: '1714557600' });
  });

  it('GoogleTest disabled tests (status="notrun") and testsuites inside testsuites', async () => {
    const report = await readXml(`<testsuites name="AllTests" tests="2">
  <testsuites name="shard-1">
    <testsuite name="MathTest" tests="2">
      <testcase name="Adds" status="run" result="completed" time="0.001" classname="MathTest"/>
      <testcase name="DISABLED_Divides" status="notrun" result="suppressed" time="0" classname="MathTest"/>
    </testsuite>
  </testsuites>
</testsuites>`);
    expect(report.tests.map((test) => [test.suite, test.name, test.status])).toEqual([
      ['MathTest', 'Adds', 'passed'],
      ['MathTest', 'DISABLED_Divides', 'skipped'],
    ]);
    expect(report.warnings).toEqual([]);
  });
});

describe('junit-xml reader: bad input', () => {
  it('refuses a truncated report (action-junit-report corrupt-junit, enricomi corrupt-xml)', async () => {
    const corrupt = read(fixturePath('junit-xml/action-junit-report/corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml'));
    await expect(corrupt).rejects.toBeInstanceOf(ReportError);
    await expect(corrupt).rejects.toThrow(/^truncated XML/);
    await expect(read(fixturePath('junit-xml/enricomi/pytest/corrupt-xml.xml'))).rejects.toThrow(/^truncated XML: unclosed tag: skipped/);
    const whole = readFileSync(fixturePath('junit-xml/enricomi/pytest/junit.fail.xml'), 'utf8');
    const cut = read(writeTemp('cut.xml', whole.slice(0, Math.floor(whole.length / 2))));
    await expect(cut).rejects.toBeInstanceOf(ReportError);
    await expect(cut).rejects.toThrow(/truncated XML/);
  });

  it('refuses a file that is not JUnit', async () => {
    const notJunit = read(fixturePath('junit-xml/enricomi/non-junit.xml'));
    await expect(notJunit).rejects.toBeInstanceOf(NotAReportError);
    // Read directly (no detection), the reader names the problem.
    const sink = { runInfo: () => undefined, test: (_: RawTestResult) => undefined, warn: () => undefined };
    const input = { path: 'x.xml', text: async function* () { yield '<suites><suite/></suites>'; } };
    await expect(junitXmlReader.read(input, sink)).rejects.toThrow('not a JUnit XML report: the root element is <suites>, expected <testsuites> or <testsuite>');
    await expect(read(fixturePath('invalid/enricomi/xml/non-xml.xml'))).rejects.toBeInstanceOf(NotAReportError);
  });

  it('refuses an entity bomb without expanding it', async () => {
    const lol = ['<!ENTITY lol0 "lol">'];
    for (let level = 1; level <= 9; level += 1) lol.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
    const bomb = writeTemp('bomb.xml', `<?xml version="1.0"?>\n<!DOCTYPE testsuites [\n${lol.join('\n')}\n]>\n<testsuites><testsuite name="&lol9;"><testcase name="&lol9;"/></testsuite></testsuites>\n`);
    const result = read(bomb);
    await expect(result).rejects.toBeInstanceOf(ReportError);
    await expect(result).rejects.toThrow(/entities/);
  });

  it('refuses an external entity (XXE) and never reads what it points to', async () => {
    const xxe = writeTemp('xxe.xml', `<?xml version="1.0"?>\n<!DOCTYPE testsuites [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n<testsuites><testsuite name="s"><testcase name="t"><failure>&x;</failure></testcase></testsuite></testsuites>\n`);
    const result = read(xxe);
    await expect(result).rejects.toBeInstanceOf(ReportError);
    await expect(result).rejects.toThrow(/entities/);
    await expect(result).rejects.not.toThrow(/root:/);
  });
});

describe('text only where the reader keeps it', () => {
  // The XML layer gives saxes a text handler only inside elements whose text the reader uses
  // (failure, error, skipped, system-out/err, property values): text elsewhere is never cut out.
  // Whatever the chunking, the kept text must come out whole, entities and CDATA included.
  const XML = [
    '<?xml version="1.0"?>\n<testsuites>\n  <testsuite name="S">\n    <properties>\n      <property name="k">v &amp; w</property>\n    </properties>\n',
    '    <testcase classname="S" name="a">stray text &lt;ignored&gt;\n      <failure message="m &quot;1&quot;" type="E">line 1 &lt;x&gt;\n  at S.a(S.java:3)<![CDATA[ <raw> ]]>tail</failure>\n',
    '      <system-out><![CDATA[out ]]]]><![CDATA[> 1]]>\n more &#x263A;</system-out>\n    </testcase>\n',
    '    <testcase classname="S" name="b"><system-err>err &amp; done</system-err></testcase>\n  </testsuite>\n</testsuites>\n',
  ].join('');

  async function readInChunks(size: number): Promise<{ tests: RawTestResult[]; info: RawRunInfo }> {
    const tests: RawTestResult[] = [];
    let info: RawRunInfo = {};
    const input = {
      path: 'chunked.xml',
      async *text() {
        for (let at = 0; at < XML.length; at += size) yield XML.slice(at, at + size);
      },
    };
    await junitXmlReader.read(input, { test: (test) => tests.push(test), runInfo: (facts) => (info = { ...info, ...facts }), warn: () => {} });
    return { tests, info };
  }

  it('keeps failure, output and property text whole however the file is cut, and nothing else', async () => {
    const whole = await readInChunks(XML.length);
    expect(whole.tests.map((test) => [test.name, test.status, test.message, test.trace, test.stdout, test.stderr])).toEqual([
      ['a', 'failed', 'm "1"', 'line 1 <x>\n  at S.a(S.java:3) <raw> tail', 'out ]]> 1\n more ☺', undefined],
      ['b', 'passed', undefined, undefined, undefined, 'err & done'],
    ]);
    expect(whole.info.properties).toEqual({ k: 'v & w' });
    for (const size of [1, 2, 3, 7, 64]) expect(await readInChunks(size)).toEqual(whole);
  });
});
