// `vigil compare BEFORE AFTER [--json]` (../shared/CLI.md): what was fixed, what regressed,
// what still fails, and what was added, removed or skipped between two runs of a project.
import type { RunComparison } from '../../../shared/compare-types.js';
import type { Command } from '../command.js';
import { COMMON_OPTIONS } from '../command.js';
import { EXIT_OK, UsageError, printJson } from '../cli-io.js';
import { passRate } from '../format-run.js';
import { withEngine } from '../open-cli-engine.js';

const SHOWN_PER_LIST = 50;

function label(comparison: RunComparison, id: string): string {
  const test = comparison.tests[id];
  if (!test) return id;
  const name = test.suite ? `${test.suite} › ${test.name}` : test.name;
  const move = `${test.before ?? 'absent'} → ${test.after ?? 'absent'}`;
  return `${name}  (${move})`;
}

export function comparisonText(c: RunComparison): string {
  const lines = [
    `before  ${c.before.id}  ${c.before.startedAt}  ${passRate(c.before.totals)}`,
    `after   ${c.after.id}  ${c.after.startedAt}  ${passRate(c.after.totals)}`,
    `fixed ${c.fixed.length}, regressed ${c.regressed.length}, still failing ${c.stillFailing.length}, added ${c.added.length}, removed ${c.removed.length}, newly skipped ${c.newlySkipped.length}`,
    c.failingBefore.length === 0
      ? `no test was failing in ${c.before.id}`
      : `of the ${c.failingBefore.length} tests failing in ${c.before.id}: ${c.fixed.length} fixed, ${c.stillFailing.length} still failing, ${c.skippedWhileFailing.length} skipped and ${c.removedWhileFailing.length} removed (neither counts as fixed)`,
  ];
  const section = (title: string, ids: readonly string[]): void => {
    if (ids.length === 0) return;
    lines.push('', `${title} (${ids.length})`, ...ids.slice(0, SHOWN_PER_LIST).map((id) => `  ${label(c, id)}`));
    if (ids.length > SHOWN_PER_LIST) lines.push(`  ... and ${ids.length - SHOWN_PER_LIST} more (--json lists all)`);
  };
  section('FIXED', c.fixed);
  section('REGRESSED', c.regressed);
  section('STILL FAILING', c.stillFailing);
  section('NEWLY SKIPPED', c.newlySkipped);
  section('REMOVED', c.removed);
  section('ADDED', c.added);
  const g = c.groups;
  lines.push('', `failure groups (${g.source === 'analysis' ? 'root-cause analysis' : 'by message; no root-cause analysis'}): ${g.resolved.length} resolved, ${g.new.length} new, ${g.persisting.length} persisting`);
  const coverage = c.coverage;
  const rate = (value: number | null): string => (value === null ? 'none' : `${(value * 100).toFixed(1)}%`);
  lines.push(coverage === null ? 'coverage: neither run has coverage' : `coverage: ${rate(coverage.before)} → ${rate(coverage.after)} (${coverage.files.length} files)`);
  return `${lines.join('\n')}\n`;
}

export const compareCommand: Command = {
  name: 'compare',
  usage: 'vigil compare BEFORE AFTER [--project NAME] [--db PATH] [--json]   (runs: id, first, latest, latest~N, YYYY-MM-DD)',
  summary: 'Compare two runs: fixed, regressed, still failing, added, removed, newly skipped, coverage',
  options: { ...COMMON_OPTIONS, project: { type: 'string' } },
  async run(args, io) {
    const [before, after, ...extra] = args.positionals;
    if (!before || !after || extra.length > 0) throw new UsageError('compare takes exactly two runs, BEFORE and AFTER');
    const project = typeof args.values.project === 'string' ? args.values.project : undefined;
    const comparison = await withEngine(args, (engine) => engine.compareRuns({ before, after, project }));
    if (args.values.json) printJson(io, comparison);
    else io.stdout.write(comparisonText(comparison));
    return EXIT_OK;
  },
};
