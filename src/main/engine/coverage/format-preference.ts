// When one run's coverage comes in several formats (coverage.py's coverage.json, coverage.xml and
// lcov.info; Vitest's coverage-final.json, lcov.info, clover.xml...), one is used and the others
// are checked against it. The preference: the tool's native format first (the one the others are
// converted from, so nothing was lost in a conversion: Istanbul's JSON, coverage.py's JSON, a Go
// profile, JaCoCo's XML), then the per-line formats (lcov, Cobertura, Clover), then Istanbul's
// summary, which has counts but no lines.
import type { CoverageFormat } from './coverage-reader.js';

export const COVERAGE_FORMAT_PREFERENCE: Record<CoverageFormat, number> = {
  'istanbul-json': 0,
  'jest-coverage-map': 1,
  'coveragepy-json': 2,
  'go-coverprofile': 3,
  'jacoco-xml': 4,
  lcov: 5,
  'cobertura-xml': 6,
  'clover-xml': 7,
  'istanbul-json-summary': 8,
};
