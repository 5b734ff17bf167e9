// The Run screen's state: the run's tests (slim table), its failure groups (for each failing
// test's category and evidence), the filters, and the test whose detail is open.
import { create } from 'zustand';
import type { FailureGroup, RunFailures } from '../../shared/root-cause-types.js';
import { TEST_STATUSES, type RootCauseCategory, type TestResultDetail, type TestStatus } from '../../shared/types.js';
import { engine } from '../api/engine.js';
import { tableView, type TableView } from './test-filter.js';

interface RunState {
  /** What was asked for: a run id, or null for the project's latest. */
  key: string | null;
  view: TableView | null;
  failures: RunFailures | null;
  /** Failure group of each failing test id. */
  groupOf: Map<string, FailureGroup>;
  error: string | null;
  statuses: ReadonlySet<TestStatus>;
  category: RootCauseCategory | null;
  text: string;
  selectedTestId: string | null;
  test: TestResultDetail | null;
  testError: string | null;
  load(project: string, runId: string | null, revision: number): Promise<void>;
  toggleStatus(status: TestStatus): void;
  setCategory(category: RootCauseCategory | null): void;
  setText(text: string): void;
  selectTest(testId: string | null): Promise<void>;
}

// What the last load asked for (project, run, revision): a newer ask makes the answers of an
// older one be dropped, so a slow 100,000-test read never overwrites the run the user moved to.
let loaded = '';

export const useRunStore = create<RunState>()((set, get) => ({
  key: null,
  view: null,
  failures: null,
  groupOf: new Map(),
  error: null,
  statuses: new Set(TEST_STATUSES),
  category: null,
  text: '',
  selectedTestId: null,
  test: null,
  testError: null,
  async load(project, runId, revision) {
    const key = `${project}\u0000${runId ?? 'latest'}`;
    const ask = `${key}\u0000${revision}`;
    if (loaded === ask) return;
    loaded = ask;
    const sameRun = get().key === key;
    set({ key, error: null, ...(sameRun ? {} : { view: null, failures: null, groupOf: new Map(), selectedTestId: null, test: null, testError: null }) });
    try {
      const selector = runId ?? 'latest';
      // The table first, so the tests are on screen while the failures are grouped.
      const table = await engine.getRunTests({ run: selector, project });
      if (loaded !== ask) return;
      set({ view: tableView(table, get().view?.table.run.id === table.run.id ? categoriesOf(get().groupOf) : new Map()) });
      const failures = await engine.getFailures({ run: table.run.id, project });
      if (loaded !== ask) return;
      const groupOf = new Map<string, FailureGroup>();
      for (const group of failures.groups) for (const testId of group.tests) groupOf.set(testId, group);
      set({ failures, groupOf, view: tableView(table, categoriesOf(groupOf)) });
    } catch (error) {
      if (loaded === ask) set({ error: (error as Error).message });
    }
  },
  toggleStatus(status) {
    const statuses = new Set(get().statuses);
    if (statuses.has(status)) statuses.delete(status);
    else statuses.add(status);
    set({ statuses });
  },
  setCategory(category) {
    set({ category });
  },
  setText(text) {
    set({ text });
  },
  async selectTest(testId) {
    const runId = get().view?.table.run.id;
    set({ selectedTestId: testId, test: null, testError: null });
    if (testId === null || !runId) return;
    try {
      // Trace and captured output are fetched per test: the run's table stays small.
      const test = await engine.getTest({ run: runId, testId });
      if (get().selectedTestId === testId) set({ test });
    } catch (error) {
      if (get().selectedTestId === testId) set({ testError: (error as Error).message });
    }
  },
}));

function categoriesOf(groupOf: ReadonlyMap<string, FailureGroup>): Map<string, RootCauseCategory> {
  return new Map([...groupOf].map(([testId, group]) => [testId, group.category]));
}
