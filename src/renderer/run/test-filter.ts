// Filters a run's tests (RunTestTable, columnar) by status, root-cause category and text,
// yielding the positions to show. A 100,000-test run is filtered in a few milliseconds: the
// lower-cased text of each test is built once, on the first text search.
import type { RootCauseCategory, TestStatus } from '../../shared/types.js';
import { STATUS_LETTERS, type RunTestTable } from '../../shared/ui-types.js';

export interface TableView {
  table: RunTestTable;
  /** Status of each test. */
  statuses: TestStatus[];
  /** First message line of each test, or null. */
  messages: (string | null)[];
  /** Root-cause category of each failing test (from getFailures), else null. */
  categories: (RootCauseCategory | null)[];
  /** Lower-cased name, suite, file and message per test; built on the first text filter. */
  haystack: string[] | null;
}

export function tableView(table: RunTestTable, categoryOf: ReadonlyMap<string, RootCauseCategory> = new Map()): TableView {
  const count = table.ids.length;
  const messages: (string | null)[] = new Array<string | null>(count).fill(null);
  for (const [position, message] of table.messages) messages[position] = message;
  const statuses = Array.from(table.statuses, (letter) => STATUS_LETTERS[letter as keyof typeof STATUS_LETTERS]);
  const categories = table.ids.map((id) => categoryOf.get(id) ?? null);
  return { table, statuses, messages, categories, haystack: null };
}

export interface TestFilter {
  statuses: ReadonlySet<TestStatus>;
  /** null: every category (and tests without one). */
  category: RootCauseCategory | null;
  text: string;
}

function haystackOf(view: TableView): string[] {
  if (!view.haystack) {
    const { table } = view;
    view.haystack = table.ids.map((_, i) => {
      const file = table.fileIndex[i] ?? -1;
      return `${table.names[i] ?? ''}\n${table.suites[table.suiteIndex[i] ?? 0] ?? ''}\n${file >= 0 ? (table.files[file] ?? '') : ''}\n${view.messages[i] ?? ''}`.toLowerCase();
    });
  }
  return view.haystack;
}

/** Positions of the tests of the chosen statuses and category whose name, suite, file or message contains the text. */
export function filterTests(view: TableView, filter: TestFilter): number[] {
  const needle = filter.text.trim().toLowerCase();
  const hay = needle === '' ? null : haystackOf(view);
  const shown: number[] = [];
  for (let i = 0; i < view.statuses.length; i++) {
    const status = view.statuses[i];
    if (!status || !filter.statuses.has(status)) continue;
    if (filter.category !== null && view.categories[i] !== filter.category) continue;
    if (hay && !(hay[i] ?? '').includes(needle)) continue;
    shown.push(i);
  }
  return shown;
}

export function countByStatus(view: TableView): Record<TestStatus, number> {
  const counts: Record<TestStatus, number> = { passed: 0, failed: 0, errored: 0, skipped: 0 };
  for (const status of view.statuses) counts[status]++;
  return counts;
}

export function countByCategory(view: TableView): Map<RootCauseCategory, number> {
  const counts = new Map<RootCauseCategory, number>();
  for (const category of view.categories) if (category) counts.set(category, (counts.get(category) ?? 0) + 1);
  return counts;
}
