// Istanbul's coverage-summary.json (the json-summary reporter): {"total": {lines, statements,
// functions, branches}, "/abs/file.js": {...}} with {total, covered, skipped, pct} each. Per-file
// counts only, no lines. "total" is the report's header.
import type { CoverageCounts, CoverageHeader, CoverageSink } from '../../../model/raw-coverage.js';
import { readJsonDocument } from '../../../readers/json/json-document.js';
import { hasKeys, scanJsonHead } from '../../../readers/json/json-head.js';
import { isObject, num, requireObject, type JsonObject } from '../../../readers/json/json-value.js';
import { ReportError } from '../../../readers/report-error.js';
import type { ReportInput } from '../../../readers/report-reader.js';
import type { CoverageReader } from '../../coverage-reader.js';

const FORMAT = 'Istanbul coverage-summary.json';
const METRICS = ['lines', 'statements', 'functions', 'branches'] as const;
type Metric = (typeof METRICS)[number];

class Metrics {
  /** The first count that is not a whole number, for the warning. */
  fractional: string | null = null;

  read(entry: JsonObject, metric: Metric, where: string, required: boolean): CoverageCounts | null {
    const value = entry[metric];
    if (value === undefined && !required) return null;
    if (!isObject(value)) throw new ReportError(`not an ${FORMAT}: ${where}.${metric} is ${value === undefined ? 'missing' : 'not an object'}`);
    const valid = num(value.total);
    const covered = num(value.covered);
    if (valid === undefined || covered === undefined || valid < 0 || covered < 0) {
      throw new ReportError(`${where}.${metric}: total and covered must be counts`);
    }
    if (!Number.isInteger(valid) || !Number.isInteger(covered)) this.fractional ??= `${where}.${metric} covered ${covered} of ${valid}`;
    return { covered, valid };
  }
}

export const istanbulJsonSummaryReader: CoverageReader = {
  format: 'istanbul-json-summary',

  matches(head: string): boolean {
    const scanned = scanJsonHead(head);
    return scanned.opener === '{' && hasKeys(scanned, 'total.lines') && (hasKeys(scanned, 'total.statements') || hasKeys(scanned, 'total.branches'));
  },

  async read(input: ReportInput, sink: CoverageSink): Promise<void> {
    const document = requireObject(await readJsonDocument(input), 'the document', FORMAT);
    const metrics = new Metrics();
    const total = requireObject(document.total, 'total', FORMAT);
    const header: CoverageHeader = {};
    for (const metric of METRICS) {
      const counts = metrics.read(total, metric, 'total', metric === 'lines');
      if (counts) header[metric] = counts;
    }
    sink.header(header);
    for (const [path, value] of Object.entries(document)) {
      if (path === 'total') continue;
      const entry = requireObject(value, JSON.stringify(path), FORMAT);
      sink.file({
        path,
        lines: metrics.read(entry, 'lines', path, true) ?? { covered: 0, valid: 0 },
        branches: metrics.read(entry, 'branches', path, false),
        functions: metrics.read(entry, 'functions', path, false),
        statements: metrics.read(entry, 'statements', path, false),
        lineHits: null,
      });
    }
    if (metrics.fractional) sink.warn(`the summary has fractional counts (${metrics.fractional}): a hand-edited or synthetic file`);
  },
};
