// Root causes for the engine: classifies failures at ingest (inside the run's transaction),
// and on read gathers what the pure analysis needs (stored causes, history, the user's
// overrides and rules) from the one store that holds them.
import type { RootCauseCategory, RootCauseRef } from '../../../shared/types.js';
import type { CategoryOverride, ClassifyRequest, ClassifyResult, FailureGroup, NewUserRule, RunFailures, UserRule } from '../../../shared/root-cause-types.js';
import type { RunFailuresInput } from '../store/run-writer.js';
import type { RootCauseStore, StoredFailure } from '../store/root-cause-store.js';
import { analyseRun, type RunAnalysis, type RunFailure } from './analyse-run.js';
import { classifyFacts } from './classify.js';
import { factsOf } from './facts.js';
import { environmentChangeSignal } from './history/environment-change.js';
import { flakySignal } from './history/flip-rate.js';
import type { HistorySignal, TestHistory } from './history/history-types.js';
import { isFailing } from './history/history-types.js';
import { leakAcrossRunsSignal, type RunPair } from './history/leak-across-runs.js';
import { orderDependenceSignal, type RunOrders } from './history/order-dependence.js';
import { causeOfResult, joinOutput, type ResultCause } from './result-cause.js';
import { compileUserRules, matchUserRule, userRuleEvidence, type FailureTexts } from './user-rules.js';

/** Runs of history read around the analysed run: enough for flip rates, bounded for big projects. */
const RUNS_BEFORE = 20;
const RUNS_AFTER = 10;
/** Order analysis loads whole runs; past this size it is skipped (and says so nowhere: rare). */
const MAX_ORDER_RUN_TESTS = 50_000;
/** Analyses kept for repeated reads of the same runs (the run view and its failures). */
const ANALYSES_KEPT = 4;

interface Analysed {
  analysis: RunAnalysis;
  failures: RunFailure[];
  project: { id: number; name: string };
}

export class TargetNotFoundError extends Error {
  override name = 'TargetNotFoundError';
}

export interface RootCauseService {
  /** The run writer's hook: stores each failure's content classification with the run. */
  writeRunCauses(run: RunFailuresInput): void;
  failures(runId: string): RunFailures;
  /** Each failing test's root cause by test id; kept for the next call while the store is unchanged. */
  rootCauses(runId: string): ReadonlyMap<string, Readonly<RootCauseRef>>;
  classify(requests: readonly ClassifyRequest[]): ClassifyResult[];
  /** Moves a group (g_...) or a failing test (t_...) of the run to another category. */
  recategorize(runId: string, target: string, category: RootCauseCategory): CategoryOverride;
  listRules(project?: string): UserRule[];
  addRule(rule: NewUserRule): UserRule | null;
  removeRule(id: string): boolean;
}

function textsOf(failure: StoredFailure): FailureTexts {
  return {
    message: failure.message ?? '',
    trace: failure.trace ?? '',
    output: joinOutput(failure.stdout, failure.stderr),
    name: [failure.suite, failure.name, failure.file].filter((part) => part).join(' '),
  };
}

export function createRootCauseService(store: RootCauseStore): RootCauseService {
  /** The run's failures with their causes; causes missing or from an older classifier are recomputed and stored. */
  function storedFailures(runId: string, framework: string): { failure: StoredFailure; cause: ResultCause }[] {
    const refreshed: { testRowId: number; cause: ResultCause }[] = [];
    const pairs = store.failures(runId).map((failure) => {
      const cause = failure.cause ?? causeOfResult(failure, framework);
      if (!failure.cause) refreshed.push({ testRowId: failure.testRowId, cause });
      return { failure, cause };
    });
    if (refreshed.length > 0) store.refreshCauses(runId, refreshed);
    return pairs;
  }

  function historySignals(projectId: number, runId: string, pairs: readonly { failure: StoredFailure; cause: ResultCause }[]): Map<string, HistorySignal[]> {
    const signals = new Map<string, HistorySignal[]>();
    const runs = store.historyRuns(projectId, runId, RUNS_BEFORE, RUNS_AFTER);
    if (runs.length < 2 || pairs.length === 0) return signals;
    const runIds = runs.map((run) => run.id);
    const runMap = new Map(runs.map((run) => [run.id, run]));
    const at = runIds.indexOf(runId);
    const current = runs[at];
    const previous = at > 0 ? runs[at - 1] : undefined;
    let sameTests: boolean | undefined;
    // Comparing two whole runs is asked only by a failure that passed before with a leftover-state message.
    const pair: RunPair | null =
      current && previous
        ? {
            current,
            previous,
            get sameTests() {
              sameTests ??= store.sameTests(current.id, previous.id);
              return sameTests;
            },
          }
        : null;
    const orders = new Map<string, readonly number[]>();
    const lazyOrders: RunOrders<number> = {
      get: (id: string): readonly number[] | undefined => {
        const run = runMap.get(id);
        if (!run || run.totals.tests > MAX_ORDER_RUN_TESTS) return undefined;
        let order = orders.get(id);
        if (!order) {
          order = store.runOrder(id);
          orders.set(id, order);
        }
        return order;
      },
    };
    // Every history signal needs a result that passed in the window: a test that failed in every
    // run of it (most failures of a long-broken suite) is known from the stored causes alone,
    // and its results are not read.
    const failedIn = store.failedRunCounts(pairs.map(({ failure }) => failure.testRowId), runIds);
    const open = pairs.filter(({ failure }) => (failedIn.get(failure.testRowId) ?? 0) < runIds.length);
    const outcomes = store.outcomes(open.map(({ failure }) => failure.testRowId), runIds);
    for (const { failure, cause } of open) {
      const history: TestHistory = { testId: failure.id, outcomes: outcomes.get(failure.testRowId) ?? [] };
      const found: HistorySignal[] = [];
      const flips = history.outcomes.some((o) => o.status === 'passed') && history.outcomes.some((o) => isFailing(o.status));
      if (flips) {
        const order = orderDependenceSignal({ testId: failure.testRowId, outcomes: history.outcomes }, lazyOrders, (id) => store.testNameOfRow(id));
        if (order) found.push(order);
        const flaky = flakySignal(history, runMap);
        if (flaky) found.push(flaky);
      }
      const passedBefore = previous !== undefined && history.outcomes.some((o) => o.runId === previous.id && o.status === 'passed');
      const leak = leakAcrossRunsSignal(pair, passedBefore, cause.messageKey);
      if (leak) found.push(leak);
      const environment = environmentChangeSignal(history, runMap, runId);
      if (environment) found.push(environment);
      if (found.length > 0) signals.set(failure.id, found);
    }
    return signals;
  }

  function analyse(runId: string): Analysed {
    const project = store.projectOfRun(runId);
    if (!project) throw new TargetNotFoundError(`no run ${runId}`);
    const pairs = storedFailures(runId, project.format);
    const byId = new Map(pairs.map(({ failure }) => [failure.id, failure]));
    const runFailures: RunFailure[] = pairs.map(({ failure, cause }) => {
      return {
        testId: failure.id,
        suite: failure.suite,
        name: failure.name,
        file: failure.file,
        status: failure.status,
        ordinal: failure.ordinal,
        signature: cause.signature,
        messageKey: cause.messageKey,
        title: cause.title,
        classification: cause.classification,
      };
    });
    const analysis = analyseRun({
      failures: runFailures,
      texts: (testId) => {
        const failure = byId.get(testId);
        return failure ? textsOf(failure) : { message: '', trace: '', output: '', name: '' };
      },
      userRules: compileUserRules(store.rules(project.name)),
      overrides: store.overrides(project),
      history: historySignals(project.id, runId, pairs),
    });
    return { analysis, failures: runFailures, project };
  }

  // The last runs analysed, each valid while the store is unchanged: the run view, `vigil show`
  // and every failure opened in it ask for the same run's analysis again and again.
  const recent = new Map<string, { generation: string; analysed: Analysed }>();
  function analysed(runId: string): Analysed {
    const hit = recent.get(runId);
    if (hit && hit.generation === store.generation()) {
      recent.delete(runId);
      recent.set(runId, hit);
      return hit.analysed;
    }
    const fresh = analyse(runId);
    // Read after the analysis: causes it recomputed and stored are part of what it saw.
    recent.set(runId, { generation: store.generation(), analysed: fresh });
    for (const oldest of recent.keys()) {
      if (recent.size <= ANALYSES_KEPT) break;
      recent.delete(oldest);
    }
    return fresh;
  }

  return {
    writeRunCauses(run) {
      const causes =
        run.causes ??
        run.tests
          .filter((test) => test.status === 'failed' || test.status === 'errored')
          .map((test) => ({ testKey: test.id, cause: causeOfResult({ ...test, status: test.status as 'failed' | 'errored' }, run.format) }));
      if (causes.length > 0) store.writeCauses(run.id, run.rowIdOf, causes);
    },
    failures(runId) {
      // A copy: callers own what they get, the kept analysis stays as computed.
      return { groups: structuredClone(analysed(runId).analysis.groups) };
    },
    rootCauses(runId) {
      return analysed(runId).analysis.byTest;
    },
    classify(requests) {
      const rules = compileUserRules(store.rules().filter((rule) => rule.project === null));
      return requests.map((request) => {
        const input = { ...request, output: request.output ?? null, trace: request.trace ?? null };
        const matched = rules.length > 0 ? matchUserRule(rules, { message: request.message, trace: request.trace ?? '', output: request.output ?? '', name: request.name ?? '' }) : null;
        if (matched) return { id: request.id, category: matched.rule.category, confidence: 0.95, evidence: [userRuleEvidence(matched.rule)] };
        const result = classifyFacts(factsOf(input));
        return { id: request.id, category: result.category, confidence: result.confidence, evidence: result.evidence };
      });
    },
    recategorize(runId, target, category) {
      const { analysis, failures, project } = analysed(runId);
      const group: FailureGroup | undefined = analysis.groups.find((candidate) => candidate.id === target);
      if (group) return store.setOverride(project, group.signature, category, group.title);
      const failure = failures.find((candidate) => candidate.testId === target);
      if (failure) return store.setOverride(project, failure.signature, category, failure.title);
      throw new TargetNotFoundError(`run ${runId} has no failure group or failing test '${target}'`);
    },
    listRules: (project) => store.rules(project),
    addRule: (rule) => store.addRule(rule),
    removeRule: (id) => store.removeRule(id),
  };
}
