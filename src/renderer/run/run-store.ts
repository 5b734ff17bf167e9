import { create } from 'zustand';
import { TEST_STATUSES, type RunDetail, type TestResultDetail, type TestStatus } from '../../shared/types.js';
import { engine } from '../api/engine.js';

interface RunState {
  runId: string | null;
  revision: number;
  detail: RunDetail | null;
  error: string | null;
  statuses: ReadonlySet<TestStatus>;
  text: string;
  selectedTestId: string | null;
  test: TestResultDetail | null;
  testError: string | null;
  load(runId: string, revision: number): Promise<void>;
  toggleStatus(status: TestStatus): void;
  setText(text: string): void;
  selectTest(testId: string | null): Promise<void>;
}

export const useRunStore = create<RunState>()((set, get) => ({
  runId: null,
  revision: -1,
  detail: null,
  error: null,
  statuses: new Set(TEST_STATUSES),
  text: '',
  selectedTestId: null,
  test: null,
  testError: null,
  async load(runId, revision) {
    if (get().runId === runId && get().revision === revision && get().detail) return;
    const sameRun = get().runId === runId;
    set({ runId, revision, error: null, ...(sameRun ? {} : { detail: null, selectedTestId: null, test: null, testError: null }) });
    try {
      const detail = await engine.getRun({ run: runId });
      if (get().runId === runId) set({ detail });
    } catch (error) {
      if (get().runId === runId) set({ error: (error as Error).message });
    }
  },
  toggleStatus(status) {
    const statuses = new Set(get().statuses);
    if (statuses.has(status)) statuses.delete(status);
    else statuses.add(status);
    set({ statuses });
  },
  setText(text) {
    set({ text });
  },
  async selectTest(testId) {
    const runId = get().runId;
    set({ selectedTestId: testId, test: null, testError: null });
    if (testId === null || runId === null) return;
    try {
      // Trace and captured output are fetched per test: the run's list stays small.
      const test = await engine.getTest({ run: runId, testId });
      if (get().selectedTestId === testId) set({ test });
    } catch (error) {
      if (get().selectedTestId === testId) set({ testError: (error as Error).message });
    }
  },
}));
