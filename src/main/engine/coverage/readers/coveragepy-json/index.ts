// coverage.py's `coverage json`: {"meta": {version, timestamp, branch_coverage...},
// "files": {"core/models.py": {...}}, "totals": {...}}. "totals" is the report's header.
import type { CoverageSink } from '../../../model/raw-coverage.js';
import { readJsonDocument } from '../../../readers/json/json-document.js';
import { hasKeys, scanJsonHead } from '../../../readers/json/json-head.js';
import { isObject, isoFromText, requireObject, str } from '../../../readers/json/json-value.js';
import type { ReportInput } from '../../../readers/report-reader.js';
import type { CoverageReader } from '../../coverage-reader.js';
import { coveragepyFile, summaryCounts } from './coveragepy-file.js';

const FORMAT = 'coverage.py JSON';

export const coveragepyJsonReader: CoverageReader = {
  format: 'coveragepy-json',

  matches(head: string): boolean {
    const scanned = scanJsonHead(head);
    return (
      scanned.opener === '{' &&
      hasKeys(scanned, 'meta', 'files') &&
      (hasKeys(scanned, 'meta.version') || hasKeys(scanned, 'meta.format') || hasKeys(scanned, 'meta.branch_coverage'))
    );
  },

  async read(input: ReportInput, sink: CoverageSink): Promise<void> {
    const document = requireObject(await readJsonDocument(input), 'the document', FORMAT);
    const meta = isObject(document.meta) ? document.meta : {};
    const version = str(meta.version);
    // coverage.py writes local time without a zone: only a stamp that names its zone is a time.
    const stamp = str(meta.timestamp);
    const zoned = stamp !== undefined && /(Z|[+-]\d{2}:?\d{2})$/.test(stamp);
    sink.info({ startedAt: zoned ? isoFromText(stamp) : undefined, tool: version ? `coverage.py ${version}` : undefined });
    const files = requireObject(document.files, 'files', FORMAT);
    for (const [path, value] of Object.entries(files)) sink.file(coveragepyFile(path, value));
    if (isObject(document.totals)) {
      const totals = summaryCounts(document.totals, 'totals');
      sink.header(totals.branches ? { lines: totals.lines, branches: totals.branches } : { lines: totals.lines });
    }
  },
};
