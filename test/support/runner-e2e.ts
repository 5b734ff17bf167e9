// Real runners on the small projects in test/fixtures/runner-projects, whose failures are
// planted: each runner is run several times in different orders, every run is ingested, and
// the category of every planted failure is read back from `getFailures`. The same checks run
// on the recorded outputs in test/fixtures/runners, so they hold where a runner is missing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RootCauseCategory } from '../../src/shared/types.js';
import type { FailureGroup } from '../../src/shared/root-cause-types.js';
import { openEngine } from '../../src/main/engine/engine.js';
import { REPO_ROOT } from './fixtures.js';

export const PROJECTS = join(REPO_ROOT, 'test', 'fixtures', 'runner-projects');
export const RECORDED = join(REPO_ROOT, 'test', 'fixtures', 'runners');

export interface RunnerSpec {
  runner: 'pytest' | 'go' | 'vitest';
  /** Null when the runner can run here, else why not. */
  unavailable(): string | null;
  /** Runs the project once into `outDir`; `run` picks the order (0, 1, 2...). */
  run(outDir: string, run: number, state: string): void;
  /** Test name -> the category its planted failure must land in. */
  planted: Record<string, RootCauseCategory>;
  /** Planted failures that depend on timing: checked when they fail, not required to. */
  timing: string[];
  /** A planted cascade and the test whose failure causes it. */
  cascades?: Record<string, string>;
}

function exec(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // The planted config failures are about this variable being absent.
  delete env.SHOP_API_KEY;
  const result = spawnSync(command, args, { cwd: options.cwd, env, encoding: 'utf8', timeout: 180_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PYTHON = '/usr/bin/python3';
const GO = existsSync('/usr/bin/go') ? '/usr/bin/go' : 'go';
const VITEST = join(REPO_ROOT, 'node_modules', '.bin', 'vitest');

function pytestIds(cwd: string): string[] {
  const collected = exec(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--collect-only'], { cwd });
  return collected.stdout.split('\n').filter((line) => line.includes('::'));
}

export const PYTEST: RunnerSpec = {
  runner: 'pytest',
  unavailable() {
    if (!existsSync(PYTHON)) return `${PYTHON} is missing (apt-get install python3-pytest python3-sqlalchemy)`;
    const probe = spawnSync(PYTHON, ['-c', 'import pytest, sqlalchemy'], { encoding: 'utf8' });
    return probe.status === 0 ? null : `Debian's pytest or SQLAlchemy is missing (apt-get install python3-pytest python3-sqlalchemy): ${probe.stderr.trim().split('\n').pop()}`;
  },
  run(outDir, run, state) {
    const cwd = join(PROJECTS, 'pytest-shop');
    const ids = pytestIds(cwd);
    // Three orders: as collected, reversed, and rotated by half.
    const orders = [ids, [...ids].reverse(), [...ids.slice(ids.length >> 1), ...ids.slice(0, ids.length >> 1)]];
    const order = orders[run % orders.length] ?? ids;
    mkdirSync(outDir, { recursive: true });
    exec(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${join(outDir, 'junit.xml')}`, ...order], {
      cwd,
      env: { SHOP_DB: join(state, 'shop.db'), PYTHONDONTWRITEBYTECODE: '1' },
    });
  },
  planted: {
    test_sign_up: 'isolation_leak',
    test_sign_up_admin: 'isolation_leak',
    test_register_card_payments: 'isolation_leak',
    test_register_card_refunds: 'isolation_leak',
    test_cart_starts_empty: 'isolation_leak',
    test_total_with_discount: 'product_defect',
    test_limiter_recovers: 'config_mismatch',
    test_api_key_configured: 'config_mismatch',
    test_audit_written: 'config_mismatch',
    test_charge_card: 'external_blocker',
    test_stock_lookup: 'external_blocker',
    test_sale_counted: 'cascade',
    test_factory_builds_user: 'test_defect',
    test_export_job_finishes: 'flaky',
  },
  timing: ['test_export_job_finishes'],
  cascades: { test_sale_counted: 'test_audit_written' },
};

/** Seeds whose orders run the counter test both before and after the test that bumps it. */
const GO_SEEDS = [1, 2, 5];

export const GO_TEST: RunnerSpec = {
  runner: 'go',
  unavailable() {
    const probe = spawnSync(GO, ['version'], { encoding: 'utf8' });
    return probe.status === 0 ? null : `go is missing (apt-get install golang)`;
  },
  run(outDir, run, state) {
    mkdirSync(outDir, { recursive: true });
    const result = exec(GO, ['test', '-json', '-count=1', `-shuffle=${GO_SEEDS[run % GO_SEEDS.length]}`, './...'], {
      cwd: join(PROJECTS, 'go-shop'),
      env: { HOME: state, GOCACHE: join(state, 'gocache'), GOPATH: join(state, 'gopath'), GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOPROXY: 'off' },
    });
    if (!result.stdout.includes('"Action"')) throw new Error(`go test printed no JSON events: ${result.stderr.slice(0, 400)}`);
    writeFileSync(join(outDir, 'go-test.json'), result.stdout);
  },
  planted: {
    TestRegisterCardPayments: 'isolation_leak',
    TestRegisterCardRefunds: 'isolation_leak',
    TestVisitsStartAtZero: 'isolation_leak',
    TestTotalWithDiscount: 'product_defect',
    TestAPIKeyConfigured: 'config_mismatch',
    TestStockLookup: 'external_blocker',
    TestExportFinishes: 'flaky',
  },
  timing: ['TestExportFinishes'],
};

export const VITEST_RUN: RunnerSpec = {
  runner: 'vitest',
  unavailable: () => (existsSync(VITEST) ? null : `${VITEST} is missing (npm ci)`),
  run(outDir, run) {
    mkdirSync(outDir, { recursive: true });
    exec(VITEST, ['run', '--root', '.', '--reporter=json', `--outputFile=${join(outDir, 'results.json')}`, '--sequence.shuffle.tests', `--sequence.seed=${run + 1}`], {
      cwd: join(PROJECTS, 'vitest-shop'),
    });
  },
  planted: {
    'registers card payments': 'isolation_leak',
    'registers card refunds': 'isolation_leak',
    'applies the discount once': 'product_defect',
    'has an API key': 'config_mismatch',
    'looks up stock': 'external_blocker',
    'finishes the export': 'flaky',
    'formats the receipt': 'test_defect',
  },
  timing: ['finishes the export'],
};

export interface RunFailures {
  runId: string;
  /** Test name -> its group. */
  byTest: Map<string, FailureGroup>;
  groups: FailureGroup[];
}

/** Ingests every run-N folder under `dir` (oldest first) and reads each run's failures back. */
export async function classifyRuns(dir: string, dbPath: string, project: string): Promise<RunFailures[]> {
  const engine = openEngine({ dbPath });
  try {
    const runDirs = readdirSync(dir)
      .filter((name) => /^run-\d+$/.test(name))
      .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
      .map((name) => join(dir, name));
    for (const runDir of runDirs) {
      const outcome = await engine.ingestPaths({ paths: [runDir], project });
      if (outcome.errors.length > 0) throw new Error(`ingest ${runDir}: ${outcome.errors.map((error) => error.error).join('; ')}`);
    }
    const runs = await engine.listRuns({ project });
    const results: RunFailures[] = [];
    for (const run of runs) {
      const detail = await engine.getRun({ run: run.id });
      const { groups } = await engine.getFailures({ run: run.id });
      const nameOf = new Map(detail.tests.map((test) => [test.id, test.name]));
      const byTest = new Map<string, FailureGroup>();
      for (const group of groups) for (const id of group.tests) byTest.set(nameOf.get(id) ?? id, group);
      results.push({ runId: run.id, byTest, groups });
    }
    return results;
  } finally {
    engine.close();
  }
}

/** Problems found, one line each: a planted failure in the wrong category, or one that never failed. */
export function checkPlanted(spec: RunnerSpec, runs: readonly RunFailures[]): string[] {
  const problems: string[] = [];
  for (const [name, category] of Object.entries(spec.planted)) {
    const seen = runs.filter((run) => run.byTest.has(name));
    if (seen.length === 0 && !spec.timing.includes(name) && !name.startsWith('test_sign_up')) problems.push(`${name}: never failed`);
    for (const run of seen) {
      const group = run.byTest.get(name);
      if (group && group.category !== category) problems.push(`${name} in ${run.runId}: ${group.category}, want ${category} (${group.evidence[0] ?? ''})`);
    }
  }
  if (!runs.some((run) => run.byTest.has('test_sign_up') || run.byTest.has('test_sign_up_admin')) && spec.runner === 'pytest') problems.push('the shared-database leak never failed');
  for (const [cascade, cause] of Object.entries(spec.cascades ?? {})) {
    for (const run of runs) {
      const group = run.byTest.get(cascade);
      const causeGroup = run.byTest.get(cause);
      if (group && causeGroup && group.cascadeOf !== causeGroup.id) problems.push(`${cascade} in ${run.runId}: cascadeOf ${group.cascadeOf}, want ${causeGroup.id}`);
    }
  }
  return problems;
}

/** Runs the runner `times` times into dir/run-N; the state folder (shared database) lives across runs. */
export function runTimes(spec: RunnerSpec, dir: string, times: number): void {
  const state = join(dir, 'state');
  mkdirSync(state, { recursive: true });
  for (let run = 0; run < times; run++) spec.run(join(dir, `run-${run + 1}`), run, state);
  rmSync(state, { recursive: true, force: true });
}

/** Copies run-N folders into test/fixtures/runners/<runner> (VIGIL_RECORD_RUNNERS=1). */
export function record(spec: RunnerSpec, dir: string): void {
  const target = join(RECORDED, spec.runner);
  rmSync(target, { recursive: true, force: true });
  for (const name of readdirSync(dir).filter((entry) => /^run-\d+$/.test(entry))) cpSync(join(dir, name), join(target, name), { recursive: true });
}
