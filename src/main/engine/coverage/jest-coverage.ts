// `jest --json --coverage` writes the run's coverage inside the test report, as coverageMap:
// Istanbul FileCoverage objects keyed by path, the same data as coverage-final.json. The Jest
// test reader claims the file (it is a test report first); ingest then reads its coverage map
// here so the run carries its coverage without a second source file.
import { createHash } from 'node:crypto';
import type { ParsedCoverage } from '../model/file-coverage.js';
import type { ParsedReport } from '../model/normalised-report.js';
import { fileInput } from '../ingest/read-report.js';
import { readJsonDocument } from '../readers/json/json-document.js';
import { requireObject } from '../readers/json/json-value.js';
import { CollectingCoverageSink } from './collecting-coverage-sink.js';
import { istanbulFile } from './readers/istanbul-json/istanbul-file.js';

const FORMAT = 'Jest JSON coverageMap';

/** The coverage of a Jest JSON report, or null when it has no coverageMap. Throws ReportError when it is bad. */
export async function readJestCoverage(report: ParsedReport): Promise<ParsedCoverage | null> {
  const document = requireObject(await readJsonDocument(fileInput(report.path, createHash('sha256'))), 'the document', FORMAT);
  if (document.coverageMap === undefined || document.coverageMap === null) return null;
  const map = requireObject(document.coverageMap, 'coverageMap', FORMAT);
  const sink = new CollectingCoverageSink();
  for (const [key, value] of Object.entries(map)) sink.file(istanbulFile(key, value, FORMAT));
  return {
    path: report.path,
    format: 'jest-coverage-map',
    size: report.size,
    mtimeMs: report.mtimeMs,
    sha256: report.sha256,
    info: { startedAt: report.info.startedAt },
    header: null,
    files: sink.files,
    warnings: [],
  };
}
