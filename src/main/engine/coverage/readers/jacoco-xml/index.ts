// JaCoCo XML (jacoco:report, Gradle's jacocoTestReport): <report> with packages, classes,
// source files, <line> elements and <counter>s at every level. The report-level counters are
// its header; the run's totals come from the source files.
import type { CoverageSink } from '../../../model/raw-coverage.js';
import type { ReportInput } from '../../../readers/report-reader.js';
import { parseXml } from '../../../readers/xml/xml-stream.js';
import type { CoverageReader } from '../../coverage-reader.js';
import { xmlHead } from '../xml-head.js';
import { JacocoEvents } from './jacoco-events.js';

export const jacocoXmlReader: CoverageReader = {
  format: 'jacoco-xml',

  matches(head: string): boolean {
    const found = xmlHead(head);
    if (!found || found.root !== 'report') return false;
    return /JACOCO/i.test(found.doctype) || /<(sessioninfo|package|group)[\s/>]|<counter\s+type=/.test(head);
  },

  async read(input: ReportInput, sink: CoverageSink): Promise<void> {
    const events = new JacocoEvents(sink);
    await parseXml(input, events);
    events.finish();
  },
};
