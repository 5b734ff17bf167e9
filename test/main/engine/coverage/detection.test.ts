// Coverage and test-result formats never claim each other's files: over every fixture, a coverage
// report is claimed by exactly its coverage reader and by no test reader, and a test report by no
// coverage reader.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCoverageReader } from '../../../../src/main/engine/coverage/read-coverage.js';
import { detectReader, readHead } from '../../../../src/main/engine/ingest/read-report.js';
import { ReportError } from '../../../../src/main/engine/readers/report-error.js';
import { FIXTURES, REPO_ROOT } from '../../../support/fixtures.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const COVERAGE_DIRS = ['cobertura-xml', 'jacoco-xml', 'istanbul-json', 'lcov', 'go-coverprofile'];

/** What each coverage fixture is, where detection must say so (others are specs, goldens, text). */
function expectedCoverageFormat(path: string): string | null {
  if (/\.expected-text-report\.txt$|\/specs\/|\/file-coverage\/|expected-lcovonly\.info$/.test(path)) return null;
  if (/golden\.xml$|expected-cobertura\.xml$/.test(path)) return 'cobertura-xml';
  if (/coverage_expected\.lcov$/.test(path)) return 'lcov';
  if (/coverage-summary/.test(path)) return 'istanbul-json-summary';
  if (/coverage-final\.json$/.test(path)) return 'istanbul-json';
  const dir = COVERAGE_DIRS.find((name) => path.startsWith(`${name}/`));
  return dir === 'go-coverprofile' ? 'go-coverprofile' : (dir ?? null);
}

async function heads(paths: string[]): Promise<Map<string, string | null>> {
  const found = new Map<string, string | null>();
  for (const path of paths) {
    try {
      found.set(path, (await readHead(path)).text);
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      found.set(path, null); // empty or binary: claimed by nothing
    }
  }
  return found;
}

describe('detection: coverage vs test results', () => {
  it('every coverage fixture of ../shared/fixtures is claimed by its coverage reader and no test reader', async () => {
    const paths = files(FIXTURES).filter((path) => COVERAGE_DIRS.some((dir) => relative(FIXTURES, path).startsWith(`${dir}/`)));
    let claimed = 0;
    for (const [path, head] of await heads(paths)) {
      const rel = relative(FIXTURES, path);
      if (head === null || /LICENSE|\.md$/.test(rel)) continue;
      expect(detectReader(head)?.format ?? null, rel).toBeNull();
      expect(detectCoverageReader(head)?.format ?? null, rel).toBe(expectedCoverageFormat(rel));
      if (expectedCoverageFormat(rel) !== null) claimed += 1;
    }
    expect(claimed).toBe(83);
  });

  it('no test-result fixture is claimed by a coverage reader', async () => {
    const paths = files(FIXTURES).filter((path) => !COVERAGE_DIRS.some((dir) => relative(FIXTURES, path).startsWith(`${dir}/`)));
    paths.push(...files(join(REPO_ROOT, 'test', 'fixtures', 'vitest')));
    let checked = 0;
    for (const [path, head] of await heads(paths)) {
      if (head === null) continue;
      checked += 1;
      expect(detectCoverageReader(head)?.format ?? null, relative(FIXTURES, path)).toBeNull();
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('our own fixtures: each file is what it is', async () => {
    const own = join(REPO_ROOT, 'test', 'fixtures', 'coverage');
    const expected: Record<string, [string | null, string | null]> = {
      'calc/reports/junit.xml': ['junit-xml', null],
      'calc/reports/coverage.xml': [null, 'cobertura-xml'],
      'calc/reports/coverage.json': [null, 'coveragepy-json'],
      'calc/reports/lcov.info': [null, 'lcov'],
      'cart/junit.xml': ['junit-xml', null],
      'cart/coverage/clover.xml': [null, 'clover-xml'],
      'cart/coverage/cobertura-coverage.xml': [null, 'cobertura-xml'],
      'cart/coverage/coverage-final.json': [null, 'istanbul-json'],
      'cart/coverage/coverage-summary.json': [null, 'istanbul-json-summary'],
      'cart/coverage/lcov.info': [null, 'lcov'],
      'shop/reports/go-test.json': ['go-test-json', null],
      'shop/reports/coverage.out': [null, 'go-coverprofile'],
    };
    for (const [path, head] of await heads(Object.keys(expected).map((rel) => join(own, rel)))) {
      const rel = relative(own, path);
      expect([detectReader(head ?? '')?.format ?? null, detectCoverageReader(head ?? '')?.format ?? null], rel).toEqual(expected[rel]);
    }
  });
});
