// Renders the handoff report, and fits it under a size limit by folding lists: each step
// shows fewer items per list and counts the rest. Tables are whole in every step (their rows
// are the figures), so a limit that even the most folded report exceeds is reported as such,
// never met by cutting text mid-row.
import type { ReportData } from './report-data.js';
import { Fold } from './fold.js';
import { blocks, code } from './markdown.js';
import { beforeAfterSection, headerSection } from './section-summary.js';
import { changesSection } from './section-changes.js';
import { rootCauseSection } from './section-root-causes.js';
import { coverageSection, flakySection, goalsSection } from './section-evidence.js';

/** Items per list, from the unconstrained report down to counts only. */
export const FOLD_STEPS = [25, 15, 10, 5, 3, 1, 0] as const;

export interface RenderedReport {
  markdown: string;
  bytes: number;
  foldedItems: number;
  fits: boolean;
}

export function renderReport(data: ReportData, limit: number): { markdown: string; foldedItems: number } {
  const fold = new Fold(limit);
  const reproduce = `vigil report --project ${data.project} --before ${data.before.id} --after ${data.after.id}`;
  const markdown = blocks(
    headerSection(data, fold),
    beforeAfterSection(data),
    changesSection(data.comparison, fold),
    rootCauseSection(data, fold),
    flakySection(data, fold),
    coverageSection(data, fold),
    goalsSection(data),
    `---\n\nWritten by Vigil from stored runs; ${code(reproduce)} writes it again.`,
  );
  return { markdown: `${markdown}\n`, foldedItems: fold.folded };
}

export function fitReport(data: ReportData, maxBytes: number | null): RenderedReport {
  let last: RenderedReport | null = null;
  for (const limit of FOLD_STEPS) {
    const { markdown, foldedItems } = renderReport(data, limit);
    const bytes = Buffer.byteLength(markdown, 'utf8');
    last = { markdown, bytes, foldedItems, fits: maxBytes === null || bytes <= maxBytes };
    if (last.fits) return last;
  }
  if (!last) throw new Error('fitReport: FOLD_STEPS is empty');
  return last;
}
