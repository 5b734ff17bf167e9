// "Still failing, by root cause": each group of the after run with its category, evidence, the
// tests it blocks, since when it has been failing, and a next step; cascades under their cause; ranked
// by tests unblocked. Without root-cause analysis the section says NO DATA and shows only what
// the data does support: the failures grouped by their message, and which of those groups are
// new, persisting or resolved since the before run.
import type { GroupMatch, RunComparison } from '../../../shared/compare-types.js';
import type { ResultFacts } from '../store/compare-queries.js';
import { Fold, when } from './fold.js';
import { blocks, bullets, clip, code, heading, table } from './markdown.js';
import { nextStep } from './next-step.js';
import type { ReportData } from './report-data.js';
import type { RootCauseGroup } from './root-cause-source.js';
import { testLabel } from './section-changes.js';

const TITLE_CHARS = 120;
const MAX_EVIDENCE = 3;

function labelOf(results: ReadonlyMap<string, ResultFacts>, id: string): string {
  const test = results.get(id);
  return test ? testLabel(test) : code(id);
}

function groupBlock(group: RootCauseGroup, rank: string, cascades: readonly RootCauseGroup[], data: ReportData, fold: Fold, results: ReadonlyMap<string, ResultFacts>): string {
  const title = code(clip(group.title, TITLE_CHARS));
  const since = data.failingSince(group);
  const seen = !since
    ? 'failing since: NO DATA'
    : since.capped
      ? `failing in each of the last ${since.runs} runs, since ${code(since.runId)} (${when(since.startedAt)}) or earlier`
      : `failing since ${code(since.runId)} (${when(since.startedAt)}), ${since.runs} run${since.runs === 1 ? '' : 's'} in a row`;
  const evidence = fold.take(group.evidence, Math.min(MAX_EVIDENCE, Math.max(1, fold.limit)));
  const tests = fold.take(group.tests);
  const firstTest = group.tests[0];
  const lines = [
    `${group.tests.length} failing test${group.tests.length === 1 ? '' : 's'} in ${code(data.after.id)}; blocks ${group.blocks}; confidence ${group.confidence.toFixed(2)}; ${seen}`,
    ...evidence.shown.map((line) => `evidence: ${code(clip(line, 200))}`),
    ...(evidence.hidden > 0 ? [`… and ${evidence.hidden} more evidence lines (${code(`vigil failures ${data.after.id} --json`)})`] : []),
    `tests: ${tests.shown.map((id) => labelOf(results, id)).join(', ')}${tests.hidden > 0 ? `, and ${tests.hidden} more` : ''}`,
    `next step: ${nextStep({ category: group.category, title: group.title, example: firstTest ? labelOf(results, firstTest) : null, blocks: group.blocks }, title)}`,
    ...cascades.map((cascade) => `cascade: ${code(clip(cascade.title, TITLE_CHARS))}: ${cascade.tests.length} test${cascade.tests.length === 1 ? '' : 's'} fail because of this group (${code(cascade.id)})`),
  ];
  return blocks(heading(3, `${rank}. ${code(group.category)}: ${title}`), bullets(lines));
}

function analysedSection(groups: readonly RootCauseGroup[], data: ReportData, fold: Fold): string {
  const results = new Map(data.afterResults.map((result) => [result.id, result]));
  const byId = new Map(groups.map((group) => [group.id, group]));
  // A cascade is listed under the group it follows from, when that group is in this run.
  const causes = groups.filter((group) => group.cascadeOf === null || !byId.has(group.cascadeOf));
  const ranked = [...causes].sort((a, b) => b.blocks - a.blocks || b.tests.length - a.tests.length || a.title.localeCompare(b.title));
  const shown = fold.take(ranked);
  const parts = shown.shown.map((group, index) =>
    groupBlock(group, String(index + 1), groups.filter((other) => other.cascadeOf === group.id), data, fold, results),
  );
  const failing = data.afterResults.filter((test) => test.status === 'failed' || test.status === 'errored').length;
  return blocks(
    heading(2, 'Still failing, by root cause'),
    `${failing} failing tests in ${code(data.after.id)}, in ${groups.length} groups (one group = one thing to fix), ranked by tests unblocked.`,
    ...parts,
    shown.hidden > 0 ? `… and ${shown.hidden} more groups (${code(`vigil failures ${data.after.id} --json`)})` : null,
  );
}

function matchRows(matches: readonly GroupMatch[], state: (match: GroupMatch) => string): string[][] {
  return matches.map((match) => [code(clip(match.title, TITLE_CHARS), 'table'), state(match), String(match.beforeTests.length), String(match.afterTests.length)]);
}

/** A group gone from the after run is only "fixed" for the tests that pass there. */
function goneState(comparison: RunComparison): (match: GroupMatch) => string {
  const fixed = new Set(comparison.fixed);
  const skipped = new Set(comparison.skippedWhileFailing);
  const removed = new Set(comparison.removedWhileFailing);
  return (match) => {
    const count = (set: Set<string>): number => match.beforeTests.filter((id) => set.has(id)).length;
    const parts = [`${count(fixed)} fixed`, `${count(skipped)} skipped`, `${count(removed)} removed`];
    return `gone: ${parts.join(', ')}`;
  };
}

function unanalysedSection(comparison: RunComparison, fold: Fold): string {
  const { groups } = comparison;
  const rows = [...matchRows(groups.new, () => 'new'), ...matchRows(groups.persisting, () => 'persisting'), ...matchRows(groups.resolved, goneState(comparison))];
  const shown = fold.take(rows);
  const folded = shown.hidden > 0 ? [[`… and ${shown.hidden} more groups`, ' ', ' ', ' ']] : [];
  return blocks(
    heading(2, 'Still failing, by root cause'),
    `**Root causes: NO DATA.** No root-cause analysis is stored for ${code(comparison.after.id)}, so no failure here has a category, evidence or a blocks count.`,
    rows.length === 0
      ? `Neither run has a failing test.`
      : `What the data does show: the failures of both runs grouped by the first line of their message (a plain assertion is a group of its own), ${groups.new.length} new, ${groups.persisting.length} persisting and ${groups.resolved.length} gone from ${code(comparison.after.id)} (fixed, skipped or removed: the table says which).`,
    rows.length === 0
      ? null
      : table(
          [{ header: 'failure (first message line)' }, { header: 'group' }, { header: `tests in ${code(comparison.before.id, 'table')}`, align: 'right' }, { header: `tests in ${code(comparison.after.id, 'table')}`, align: 'right' }],
          [...shown.shown, ...folded],
        ),
  );
}

export function rootCauseSection(data: ReportData, fold: Fold): string {
  return data.rootCauses === null ? unanalysedSection(data.comparison, fold) : analysedSection(data.rootCauses, data, fold);
}
