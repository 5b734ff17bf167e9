// Coverage fixtures: ../shared/fixtures entries of the coverage formats, and reading one file
// with one reader the way ingest does (detection, reading, header check).
import { join } from 'node:path';
import type { CoverageReader } from '../../src/main/engine/coverage/coverage-reader.js';
import { readCoverage, readCoverageWith } from '../../src/main/engine/coverage/read-coverage.js';
import { readHead } from '../../src/main/engine/ingest/read-report.js';
import { totalsOf } from '../../src/main/engine/coverage/coverage-totals.js';
import type { CoverageTotals, ParsedCoverage } from '../../src/main/engine/model/file-coverage.js';
import { REPO_ROOT, expectedEntries, fixturePath, type ExpectedEntry } from './fixtures.js';

/** Our own fixtures made with real tools (test/fixtures/coverage/README.md). */
export const OWN_COVERAGE = join(REPO_ROOT, 'test', 'fixtures', 'coverage');

export function coverageEntries(format: string): [string, ExpectedEntry][] {
  return Object.entries(expectedEntries()).filter(([, entry]) => entry.format === format);
}

export interface ReadFixture {
  parsed: ParsedCoverage;
  totals: CoverageTotals;
}

export async function readWith(path: string, reader: CoverageReader): Promise<ReadFixture> {
  const parsed = await readCoverage(path, [reader]);
  return { parsed, totals: totalsOf(parsed.files) };
}

/** Reads with `reader` without detection: for content that detection alone would turn away. */
export async function readForced(path: string, reader: CoverageReader): Promise<ReadFixture> {
  const parsed = await readCoverageWith(path, await readHead(path), reader);
  return { parsed, totals: totalsOf(parsed.files) };
}

export async function readFixture(relative: string, reader: CoverageReader): Promise<ReadFixture> {
  return readWith(fixturePath(relative), reader);
}

/** A number from an expected.json figure (they are numbers or absent). */
export function stated(figure: unknown, key: string): number | undefined {
  if (typeof figure !== 'object' || figure === null) return undefined;
  const value = (figure as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
}
