#!/usr/bin/env node
// The history budgets (PRODUCT.md, Budgets): in a history of 2,000 runs x 5,000 tests, comparing
// two runs in at most 150 ms, a 90-day trend in at most 100 ms (the History screen's data; the
// generated history spans 90 days), and writing the handoff report in at most 500 ms.
// The history is generated once into bench/data (through the engine's RunWriter, with the
// root-cause hook the engine installs) and reused while its generator version is unchanged.
// Each figure is measured in-process with performance.now around the engine call, after
// warm-up runs, as the median of several runs: the time a user waits once the app is open.
// Usage: node bench/compare.bench.js [--runs 2000] [--tests 5000] [--repeat 7] [--db FILE]
//        [--out bench/data/compare-results.json] [--generate-only]
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';
import { HISTORY_VERSION, writeHistory } from './lib/compare-history.js';
import { machineFacts } from './lib/machine.js';
import { median } from './lib/measure.js';

export const COMPARE_BUDGET_MS = 150;
export const REPORT_BUDGET_MS = 500;
export const TREND_BUDGET_MS = 100;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The engine is TypeScript; tsx loads it from source, the same code the app is built from.
register();
const src = (path) => import(join(repoRoot, 'src/main/engine', path));

async function buildStore(path, runs, tests) {
  const { openDatabase } = await src('store/open-database.ts');
  const { RunWriter } = await src('store/run-writer.ts');
  const { testId } = await src('model/test-identity.ts');
  const { createRootCauseService } = await src('analysis/root-cause-service.ts');
  const { RootCauseStore } = await src('store/root-cause-store.ts');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  mkdirSync(dirname(path), { recursive: true });
  const db = openDatabase(path);
  const causes = createRootCauseService(new RootCauseStore(db));
  // The same writer the engine makes: root causes are classified in each run's transaction.
  const writer = new RunWriter(db, (run) => causes.writeRunCauses(run));
  const started = performance.now();
  writeHistory({ writer, testId, runs, tests, progress: (done, total) => console.error(`  wrote ${done}/${total} runs (${((performance.now() - started) / 1000).toFixed(0)} s)`) });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return (performance.now() - started) / 1000;
}

/**
 * `call` is timed alone; `fresh` (optional) runs before each call, untimed, and returns what the
 * call gets: a new engine, so that a cold call is measured whatever the engine keeps between calls.
 */
async function measure(label, repeat, call, fresh = async () => undefined) {
  const once = async () => {
    const context = await fresh();
    try {
      const start = performance.now();
      const value = await call(context);
      return { value, ms: performance.now() - start };
    } finally {
      context?.close();
    }
  };
  for (let warm = 0; warm < 2; warm++) await once();
  const times = [];
  let last;
  for (let i = 0; i < repeat; i++) {
    const { value, ms } = await once();
    last = value;
    times.push(ms);
  }
  const result = { label, medianMs: Number(median(times).toFixed(1)), minMs: Number(Math.min(...times).toFixed(1)), maxMs: Number(Math.max(...times).toFixed(1)), runs: times.map((t) => Number(t.toFixed(1))) };
  console.error(`  ${label}: median ${result.medianMs} ms (min ${result.minMs}, max ${result.maxMs})`);
  return { result, last };
}

export async function runCompareBench(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '2000' },
      tests: { type: 'string', default: '5000' },
      repeat: { type: 'string', default: '7' },
      db: { type: 'string' },
      out: { type: 'string', default: join(repoRoot, 'bench/data/compare-results.json') },
      'generate-only': { type: 'boolean' },
    },
  });
  const runs = Number(values.runs);
  const tests = Number(values.tests);
  const repeat = Number(values.repeat);
  const path = values.db ?? join(repoRoot, `bench/data/compare-history-v${HISTORY_VERSION}-${runs}x${tests}.db`);
  let generatedS = null;
  if (!existsSync(path)) {
    console.error(`generating ${path} (${runs} runs x ${tests} tests) ...`);
    generatedS = await buildStore(path, runs, tests);
    console.error(`  done in ${generatedS.toFixed(0)} s, ${(statSync(path).size / 1e9).toFixed(2)} GB`);
  }
  if (values['generate-only']) return 0;
  const { openEngine } = await src('engine.ts');
  const engine = openEngine({ dbPath: path });
  try {
    const history = await engine.listRuns({ project: 'bench' });
    if (history.length !== runs) throw new Error(`the store holds ${history.length} runs, expected ${runs}: delete ${path} to regenerate`);
    console.error(`store: ${path}, ${history.length} runs, latest ${history.at(-1).totals.tests} tests`);
    const neighbours = await measure('compare latest~1 → latest', repeat, () => engine.compareRuns({ project: 'bench', before: 'latest~1', after: 'latest' }));
    const far = await measure('compare first → latest', repeat, () => engine.compareRuns({ project: 'bench', before: 'first', after: 'latest' }));
    // What the History screen asks for, together: the runs (pass rate, duration and coverage
    // charts) and the failures by category of each (the category chart).
    const trend = await measure('History trend: listRuns + getFailureTrend, every run (90 days)', repeat, async () => {
      const [runsOfProject, byCategory] = await Promise.all([engine.listRuns({ project: 'bench' }), engine.getFailureTrend({ project: 'bench' })]);
      return { runs: runsOfProject.length, points: byCategory.length, failures: byCategory.reduce((sum, point) => sum + Object.values(point.counts).reduce((a, n) => a + n, 0), 0) };
    });
    // What the Root causes screen asks for about the latest run, on an engine that has not
    // analysed it yet: its groups, then when each was first seen and in how many runs.
    const groupHistory = await measure('Root causes: getFailures + getGroupHistory of the latest run, cold', repeat, async (e) => {
      const { groups } = await e.getFailures({ project: 'bench', run: 'latest' });
      const history = await e.getGroupHistory({ project: 'bench', run: 'latest' });
      return { groups: groups.length, withHistory: history.length, maxRuns: Math.max(...history.map((entry) => entry.runs)) };
    }, async () => openEngine({ dbPath: path }));
    // The report and the analysis keep a run's analysis while the store is unchanged (the run
    // view asks for it again and again); `vigil report` runs in a new process and keeps nothing.
    // So each is measured on a newly opened engine: the open itself is not timed.
    const freshEngine = async () => openEngine({ dbPath: path });
    const report = await measure('report first → latest', repeat, (e) => e.getReport({ project: 'bench' }), freshEngine);
    const fitted = await measure('report first → latest, --max-bytes 65536', repeat, (e) => e.getReport({ project: 'bench', maxBytes: 65536 }), freshEngine);
    // The part of the report that is the root-cause analysis of the after run (`vigil failures`),
    // measured alone so a slow report can be told from a slow analysis.
    const analysis = await measure('of which: root-cause analysis of the after run', repeat, (e) => e.getFailures({ project: 'bench', run: 'latest' }), freshEngine);
    // A failure opened in the run view (`vigil show`, getTest): the first after opening the run
    // (the run's analysis, cold) and the next one (kept).
    const failing = analysis.last.groups[0]?.tests[0];
    if (!failing) throw new Error('the latest run has no failure to open');
    const testCold = await measure('getTest of a failure, cold', repeat, (e) => e.getTest({ run: history.at(-1).id, testId: failing }), freshEngine);
    const testWarm = await measure('getTest of a failure, after the run was analysed', repeat, () => engine.getTest({ run: history.at(-1).id, testId: failing }));
    const c = far.last;
    const checks = {
      compareSizes: { fixed: c.fixed.length, regressed: c.regressed.length, stillFailing: c.stillFailing.length, added: c.added.length, removed: c.removed.length, newlySkipped: c.newlySkipped.length },
      groupsSource: c.groups.source,
      reportBytes: report.last.bytes,
      fittedBytes: fitted.last.bytes,
      fittedFits: fitted.last.fits,
      getTestRootCause: testCold.last.rootCause,
      trend: trend.last,
      groupHistory: groupHistory.last,
    };
    // A fast call that compared nothing would be a false figure.
    const failuresStored = history.reduce((sum, run) => sum + run.totals.failed + run.totals.errored, 0);
    if (trend.last.points !== runs || trend.last.failures !== failuresStored || groupHistory.last.withHistory === 0) throw new Error(`implausible trend: ${JSON.stringify({ trend: trend.last, groupHistory: groupHistory.last, failuresStored })}`);
    if (c.before.totals.tests < tests || c.after.totals.tests < tests || c.added.length === 0 || c.fixed.length === 0 || !testCold.last.rootCause) throw new Error(`implausible comparison: ${JSON.stringify(checks)}`);
    const worstCompare = Math.max(neighbours.result.medianMs, far.result.medianMs);
    const worstReport = Math.max(report.result.medianMs, fitted.result.medianMs);
    const record = {
      date: new Date().toISOString(),
      machine: machineFacts(),
      history: { runs, tests, generatorVersion: HISTORY_VERSION, storeBytes: statSync(path).size, generatedS },
      repeat,
      results: [neighbours.result, far.result, trend.result, groupHistory.result, report.result, fitted.result, analysis.result, testCold.result, testWarm.result],
      checks,
      budget: {
        compareMs: COMPARE_BUDGET_MS, reportMs: REPORT_BUDGET_MS, trendMs: TREND_BUDGET_MS,
        compareMet: worstCompare <= COMPARE_BUDGET_MS, reportMet: worstReport <= REPORT_BUDGET_MS, trendMet: trend.result.medianMs <= TREND_BUDGET_MS,
      },
    };
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(record, null, 2)}\n`);
    console.log(JSON.stringify({ budget: record.budget, medians: record.results.map((r) => [r.label, r.medianMs]), checks }, null, 2));
    return record.budget.compareMet && record.budget.reportMet && record.budget.trendMet ? 0 : 1;
  } finally {
    engine.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runCompareBench(process.argv.slice(2));
}
