// JaCoCo XML against every JaCoCo report of ../shared/fixtures: the report-level counters are
// the stated totals (kept as the header), the source files give the run's totals.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jacocoXmlReader } from '../../../../../src/main/engine/coverage/readers/jacoco-xml/index.js';
import type { CoverageHeader } from '../../../../../src/main/engine/model/raw-coverage.js';
import { ReportError } from '../../../../../src/main/engine/readers/report-error.js';
import { coverageEntries, readFixture, readWith } from '../../../../support/coverage-fixtures.js';
import { fixturePath } from '../../../../support/fixtures.js';
import { tempDir } from '../../../../support/temp.js';

type Counters = Record<string, { missed: number; covered: number }>;

function headerAsCounters(header: CoverageHeader | null): Counters {
  const counters: Counters = {};
  const pairs: [keyof CoverageHeader, string][] = [['lines', 'LINE'], ['branches', 'BRANCH'], ['functions', 'METHOD'], ['instructions', 'INSTRUCTION']];
  for (const [key, type] of pairs) {
    const figure = header?.[key];
    if (figure?.covered !== undefined && figure.valid !== undefined) counters[type] = { missed: figure.valid - figure.covered, covered: figure.covered };
  }
  return counters;
}

/**
 * Reports whose source files do not add up to their report-level counters (we assert OUR sums,
 * from the source files): the action's authors cut these files down by hand.
 */
const DEVIATIONS: Record<string, { lines: [number, number]; why: string }> = {
  'jacoco-xml/jacoco-report/aggregate-report.xml': {
    lines: [10, 28],
    why: "the report counters are a whole project's (9,823 lines); the body was cut to 3 groups of 7 source files",
  },
  'jacoco-xml/jacoco-report/empty-aggregate-report.xml': {
    lines: [2, 18],
    why: 'the same counters over a body cut further (module-1 emptied)',
  },
  'jacoco-xml/jacoco-report/empty_multi_module/empty-appCoverage.xml': {
    lines: [2, 19],
    why: 'appCoverage.xml with its "events" package emptied by hand, the report counters left as they were (2/21)',
  },
};

describe('jacoco-xml: conformance with the report counters', () => {
  const entries = coverageEntries('jacoco-xml');
  it('covers every JaCoCo fixture', () => {
    expect(entries.length).toBe(25);
  });

  for (const [relative, entry] of entries) {
    it(relative, async () => {
      const { parsed, totals } = await readFixture(relative, jacocoXmlReader);
      const counters = entry.report_counters as Counters;
      // LINE, BRANCH, METHOD and INSTRUCTION are kept as written (COMPLEXITY and CLASS are not figures we show).
      const expected = Object.fromEntries(Object.entries(counters).filter(([type]) => ['LINE', 'BRANCH', 'METHOD', 'INSTRUCTION'].includes(type)));
      expect(headerAsCounters(parsed.header)).toEqual(expected);
      const deviation = DEVIATIONS[relative];
      if (deviation) {
        expect([totals.lines.covered, totals.lines.valid], deviation.why).toEqual(deviation.lines);
        expect(parsed.warnings.join(' ')).toMatch(/header disagrees with its files/);
        return;
      }
      if (counters.LINE) expect(totals.lines).toEqual({ covered: counters.LINE.covered, valid: counters.LINE.covered + counters.LINE.missed });
      if (counters.METHOD) expect(totals.functions).toEqual({ covered: counters.METHOD.covered, valid: counters.METHOD.covered + counters.METHOD.missed });
      if (counters.BRANCH) expect(totals.branches).toEqual({ covered: counters.BRANCH.covered, valid: counters.BRANCH.covered + counters.BRANCH.missed });
      expect(parsed.warnings).toEqual([]);
    });
  }

  it("jacoco-report's coverage-overall (instruction coverage) from the kept headers", async () => {
    const instructions = async (...files: string[]): Promise<number> => {
      let covered = 0;
      let valid = 0;
      for (const file of files) {
        const figure = (await readFixture(`jacoco-xml/jacoco-report/${file}`, jacocoXmlReader)).parsed.header?.instructions;
        covered += figure?.covered ?? 0;
        valid += figure?.valid ?? 0;
      }
      // The action prints 100 for a report without instructions.
      return valid === 0 ? 100 : Math.round((covered / valid) * 10_000) / 100;
    };
    expect(await instructions('report.xml')).toBe(35.25);
    expect(await instructions('aggregate-report.xml')).toBe(76.32);
    expect(await instructions('empty-report.xml')).toBe(100);
    expect(await instructions('multi_module/appCoverage.xml', 'multi_module/mathCoverage.xml', 'multi_module/textCoverage.xml')).toBe(20.41);
    expect(await instructions('empty_multi_module/empty-appCoverage.xml', 'multi_module/mathCoverage.xml', 'empty_multi_module/empty-textCoverage.xml')).toBe(15.85);
  });

  it('names files by package path; lines from <line> elements, covered when an instruction ran', async () => {
    const { parsed } = await readFixture('jacoco-xml/jacoco-report/report.xml', jacocoXmlReader);
    expect(parsed.files.map((file) => file.path)).toEqual(['com/madrapps/jacoco/Utility.java', 'com/madrapps/jacoco/Math.kt', 'com/madrapps/jacoco/operation/StringOp.java']);
    expect(parsed.info.startedAt).toBe(new Date(1690536441032).toISOString());
  });

  it('a line listed four times counts once, with its fullest branch data', async () => {
    const { parsed } = await readFixture('jacoco-xml/jacoco-report/reports/package/sourcefile/only_line.xml', jacocoXmlReader);
    expect(parsed.files[0]).toMatchObject({ path: 'com.example.package1/ExampleFile1.java', lines: { covered: 1, valid: 2 }, branches: { covered: 4, valid: 7 } });
  });
});

describe('jacoco-xml: detection and bad input', () => {
  it('claims JaCoCo reports, even empty ones, and nothing else', () => {
    expect(jacocoXmlReader.matches(readFileSync(fixturePath('jacoco-xml/jacoco-report/reports/empty.xml'), 'utf8'))).toBe(true);
    expect(jacocoXmlReader.matches('<report name="x"><sessioninfo id="a" start="1" dump="2"/></report>')).toBe(true);
    expect(jacocoXmlReader.matches(readFileSync(fixturePath('cobertura-xml/coveragepy/x_xml/coverage.xml'), 'utf8'))).toBe(false);
    expect(jacocoXmlReader.matches('<report><title>a Word export</title></report>')).toBe(false);
  });

  const cases: { name: string; content: string; error: RegExp }[] = [
    { name: 'truncated.xml', content: readFileSync(fixturePath('jacoco-xml/jacoco-report/report.xml'), 'utf8').slice(0, 3000), error: /truncated XML/ },
    { name: 'xxe.xml', content: '<?xml version="1.0"?><!DOCTYPE report [<!ENTITY x SYSTEM "file:///etc/passwd">]><report name="&x;"><sessioninfo id="&x;" start="1" dump="2"/></report>', error: /declares entities/ },
    { name: 'bad-counter.xml', content: '<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="r"><counter type="LINE" missed="x" covered="1"/></report>', error: /counter LINE missed/ },
    { name: 'nameless.xml', content: '<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="r"><package name="p"><sourcefile/></package></report>', error: /<sourcefile> in package "p" has no name/ },
  ];
  for (const bad of cases) {
    it(bad.name, async () => {
      const path = join(tempDir(), bad.name);
      writeFileSync(path, bad.content);
      await expect(readWith(path, jacocoXmlReader)).rejects.toBeInstanceOf(ReportError);
      await expect(readWith(path, jacocoXmlReader)).rejects.toThrow(bad.error);
    });
  }
});
