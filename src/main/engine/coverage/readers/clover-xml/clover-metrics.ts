// Clover's <metrics statements coveredstatements conditionals coveredconditionals methods
// coveredmethods .../>, at project, package and file level.
import type { CoverageCounts, CoverageHeader } from '../../../model/raw-coverage.js';
import { optionalCount } from '../numbers.js';

export interface CloverMetrics {
  statements: CoverageCounts | null;
  conditionals: CoverageCounts | null;
  methods: CoverageCounts | null;
}

function pair(attributes: Record<string, string>, valid: string, covered: string, where: string): CoverageCounts | null {
  const v = optionalCount(attributes[valid], `${where} <metrics ${valid}>`);
  const c = optionalCount(attributes[covered], `${where} <metrics ${covered}>`);
  if (v === undefined || c === undefined) return null;
  return { covered: c, valid: v };
}

export function cloverMetrics(attributes: Record<string, string>, where: string): CloverMetrics {
  return {
    statements: pair(attributes, 'statements', 'coveredstatements', where),
    conditionals: pair(attributes, 'conditionals', 'coveredconditionals', where),
    methods: pair(attributes, 'methods', 'coveredmethods', where),
  };
}

/** Clover states statements, conditionals and methods; it has no line totals. */
export function metricsHeader(metrics: CloverMetrics): CoverageHeader | null {
  const header: CoverageHeader = {};
  if (metrics.statements) header.statements = { ...metrics.statements };
  if (metrics.conditionals) header.branches = { ...metrics.conditionals };
  if (metrics.methods) header.functions = { ...metrics.methods };
  return Object.keys(header).length > 0 ? header : null;
}
