// Every coverage reader, in detection order. Each `matches` looks at content only. Test-result
// readers are tried first (ingest/read-any-report.ts); no coverage format looks like one.
import type { CoverageReader } from './coverage-reader.js';
import { cloverXmlReader } from './readers/clover-xml/index.js';
import { coberturaXmlReader } from './readers/cobertura-xml/index.js';
import { coveragepyJsonReader } from './readers/coveragepy-json/index.js';
import { goCoverprofileReader } from './readers/go-coverprofile/index.js';
import { istanbulJsonSummaryReader } from './readers/istanbul-json-summary/index.js';
import { istanbulJsonReader } from './readers/istanbul-json/index.js';
import { jacocoXmlReader } from './readers/jacoco-xml/index.js';
import { lcovReader } from './readers/lcov/index.js';

export const COVERAGE_READERS: readonly CoverageReader[] = [
  cloverXmlReader,
  coberturaXmlReader,
  jacocoXmlReader,
  coveragepyJsonReader,
  istanbulJsonSummaryReader,
  istanbulJsonReader,
  lcovReader,
  goCoverprofileReader,
];
