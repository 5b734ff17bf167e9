// The watcher's cache of parsed reports: a report is reused only while its file is what was
// read (size, modification time, content hash), and the cache stays bounded by tests held.
import { describe, expect, it } from 'vitest';
import { readAnyReport } from '../../../../src/main/engine/coverage/read-any-report.js';
import { ReportCache } from '../../../../src/main/engine/ingest/report-cache.js';
import { fixturePath } from '../../../support/fixtures.js';

const SUREFIRE = 'junit-xml/action-junit-report/tests/utils/target/surefire-reports';
const CALC = fixturePath(`${SUREFIRE}/TEST-action.surefire.report.calc.CalcUtilsTest.xml`);
const STRINGS = fixturePath(`${SUREFIRE}/TEST-action.surefire.report.calc.StringUtilsTest.xml`);

async function readTests(path: string) {
  const read = await readAnyReport(path);
  if (read.kind !== 'tests') throw new Error(`${path} is not a test report`);
  return read;
}

describe('ReportCache', () => {
  it('gives back a report only for the same file, size, time and content', async () => {
    const read = await readTests(CALC);
    const { path, size, mtimeMs, sha256 } = read.report;
    const cache = new ReportCache();
    cache.put(read);
    expect(cache.get(path, size, mtimeMs, sha256)).toBe(read);
    expect(cache.get(path, size + 1, mtimeMs, sha256)).toBeNull();
    expect(cache.get(path, size, mtimeMs + 1, sha256)).toBeNull();
    expect(cache.get(path, size, mtimeMs, '0'.repeat(64))).toBeNull();
    expect(cache.get(STRINGS, size, mtimeMs, sha256)).toBeNull();
  });

  it('drops the oldest reports once it holds more tests than its bound', async () => {
    const calc = await readTests(CALC);
    const strings = await readTests(STRINGS);
    const cache = new ReportCache(calc.report.tests.length + strings.report.tests.length - 1);
    cache.put(calc);
    cache.put(strings);
    expect(cache.get(CALC, calc.report.size, calc.report.mtimeMs, calc.report.sha256)).toBeNull();
    expect(cache.get(STRINGS, strings.report.size, strings.report.mtimeMs, strings.report.sha256)).toBe(strings);
    // Put again, a report counts once.
    cache.put(strings);
    cache.put(strings);
    expect(cache.get(STRINGS, strings.report.size, strings.report.mtimeMs, strings.report.sha256)).toBe(strings);
  });
});
