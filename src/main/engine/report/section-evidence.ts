// The report's last three sections: flaky tests over the period, coverage, and the goals. Each
// says NO DATA in so many words when no stored run holds its figures.
import { filesByMovement } from '../compare/coverage-source.js';
import { GOAL_STATUS_LABEL } from '../../../shared/report-types.js';
import { Fold, signed } from './fold.js';
import { blocks, code, heading, plain, table } from './markdown.js';
import type { ReportData } from './report-data.js';
import { testLabel } from './section-changes.js';

const pct = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

export function flakySection(data: ReportData, fold: Fold): string {
  const title = heading(2, 'Flaky tests');
  const period = `the ${data.period.length} runs from ${code(data.before.id)} to ${code(data.after.id)}`;
  if (data.flaky === null) return blocks(title, `**Flaky tests: NO DATA.** No root-cause analysis is stored for ${period}, so no test is called flaky here.`);
  const { window, tests } = data.flaky;
  const first = window[0];
  const last = window.at(-1);
  const over =
    window.length === data.period.length || !first || !last
      ? period
      : `the last ${window.length} of ${period} (${code(first.id)} to ${code(last.id)})`;
  if (window.length < 3) return blocks(title, `**Flaky tests: NO DATA.** ${window.length} run(s) in ${period}; telling a flip from a fix needs at least 3.`);
  if (tests.length === 0) return blocks(title, `No test flipped between failing and passing often enough to be called flaky in ${over}.`);
  const ranked = [...tests].sort((a, b) => b.low - a.low || b.flips - a.flips || a.name.localeCompare(b.name));
  const { shown, hidden } = fold.take(ranked);
  const rows = shown.map((test) => [
    testLabel(test, 'table'),
    `${test.flips}/${test.pairs}`,
    pct(test.flips / Math.max(1, test.pairs)),
    `${pct(test.low)} to ${pct(test.high)}`,
  ]);
  if (hidden > 0) rows.push([`… and ${hidden} more`, ' ', ' ', ' ']);
  return blocks(
    title,
    `Tests that flipped between failing and passing in ${over}. Flip rate = flips / pairs of consecutive runs that ran the test (skips left out, pairs on different commits left out); the interval is the 95% Wilson interval, wide when few runs are behind it.`,
    table([{ header: 'test' }, { header: 'flips/pairs', align: 'right' }, { header: 'flip rate', align: 'right' }, { header: '95% interval' }], rows),
  );
}

export function coverageSection(data: ReportData, fold: Fold): string {
  const title = heading(2, 'Coverage');
  const coverage = data.comparison.coverage;
  if (coverage === null) return blocks(title, `**Coverage: NO DATA.** Neither ${code(data.before.id)} nor ${code(data.after.id)} has coverage.`);
  const side = (rate: number | null, id: string): string => (rate === null ? `NO DATA (${code(id, 'table')} has none)` : pct(rate));
  const change = (before: number | null, after: number | null): string => (before === null || after === null ? 'n/a' : `${signed((after - before) * 100, 1)} points`);
  const lines = (run: typeof data.before): string => (run.coverage ? `${run.coverage.linesCovered}/${run.coverage.linesValid} lines` : ' ');
  const totals = table(
    [{ header: ' ' }, { header: `before ${code(data.before.id, 'table')}`, align: 'right' }, { header: `after ${code(data.after.id, 'table')}`, align: 'right' }, { header: 'change', align: 'right' }],
    [
      ['line rate', side(coverage.before, data.before.id), side(coverage.after, data.after.id), change(coverage.before, coverage.after)],
      ['lines covered', lines(data.before), lines(data.after), ' '],
    ],
  );
  const moved = filesByMovement(coverage);
  const { shown, hidden } = fold.take(moved);
  const rows = shown.map((file) => [
    code(file.path, 'table'),
    file.before === null ? 'absent' : pct(file.before),
    file.after === null ? 'absent' : pct(file.after),
    change(file.before, file.after),
  ]);
  if (hidden > 0) rows.push([`… and ${hidden} more files`, ' ', ' ', ' ']);
  return blocks(
    title,
    totals,
    moved.length === 0 ? null : heading(3, `Files that moved (${moved.length} file${moved.length === 1 ? '' : 's'}, largest change first)`),
    moved.length === 0 ? null : table([{ header: 'file' }, { header: 'before', align: 'right' }, { header: 'after', align: 'right' }, { header: 'change', align: 'right' }], rows),
  );
}

export function goalsSection(data: ReportData): string {
  const title = heading(2, 'Goals');
  const { goals } = data;
  if (goals.error) return blocks(title, `**Goals: NO DATA.** The goals file could not be used: ${code(goals.error)}`);
  if (goals.source === null) {
    const looked = goals.searched.length > 0 ? ` (looked for ${goals.searched.map((path) => code(path)).join(', ')})` : ' (the project root is not known)';
    return blocks(title, `**Goals: NO DATA.** No ${code('vigil.goals.json')} was found${looked}.`);
  }
  if (goals.results.length === 0) return blocks(title, `${code(goals.source)} declares no goals.`);
  const rows = goals.results.map((result) => [
    String(result.index + 1),
    plain(result.name),
    plain(result.target),
    result.actual === null ? 'NO DATA' : plain(result.actual),
    `**${GOAL_STATUS_LABEL[result.status]}**`,
    result.runIds.map((id) => code(id, 'table')).join(', ') || ' ',
    plain(result.detail),
  ]);
  return blocks(
    title,
    `From ${code(goals.source)}, checked against ${code(data.after.id)}:`,
    table([{ header: '#', align: 'right' }, { header: 'goal' }, { header: 'target' }, { header: 'found' }, { header: 'status' }, { header: 'runs' }, { header: 'from' }], rows),
  );
}
