// Istanbul's coverage-final.json (nyc, c8, Jest and Vitest `--coverage` with the json reporter):
// {"/abs/path/file.js": {path, statementMap, fnMap, branchMap, s, f, b}, ...}. It has no header.
import type { CoverageSink } from '../../../model/raw-coverage.js';
import { readJsonDocument } from '../../../readers/json/json-document.js';
import { scanJsonHead } from '../../../readers/json/json-head.js';
import { requireObject } from '../../../readers/json/json-value.js';
import type { ReportInput } from '../../../readers/report-reader.js';
import type { CoverageReader } from '../../coverage-reader.js';
import { istanbulFile } from './istanbul-file.js';

const FORMAT = 'Istanbul coverage-final.json';

export const istanbulJsonReader: CoverageReader = {
  format: 'istanbul-json',

  matches(head: string): boolean {
    const scanned = scanJsonHead(head);
    if (scanned.opener !== '{' || scanned.keys.has('numTotalTests') || scanned.keys.has('coverageMap')) return false;
    let map = false;
    let hits = false;
    for (const key of scanned.keys) {
      if (key.endsWith('.statementMap')) map = true;
      else if (key.endsWith('.s') || key.endsWith('.fnMap')) hits = true;
    }
    return map && hits;
  },

  async read(input: ReportInput, sink: CoverageSink): Promise<void> {
    const document = requireObject(await readJsonDocument(input), 'the document', FORMAT);
    for (const [key, value] of Object.entries(document)) sink.file(istanbulFile(key, value, FORMAT));
  },
};
