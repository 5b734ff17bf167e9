// JaCoCo's <counter type="LINE" missed="15" covered="12"/>: at report, group, package, class,
// method and source-file level. We read the report's (its header) and each source file's.
import type { CoverageCounts, CoverageHeader } from '../../../model/raw-coverage.js';
import { count } from '../numbers.js';

export type CounterType = 'INSTRUCTION' | 'BRANCH' | 'LINE' | 'COMPLEXITY' | 'METHOD' | 'CLASS';

export type Counters = Partial<Record<CounterType, CoverageCounts>>;

const TYPES = new Set<string>(['INSTRUCTION', 'BRANCH', 'LINE', 'COMPLEXITY', 'METHOD', 'CLASS']);

function isCounterType(type: string | undefined): type is CounterType {
  return type !== undefined && TYPES.has(type);
}

/** Adds one <counter> to `into`; unknown types are ignored (JaCoCo may add some). */
export function addCounter(into: Counters, attributes: Record<string, string>, where: string): void {
  const type = attributes.type;
  if (!isCounterType(type)) return;
  const missed = count(attributes.missed, `${where} counter ${type} missed`);
  const covered = count(attributes.covered, `${where} counter ${type} covered`);
  into[type] = { covered, valid: covered + missed };
}

export function counterHeader(counters: Counters): CoverageHeader | null {
  const header: CoverageHeader = {};
  if (counters.LINE) header.lines = { ...counters.LINE };
  if (counters.BRANCH) header.branches = { ...counters.BRANCH };
  if (counters.METHOD) header.functions = { ...counters.METHOD };
  if (counters.INSTRUCTION) header.instructions = { ...counters.INSTRUCTION };
  return Object.keys(header).length > 0 ? header : null;
}
