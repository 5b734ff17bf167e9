// Clover XML (OpenClover, Istanbul's clover reporter, PHPUnit --coverage-clover):
// <coverage generated clover><project><metrics/><package><file><line/></file>.
import type { CoverageSink } from '../../../model/raw-coverage.js';
import type { ReportInput } from '../../../readers/report-reader.js';
import { parseXml } from '../../../readers/xml/xml-stream.js';
import type { CoverageReader } from '../../coverage-reader.js';
import { hasAttribute, xmlHead } from '../xml-head.js';
import { CloverEvents } from './clover-events.js';

export const cloverXmlReader: CoverageReader = {
  format: 'clover-xml',

  matches(head: string): boolean {
    const found = xmlHead(head);
    if (!found || found.root !== 'coverage') return false;
    return hasAttribute(found.startTag, 'clover') || /<project[\s>]/.test(head);
  },

  async read(input: ReportInput, sink: CoverageSink): Promise<void> {
    await parseXml(input, new CloverEvents(sink));
  },
};
