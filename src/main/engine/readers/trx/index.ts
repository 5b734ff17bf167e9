// Visual Studio / `dotnet test --logger trx` results (<TestRun xmlns=".../TeamTest/2010">).
import type { ReportReader } from '../report-reader.js';
import { parseXml } from '../xml/xml-stream.js';
import { xmlRootName } from '../xml/xml-root.js';
import { TrxEvents } from './trx-events.js';

export const trxReader: ReportReader = {
  format: 'trx',
  matches(head) {
    return xmlRootName(head) === 'TestRun';
  },
  async read(input, sink) {
    const events = new TrxEvents(sink);
    await parseXml(input, events);
    events.finish();
  },
};
