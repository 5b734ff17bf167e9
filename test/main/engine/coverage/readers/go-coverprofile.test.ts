// Go cover profiles against gocover-cobertura's golden.xml (the Cobertura it must emit for each
// real profile) and gcov2lcov's expected lcov: lines counted the way those converters count them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseReportFiles } from '../../../../../src/main/engine/coverage/combine-coverage.js';
import { CoveragePaths } from '../../../../../src/main/engine/coverage/paths/coverage-paths.js';
import { coberturaXmlReader } from '../../../../../src/main/engine/coverage/readers/cobertura-xml/index.js';
import { goCoverprofileReader } from '../../../../../src/main/engine/coverage/readers/go-coverprofile/index.js';
import { lcovReader } from '../../../../../src/main/engine/coverage/readers/lcov/index.js';
import { RATE_TOLERANCE } from '../../../../../src/main/engine/coverage/header-check.js';
import { rateOf } from '../../../../../src/main/engine/coverage/coverage-totals.js';
import { ReportError } from '../../../../../src/main/engine/readers/report-error.js';
import { OWN_COVERAGE, coverageEntries, readFixture, readForced, readWith, stated } from '../../../../support/coverage-fixtures.js';
import { fixturePath } from '../../../../support/fixtures.js';
import { tempDir } from '../../../../support/temp.js';

describe('go-coverprofile: conformance with gocover-cobertura and gcov2lcov', () => {
  const entries = coverageEntries('go-coverprofile');
  it('covers every Go profile with stated totals', () => {
    expect(entries.map(([relative]) => relative).sort()).toEqual([
      'go-coverprofile/gcov2lcov/coverage.out',
      'go-coverprofile/gocover-cobertura/regression/cobra/v1.8.1/coverage.txt',
      'go-coverprofile/gocover-cobertura/regression/go-approval-tests/v1.9.1/coverage.txt',
      'go-coverprofile/gocover-cobertura/regression/mux/v1.8.1/coverage.txt',
      'go-coverprofile/gocover-cobertura/regression/testify/v1.10.0/coverage.txt',
    ]);
  });

  for (const [relative, entry] of entries) {
    it(relative, async () => {
      const { totals, parsed } = await readFixture(relative, goCoverprofileReader);
      const expected = entry.expected_coverage as Record<string, number>;
      const covered = stated(expected, 'lines-covered') ?? stated(expected, 'lines_covered');
      const valid = stated(expected, 'lines-valid') ?? stated(expected, 'lines_total');
      expect([totals.lines.covered, totals.lines.valid]).toEqual([covered, valid]);
      const rate = stated(expected, 'line-rate');
      if (rate !== undefined) expect(Math.abs(rateOf(totals.lines) - rate)).toBeLessThanOrEqual(RATE_TOLERANCE);
      expect(totals.branches).toBeNull();
      expect(parsed.warnings).toEqual([]);
    });
  }

  it('gcov2lcov: 9 statements in 3 overlapping blocks, 5 of them covered', async () => {
    const { totals } = await readFixture('go-coverprofile/gcov2lcov/coverage.out', goCoverprofileReader);
    expect(totals.statements).toEqual({ covered: 5, valid: 9 });
    const expectedLcov = await readFixture('go-coverprofile/gcov2lcov/coverage_expected.lcov', lcovReader);
    expect(expectedLcov.totals.lines).toEqual(totals.lines);
  });

  for (const project of ['cobra/v1.8.1', 'go-approval-tests/v1.9.1', 'mux/v1.8.1', 'testify/v1.10.0']) {
    it(`${project}: every file and every line as in golden.xml, under the same module-relative path`, async () => {
      const folder = `go-coverprofile/gocover-cobertura/regression/${project}`;
      const profile = await readFixture(`${folder}/coverage.txt`, goCoverprofileReader);
      const golden = await readFixture(`${folder}/golden.xml`, coberturaXmlReader);
      // No go.mod here: the profile's common prefix (the module path) is dropped; golden.xml's
      // <source> is the placeholder "$GOMODCACHE", so its module-relative filenames stay.
      const context = { paths: new CoveragePaths({ root: tempDir() }), goModule: null };
      const fromProfile = normaliseReportFiles(profile.parsed, context);
      const fromGolden = normaliseReportFiles(golden.parsed, context);
      expect([...fromProfile.keys()].sort()).toEqual([...fromGolden.keys()].sort());
      for (const [path, file] of fromProfile) {
        const twin = fromGolden.get(path);
        expect(file.lines, path).toEqual(twin?.lines);
        const covered = (hits: ReadonlyMap<number, number> | null | undefined): number[] => [...(hits ?? [])].filter(([, h]) => h > 0).map(([line]) => line);
        expect(covered(file.lineHits), path).toEqual(covered(twin?.lineHits));
      }
    });
  }

  it('the real profile of our own Go fixture: go tool cover says 13 of 17 statements', async () => {
    const { totals } = await readWith(join(OWN_COVERAGE, 'shop', 'reports', 'coverage.out'), goCoverprofileReader);
    expect(totals.statements).toEqual({ covered: 13, valid: 17 });
    expect(totals.lines).toEqual({ covered: 21, valid: 28 });
  });
});

describe('go-coverprofile: blocks', () => {
  async function profile(text: string) {
    const path = join(tempDir(), 'cover.out');
    writeFileSync(path, text);
    return readWith(path, goCoverprofileReader);
  }

  it('merges a block listed twice: set mode ORs, count mode adds', async () => {
    const set = await profile('mode: set\nm/a.go:1.1,2.2 1 0\nm/a.go:1.1,2.2 1 1\n');
    expect(set.parsed.files[0]?.lineHits).toEqual(new Map([[1, 1], [2, 1]]));
    const count = await profile('mode: count\nm/a.go:1.1,2.2 1 2\nm/a.go:1.1,2.2 1 3\n');
    expect(count.parsed.files[0]?.lineHits).toEqual(new Map([[1, 5], [2, 5]]));
    expect(count.totals.statements).toEqual({ covered: 1, valid: 1 });
  });

  it('accepts profiles of several packages concatenated, each with its mode line', async () => {
    const { totals } = await profile('mode: atomic\nm/a.go:1.1,1.9 1 1\nmode: atomic\nm/b.go:3.1,4.2 2 0\n');
    expect(totals).toMatchObject({ files: 2, lines: { covered: 1, valid: 3 } });
  });

  it('is detected from its mode line, not from the name', () => {
    expect(goCoverprofileReader.matches('mode: set\ngithub.com/x/y/a.go:1.2,3.4 1 0\n')).toBe(true);
    expect(goCoverprofileReader.matches('mode: count\n')).toBe(true);
    expect(goCoverprofileReader.matches('mode: sometimes\n')).toBe(false);
    expect(goCoverprofileReader.matches(readFileSync(fixturePath('lcov/lcov-parse/parts.info'), 'utf8'))).toBe(false);
    expect(goCoverprofileReader.matches(readFileSync(join(OWN_COVERAGE, 'shop', 'reports', 'go-test.json'), 'utf8'))).toBe(false);
  });

  const bad: { name: string; text: string; error: RegExp }[] = [
    { name: 'cut mid-line', text: 'mode: set\nm/a.go:1.1,2.2 1 1\nm/a.go:3.1,4', error: /truncated Go cover profile: line 3/ },
    { name: 'cut mid-number', text: 'mode: set\nm/a.go:1.1,2.2 1 1\nm/a.go:3.1,4.2 1 1', error: /truncated Go cover profile/ },
    { name: 'no mode line', text: 'm/a.go:1.1,2.2 1 1\n', error: /starts with "mode/ },
    { name: 'two modes', text: 'mode: set\nm/a.go:1.1,2.2 1 1\nmode: count\n', error: /mode count after mode set/ },
    { name: 'not a block', text: 'mode: set\nhello world\n', error: /line 2: not a cover profile block/ },
    { name: 'a block of a billion lines', text: 'mode: set\nm/a.go:1.1,999999999.2 1 1\n', error: /plausible range/ },
    { name: 'a block ending before it starts', text: 'mode: set\nm/a.go:9.1,2.2 1 1\n', error: /plausible range/ },
  ];
  for (const { name, text, error } of bad) {
    it(`refuses ${name} with a clear error`, async () => {
      const path = join(tempDir(), 'cover.out');
      writeFileSync(path, text);
      // Read without detection: some of these would not even be taken for a profile.
      await expect(readForced(path, goCoverprofileReader)).rejects.toBeInstanceOf(ReportError);
      await expect(readForced(path, goCoverprofileReader)).rejects.toThrow(error);
    });
  }
});
