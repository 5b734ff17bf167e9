// JUnit XML, in all the dialects that write it: pytest, Maven Surefire/Gradle (with flaky and
// rerun records), jest-junit, Vitest, mocha-junit-reporter, go-junit-report, gotestsum, Ginkgo,
// PHPUnit (nested suites), Catch2, cargo-nextest, Bazel, ScalaTest, Nette Tester, Swift, CUnit,
// Marathon, Perl TAP::Formatter::JUnit... Root <testsuites> or <testsuite>, suites nested freely.
import type { ReportReader } from '../report-reader.js';
import { parseXml } from '../xml/xml-stream.js';
import { rootElementName } from './root-element.js';
import { JunitEvents } from './junit-events.js';

export const junitXmlReader: ReportReader = {
  format: 'junit-xml',

  // NUnit (<test-results>, <test-run>), xUnit.net (<assemblies>) and TRX (<TestRun>) have other
  // root elements, so the root's name alone decides.
  matches(head: string): boolean {
    const root = rootElementName(head);
    return root === 'testsuites' || root === 'testsuite';
  },

  async read(input, sink): Promise<void> {
    const events = new JunitEvents(sink);
    await parseXml(input, events);
    events.finish();
  },
};
