// Every test-result reader, in detection order. Each `matches` looks at content only; the
// first that claims a file reads it. Put narrow formats before broad ones.
import type { ReportReader } from './report-reader.js';
import { nunitXmlReader } from './nunit-xml/index.js';
import { xunitXmlReader } from './xunit-xml/index.js';
import { trxReader } from './trx/index.js';
import { junitXmlReader } from './junit-xml/index.js';
import { goTestJsonReader } from './go-test-json/index.js';
import { dartJsonReader } from './dart-json/index.js';
import { jestJsonReader } from './jest-json/index.js';
import { pytestJsonReader } from './pytest-json/index.js';
import { mochaJsonReader } from './mocha-json/index.js';
import { rspecJsonReader } from './rspec-json/index.js';
import { ctrfJsonReader } from './ctrf-json/index.js';
import { tapReader } from './tap/index.js';

export const TEST_READERS: readonly ReportReader[] = [
  nunitXmlReader,
  xunitXmlReader,
  trxReader,
  junitXmlReader,
  goTestJsonReader,
  dartJsonReader,
  jestJsonReader,
  pytestJsonReader,
  mochaJsonReader,
  rspecJsonReader,
  ctrfJsonReader,
  tapReader,
];
