// "What changed": the counts first (a table, never folded), then each list, folded to the
// limit with the number left out. The before run's failures are accounted for one by one, so
// a skipped or deleted failing test reads as what it is, not as a fix.
import type { ComparedTest, RunComparison } from '../../../shared/compare-types.js';
import type { TestStatus } from '../../../shared/types.js';
import { Fold } from './fold.js';
import { blocks, bullets, clip, code, heading, table } from './markdown.js';

const MESSAGE_CHARS = 160;

export function testLabel(test: { suite: string; name: string }, context: 'text' | 'table' = 'text'): string {
  return code(test.suite ? `${test.suite} › ${test.name}` : test.name, context);
}

const status = (value: TestStatus | null): string => value ?? 'absent';

function item(comparison: RunComparison, id: string, show: { transition?: boolean; message?: boolean; note?: string }): string {
  const test: ComparedTest | undefined = comparison.tests[id];
  if (!test) return code(id);
  const parts = [testLabel(test)];
  if (show.transition) parts.push(`${status(test.before)} → ${status(test.after)}`);
  if (show.note) parts.push(show.note);
  let text = parts.join(': ');
  if (show.message && test.message) text += ` (${code(clip(test.message.split('\n')[0] ?? '', MESSAGE_CHARS))})`;
  return text;
}

function list(fold: Fold, title: string, ids: readonly string[], render: (id: string) => string, reproduce: string): string | null {
  if (ids.length === 0) return null;
  const { shown, hidden } = fold.take(ids);
  const lines = shown.map(render);
  if (hidden > 0) lines.push(`… and ${hidden} more (all of them: ${reproduce})`);
  return blocks(heading(3, `${title} (${ids.length})`), bullets(lines));
}

export function changesSection(comparison: RunComparison, fold: Fold): string {
  const c = comparison;
  const beforeId = code(c.before.id);
  const afterId = code(c.after.id);
  const reproduce = code(`vigil compare ${c.before.id} ${c.after.id} --json`);
  const failing = c.failingBefore.length;
  const fate =
    failing === 0
      ? `No test was failing in ${beforeId}.`
      : `Of the ${failing} tests failing in ${beforeId}, in ${afterId}: fixed ${c.fixed.length}, still failing ${c.stillFailing.length}, ` +
        `skipped ${c.skippedWhileFailing.length}, removed ${c.removedWhileFailing.length}. Skipped and removed tests are not counted as fixed.`;
  const counts = table(
    [{ header: 'change' }, { header: 'tests', align: 'right' }, { header: 'meaning' }],
    [
      ['fixed', String(c.fixed.length), `failing in ${code(c.before.id, 'table')}, passing in ${code(c.after.id, 'table')}`],
      ['regressed', String(c.regressed.length), 'not failing before (passed or skipped), failing after'],
      ['still failing', String(c.stillFailing.length), 'failing in both runs'],
      ['skipped while failing', String(c.skippedWhileFailing.length), 'failing before, skipped after: not a fix'],
      ['removed while failing', String(c.removedWhileFailing.length), 'failing before, absent after: not a fix'],
      ['added', String(c.added.length), `in ${code(c.after.id, 'table')} only; ${c.addedFailing.length} of them failing`],
      ['removed', String(c.removed.length), `in ${code(c.before.id, 'table')} only`],
      ['newly skipped', String(c.newlySkipped.length), 'not skipped before, skipped after'],
    ],
  );
  const failedBefore = new Set(c.failingBefore);
  return blocks(
    heading(2, 'What changed'),
    fate,
    counts,
    list(fold, 'Fixed', c.fixed, (id) => item(c, id, {}), reproduce),
    list(fold, 'Regressed', c.regressed, (id) => item(c, id, { transition: true, message: true }), reproduce),
    list(fold, 'Still failing', c.stillFailing, (id) => item(c, id, { message: true }), reproduce),
    list(fold, 'Newly skipped', c.newlySkipped, (id) => item(c, id, { transition: true, note: failedBefore.has(id) ? 'was failing, not a fix' : undefined }), reproduce),
    list(fold, 'Removed', c.removed, (id) => item(c, id, { transition: true, note: failedBefore.has(id) ? 'was failing, not a fix' : undefined }), reproduce),
    list(fold, 'Added', c.added, (id) => item(c, id, { transition: true, message: true }), reproduce),
  );
}
