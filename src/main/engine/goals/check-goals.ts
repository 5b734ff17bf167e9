// Checks each goal against stored runs: MET, NOT MET, or NO DATA when no run holds the figure.
// Every result carries the figure it found and the run(s) it comes from.
import type { GoalResult } from '../../../shared/report-types.js';
import type { RunSummary, TestStatus } from '../../../shared/types.js';
import { formatDuration, passRate } from '../../../shared/run-figures.js';
import type { ResultFacts } from '../store/compare-queries.js';
import type { Goal } from './goals-file.js';
import type { TestScope } from './goals-file.js';
import { describeScope, inScope } from './test-scope.js';

export interface GoalData {
  after: RunSummary;
  afterResults: readonly ResultFacts[];
  /** A file's line rate (0..1) in a run; null when that run has no figure for it. */
  fileCoverage(runId: string, path: string): number | null;
  /** The last `count` runs of the project up to and including `after`, oldest first. */
  recentRuns(count: number): { run: RunSummary; results: readonly ResultFacts[] }[];
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;
const isFailing = (status: TestStatus): boolean => status === 'failed' || status === 'errored';

function result(goal: Goal, index: number, fields: Omit<GoalResult, 'index' | 'name' | 'type'>): GoalResult {
  return { index, name: goal.name ?? describeGoal(goal), type: goal.type, ...fields };
}

export function describeGoal(goal: Goal): string {
  switch (goal.type) {
    case 'pass-rate':
      return `pass rate of ${describeScope(goal)}`;
    case 'test-count':
      return `number of tests in ${describeScope(goal)}`;
    case 'failures':
      return `failing tests in ${describeScope(goal)}`;
    case 'coverage':
      return goal.file ? `line coverage of ${goal.file}` : 'total line coverage';
    case 'duration':
      return 'run duration';
    case 'isolation':
      return `${goal.runs} consecutive runs with the same result`;
  }
}

function scoped(goal: TestScope, data: GoalData): readonly ResultFacts[] {
  return goal.suite === undefined && goal.path === undefined ? data.afterResults : data.afterResults.filter((test) => inScope(test, goal));
}

function checkPassRate(goal: Extract<Goal, { type: 'pass-rate' }>, index: number, data: GoalData): GoalResult {
  const tests = scoped(goal, data);
  const target = `≥ ${goal.minPercent}%`;
  const runIds = [data.after.id];
  if (tests.length === 0) return result(goal, index, { target, status: 'no_data', actual: null, runIds, detail: `no test of ${data.after.id} is in ${describeScope(goal)}` });
  const passed = tests.filter((test) => test.status === 'passed').length;
  const met = passed * 100 >= goal.minPercent * tests.length - 1e-9;
  const totals = { tests: tests.length, passed, failed: 0, errored: 0, skipped: 0 };
  return result(goal, index, { target, status: met ? 'met' : 'not_met', actual: passRate(totals), runIds, detail: `${describeScope(goal)} in ${data.after.id}` });
}

function checkTestCount(goal: Extract<Goal, { type: 'test-count' }>, index: number, data: GoalData): GoalResult {
  const count = scoped(goal, data).length;
  return result(goal, index, {
    target: `≥ ${goal.min} tests`,
    status: count >= goal.min ? 'met' : 'not_met',
    actual: `${count} tests`,
    runIds: [data.after.id],
    detail: `${describeScope(goal)} in ${data.after.id}`,
  });
}

function checkFailures(goal: Extract<Goal, { type: 'failures' }>, index: number, data: GoalData): GoalResult {
  const tests = scoped(goal, data);
  const runIds = [data.after.id];
  if (tests.length === 0) return result(goal, index, { target: `≤ ${goal.max} failing`, status: 'no_data', actual: null, runIds, detail: `no test of ${data.after.id} is in ${describeScope(goal)}` });
  const failing = tests.filter((test) => isFailing(test.status)).length;
  return result(goal, index, {
    target: `≤ ${goal.max} failing`,
    status: failing <= goal.max ? 'met' : 'not_met',
    actual: `${failing} of ${tests.length} failing`,
    runIds,
    detail: `failed or errored, ${describeScope(goal)} in ${data.after.id}`,
  });
}

function checkCoverage(goal: Extract<Goal, { type: 'coverage' }>, index: number, data: GoalData): GoalResult {
  const target = `≥ ${goal.minPercent}%`;
  const runIds = [data.after.id];
  const rate = goal.file ? data.fileCoverage(data.after.id, goal.file) : (data.after.coverage?.lineRate ?? null);
  if (rate === null) {
    const missing = goal.file && data.after.coverage ? `${goal.file} is not in the coverage of ${data.after.id}` : `${data.after.id} has no coverage`;
    return result(goal, index, { target, status: 'no_data', actual: null, runIds, detail: missing });
  }
  const lines = !goal.file && data.after.coverage ? ` (${data.after.coverage.linesCovered}/${data.after.coverage.linesValid} lines)` : '';
  return result(goal, index, {
    target,
    status: rate * 100 >= goal.minPercent - 1e-9 ? 'met' : 'not_met',
    actual: `${percent(rate)}${lines}`,
    runIds,
    detail: `line rate${goal.file ? ` of ${goal.file}` : ''} in ${data.after.id}`,
  });
}

function checkDuration(goal: Extract<Goal, { type: 'duration' }>, index: number, data: GoalData): GoalResult {
  const target = `≤ ${formatDuration(goal.maxSeconds * 1000)}`;
  const runIds = [data.after.id];
  const ms = data.after.durationMs;
  if (ms === null) return result(goal, index, { target, status: 'no_data', actual: null, runIds, detail: `${data.after.id} records no duration` });
  return result(goal, index, {
    target,
    status: ms <= goal.maxSeconds * 1000 ? 'met' : 'not_met',
    actual: formatDuration(ms),
    runIds,
    detail: `duration of ${data.after.id}`,
  });
}

/** Tests whose status differs between two runs, or that only one of them has. */
function differences(a: readonly ResultFacts[], b: readonly ResultFacts[]): { id: string; line: string }[] {
  const inB = new Map(b.map((test) => [test.id, test]));
  const found: { id: string; line: string }[] = [];
  for (const test of a) {
    const other = inB.get(test.id);
    if (!other) found.push({ id: test.id, line: `${test.name}: ${test.status} → absent` });
    else if (other.status !== test.status) found.push({ id: test.id, line: `${test.name}: ${test.status} → ${other.status}` });
    inB.delete(test.id);
  }
  for (const test of inB.values()) found.push({ id: test.id, line: `${test.name}: absent → ${test.status}` });
  return found;
}

function checkIsolation(goal: Extract<Goal, { type: 'isolation' }>, index: number, data: GoalData): GoalResult {
  const target = `${goal.runs} consecutive runs, 0 tests differ`;
  const runs = data.recentRuns(goal.runs);
  const runIds = runs.map((entry) => entry.run.id);
  if (runs.length < goal.runs) {
    return result(goal, index, { target, status: 'no_data', actual: null, runIds, detail: `the project has ${runs.length} run(s) up to ${data.after.id}; ${goal.runs} are needed` });
  }
  const changed = new Set<string>();
  const steps: string[] = [];
  for (let i = 1; i < runs.length; i++) {
    const previous = runs[i - 1];
    const current = runs[i];
    if (!previous || !current) continue;
    const diff = differences(previous.results, current.results);
    for (const change of diff) changed.add(change.id);
    const shown = diff.slice(0, 3).map((change) => change.line);
    if (diff.length > 0) steps.push(`${previous.run.id} → ${current.run.id}: ${shown.join('; ')}${diff.length > 3 ? `; and ${diff.length - 3} more` : ''}`);
  }
  const total = runs.at(-1)?.results.length ?? 0;
  return result(goal, index, {
    target,
    status: changed.size === 0 ? 'met' : 'not_met',
    actual: `${changed.size} of ${total} tests differ`,
    runIds,
    detail: steps.length === 0 ? `every test has the same status in ${runIds.join(', ')}` : steps.join(' | '),
  });
}

export function checkGoals(goals: readonly Goal[], data: GoalData): GoalResult[] {
  return goals.map((goal, index) => {
    switch (goal.type) {
      case 'pass-rate':
        return checkPassRate(goal, index, data);
      case 'test-count':
        return checkTestCount(goal, index, data);
      case 'failures':
        return checkFailures(goal, index, data);
      case 'coverage':
        return checkCoverage(goal, index, data);
      case 'duration':
        return checkDuration(goal, index, data);
      case 'isolation':
        return checkIsolation(goal, index, data);
    }
  });
}
