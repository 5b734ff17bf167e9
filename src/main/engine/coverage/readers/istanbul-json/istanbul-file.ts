// One Istanbul FileCoverage object ({path, statementMap, fnMap, branchMap, s, f, b}) as
// istanbul-lib-coverage summarises it: a line is the start line of a statement, with the
// largest count of the statements starting on it (getLineCoverage); statements, functions and
// branches are counted entry by entry (computeSimpleTotals, computeBranchTotals).
import type { CoverageCounts, RawFileCoverage } from '../../../model/raw-coverage.js';
import { ReportError } from '../../../readers/report-error.js';
import { isObject, num, str, type JsonObject } from '../../../readers/json/json-value.js';
import { LineTable } from '../../line-table.js';

function objectAt(owner: JsonObject, key: string, where: string, required: boolean): JsonObject | null {
  const value = owner[key];
  if (value === undefined && !required) return null;
  if (!isObject(value)) throw new ReportError(`${where}: ${key} is ${value === undefined ? 'missing' : 'not an object'}`);
  return value;
}

function hitsOf(value: unknown, where: string): number {
  const hits = num(value);
  if (hits === undefined || hits < 0) throw new ReportError(`${where}: ${JSON.stringify(value)} is not a count`);
  return hits;
}

function counted(values: Iterable<number>): CoverageCounts {
  const counts = { covered: 0, valid: 0 };
  for (const value of values) {
    counts.valid += 1;
    if (value > 0) counts.covered += 1;
  }
  return counts;
}

/** True when `value` looks like an Istanbul FileCoverage (or the old {data: FileCoverage} wrapper). */
export function isFileCoverage(value: unknown): boolean {
  return isObject(value) && (isObject(value.statementMap) || (isObject(value.data) && isObject(value.data.statementMap)));
}

export function istanbulFile(key: string, value: unknown, where: string): RawFileCoverage {
  if (!isObject(value)) throw new ReportError(`${where}: the coverage of ${JSON.stringify(key)} is not an object`);
  // istanbul-lib-coverage still accepts the pre-1.0 {data: {...}} wrapper.
  const data = !isObject(value.statementMap) && isObject(value.data) ? value.data : value;
  const at = `${where} ${JSON.stringify(key)}`;
  const statementMap = objectAt(data, 'statementMap', at, true) ?? {};
  const statementHits = objectAt(data, 's', at, true) ?? {};
  const table = new LineTable();
  const statementCounts: number[] = [];
  for (const [id, raw] of Object.entries(statementHits)) {
    const hits = hitsOf(raw, `${at} s.${id}`);
    statementCounts.push(hits);
    const location = statementMap[id];
    if (!isObject(location) || !isObject(location.start)) continue; // istanbul skips these too
    const line = num(location.start.line);
    if (line === undefined) throw new ReportError(`${at} statementMap.${id}: start.line is not a number`);
    table.line(line, hits);
  }
  const functionHits = objectAt(data, 'f', at, false);
  const branchHits = objectAt(data, 'b', at, false);
  let branches: CoverageCounts | null = null;
  if (branchHits) {
    branches = { covered: 0, valid: 0 };
    for (const [id, raw] of Object.entries(branchHits)) {
      if (!Array.isArray(raw)) throw new ReportError(`${at} b.${id}: not an array of counts`);
      for (const [index, hit] of raw.entries()) {
        branches.valid += 1;
        if (hitsOf(hit, `${at} b.${id}[${index}]`) > 0) branches.covered += 1;
      }
    }
  }
  return table.toFile(str(data.path) ?? key, {
    branches,
    functions: functionHits ? counted(Object.entries(functionHits).map(([id, hit]) => hitsOf(hit, `${at} f.${id}`))) : null,
    statements: counted(statementCounts),
  });
}
