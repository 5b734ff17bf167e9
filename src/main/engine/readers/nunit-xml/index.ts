// NUnit XML: NUnit 3 (<test-run>), NUnit 2 (<test-results>), and bare NUnit 3 <test-suite>
// documents some runners write (e.g. one assembly's results).
import type { ReportReader } from '../report-reader.js';
import { parseXml } from '../xml/xml-stream.js';
import { NUNIT_ROOTS, NUnitEvents } from './nunit-events.js';
import { xmlRootName } from '../xml/xml-root.js';

export const nunitXmlReader: ReportReader = {
  format: 'nunit-xml',
  matches(head) {
    const root = xmlRootName(head);
    return root !== null && NUNIT_ROOTS.has(root);
  },
  async read(input, sink) {
    const events = new NUnitEvents(sink);
    await parseXml(input, events);
    events.finish();
  },
};
