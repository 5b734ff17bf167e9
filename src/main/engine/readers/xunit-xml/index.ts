// xUnit.net XML (v1 <assembly>, v2/v3 <assemblies>), also written by Fixie's XUnitXmlReport.
import type { ReportReader } from '../report-reader.js';
import { parseXml } from '../xml/xml-stream.js';
import { xmlRoot } from '../xml/xml-root.js';
import { XUNIT_ROOTS, XunitEvents } from './xunit-events.js';

export const xunitXmlReader: ReportReader = {
  format: 'xunit-xml',
  matches(head) {
    const root = xmlRoot(head);
    if (root === null || !XUNIT_ROOTS.has(root.name)) return false;
    // A bare <assembly> is also the root of Windows side-by-side manifests (app.manifest); only
    // xUnit's carries run-date= / test-framework=.
    return root.name === 'assemblies' || /\s(run-date|test-framework)\s*=/.test(root.startTag);
  },
  async read(input, sink) {
    const events = new XunitEvents(sink);
    await parseXml(input, events);
    events.finish();
  },
};
