// Cobertura XML as coverage.py, Istanbul, Cobertura itself, gocover-cobertura and many CI tools
// write it: <coverage line-rate=...><sources/><packages><package><classes><class filename=...>
// <lines><line number hits condition-coverage/>. Files are named relative to a <source>.
import type { CoverageSink } from '../../../model/raw-coverage.js';
import type { ReportInput } from '../../../readers/report-reader.js';
import { parseXml } from '../../../readers/xml/xml-stream.js';
import type { CoverageReader } from '../../coverage-reader.js';
import { hasAttribute, xmlHead } from '../xml-head.js';
import { CoberturaEvents } from './cobertura-events.js';

export const coberturaXmlReader: CoverageReader = {
  format: 'cobertura-xml',

  matches(head: string): boolean {
    const found = xmlHead(head);
    if (!found || found.root !== 'coverage') return false;
    // Clover's root is <coverage> too, with a clover= attribute and a <project> inside.
    if (hasAttribute(found.startTag, 'clover') || /<project[\s>]/.test(head)) return false;
    return (
      hasAttribute(found.startTag, 'line-rate') ||
      hasAttribute(found.startTag, 'lines-valid') ||
      /<(packages|sources)[\s>]/.test(head) ||
      /cobertura/i.test(found.doctype)
    );
  },

  async read(input: ReportInput, sink: CoverageSink): Promise<void> {
    const events = new CoberturaEvents(sink);
    await parseXml(input, events);
    events.finish();
  },
};
