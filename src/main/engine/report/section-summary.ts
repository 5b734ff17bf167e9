// The report's header (project, period, the two runs and their files) and the before/after
// table. Tables are never cut: only the list of source files inside a cell is folded.
import type { GoalsOutcome } from '../../../shared/report-types.js';
import { GOAL_STATUS_LABEL } from '../../../shared/report-types.js';
import { formatDuration, passRate } from '../../../shared/run-figures.js';
import type { RunSummary, Totals } from '../../../shared/types.js';
import { Fold, signed, when } from './fold.js';
import { blocks, code, heading, table } from './markdown.js';
import type { ReportData } from './report-data.js';

const MAX_SOURCES_SHOWN = 3;

function sourcesCell(run: RunSummary, fold: Fold): string {
  const { shown, hidden } = fold.take(run.sources, Math.min(fold.limit, MAX_SOURCES_SHOWN));
  const listed = shown.map((path) => code(path, 'table')).join(', ');
  if (run.sources.length === 0) return 'none recorded';
  return hidden > 0 ? `${listed}${listed ? ', ' : ''}and ${hidden} more` : listed;
}

function goalsLine(goals: GoalsOutcome): string {
  if (goals.error) return 'Goals: the goals file could not be used (see Goals).';
  if (goals.source === null) return 'Goals: NO DATA (no goals file found; see Goals).';
  const counts = (['met', 'not_met', 'no_data'] as const).map((status) => `${goals.results.filter((result) => result.status === status).length} ${GOAL_STATUS_LABEL[status]}`);
  return `Goals: ${counts.join(', ')} (see Goals).`;
}

export function headerSection(data: ReportData, fold: Fold): string {
  const { before, after, period } = data;
  const span =
    before.id === after.id
      ? `one run, ${code(after.id)} (${when(after)})`
      : `${when(period[0] ?? before)} to ${when(period.at(-1) ?? after)}: ${period.length} runs of ${code(data.project)}, from ${code(before.id)} to ${code(after.id)}`;
  const runs = table(
    [{ header: 'role' }, { header: 'run' }, { header: 'started' }, { header: 'format' }, { header: 'source files' }],
    [
      ['before', code(before.id, 'table'), when(before), code(before.format, 'table'), sourcesCell(before, fold)],
      ['after', code(after.id, 'table'), when(after), code(after.format, 'table'), sourcesCell(after, fold)],
    ],
  );
  return blocks(
    heading(1, `Handoff report: ${code(data.project)}`),
    `Period: ${span}. Every figure below comes from a stored run and names it.`,
    goalsLine(data.goals),
    runs,
  );
}

const rate = (totals: Totals): number | null => (totals.tests === 0 ? null : (totals.passed / totals.tests) * 100);

function durationChange(before: number | null, after: number | null): string {
  if (before === null || after === null) return 'n/a';
  const delta = after - before;
  return `${delta > 0 ? '+' : delta < 0 ? '-' : ''}${formatDuration(Math.abs(delta))}`;
}

export function beforeAfterSection(data: ReportData): string {
  const b = data.before.totals;
  const a = data.after.totals;
  const count = (label: string, key: keyof Totals): string[] => [label, String(b[key]), String(a[key]), signed(a[key] - b[key])];
  const beforeRate = rate(b);
  const afterRate = rate(a);
  const points = beforeRate === null || afterRate === null ? 'n/a (a run without tests)' : `${signed(afterRate - beforeRate, 1)} points`;
  return blocks(
    heading(2, 'Before and after'),
    table(
      [{ header: ' ' }, { header: `before ${code(data.before.id, 'table')}`, align: 'right' }, { header: `after ${code(data.after.id, 'table')}`, align: 'right' }, { header: 'change', align: 'right' }],
      [
        count('tests', 'tests'),
        count('passed', 'passed'),
        count('failed', 'failed'),
        count('errored', 'errored'),
        count('skipped', 'skipped'),
        ['pass rate', passRate(b), passRate(a), points],
        ['duration', formatDuration(data.before.durationMs), formatDuration(data.after.durationMs), durationChange(data.before.durationMs, data.after.durationMs)],
      ],
    ),
  );
}
