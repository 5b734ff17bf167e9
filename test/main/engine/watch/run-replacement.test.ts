// A run that reports joined is replaced in one transaction: its root causes and the user's
// category overrides hold for the new run as if the run had been ingested whole, nothing of the
// old run is left behind, and a replacement that fails leaves the old run as it was.
import Database from 'better-sqlite3';
import { copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import type { RootCauseCategory } from '../../../../src/shared/types.js';
import { fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';
import { sleep, waitFor, watchFolder, type Harness } from './watch-harness.js';

const SUREFIRE = 'junit-xml/action-junit-report/tests/utils/target/surefire-reports';
const CALC_UTILS = 'TEST-action.surefire.report.calc.CalcUtilsTest.xml';
const STRING_UTILS = 'TEST-action.surefire.report.calc.StringUtilsTest.xml';
const TIMING = { quietMs: 150, settleMs: 1_000 };
/** Every table with a run_id column (migrations 0010-0040). */
const RUN_TABLES = ['source_files', 'results', 'result_attempts', 'run_properties', 'run_coverage', 'coverage_results', 'coverage_reports', 'result_causes'];

let harness: Harness | null = null;
const others: (Engine | Database.Database)[] = [];

afterEach(async () => {
  await harness?.close();
  harness = null;
  for (const other of others.splice(0)) other.close();
});

function writeClass(dir: string, name: string): void {
  copyFileSync(fixturePath(`${SUREFIRE}/${name}`), join(dir, name));
}

/** Rows of each run table that belong to the run. */
function rowsOf(dbPath: string, runId: string): Record<string, number> {
  const db = new Database(dbPath, { readonly: true });
  try {
    return Object.fromEntries(RUN_TABLES.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM ${table} WHERE run_id = ?`).pluck().get(runId) as number]));
  } finally {
    db.close();
  }
}

/** What `vigil failures` and `vigil show` say of the run's failures: by signature, and by test. */
async function causes(engine: Engine, run: string) {
  const { groups } = await engine.getFailures({ run });
  const { tests } = await engine.getRun({ run });
  return {
    groups: groups.map((group) => ({ signature: group.signature, category: group.category, tests: [...group.tests].sort() })).sort((a, b) => a.signature.localeCompare(b.signature)),
    tests: tests.filter((test) => test.status === 'failed' || test.status === 'errored').map((test) => ({ id: test.id, category: test.rootCause?.category })),
  };
}

describe('watching: replacing a run that reports joined', () => {
  it('keeps root causes and the user\'s category override, as if the run had been ingested whole', async () => {
    harness = await watchFolder({ timing: TIMING });
    writeClass(harness.dir, CALC_UTILS);
    await waitFor('run 1', () => harness!.runs().length === 1);
    const first = harness.runs()[0]!;
    const [group] = (await harness.engine.getFailures({ run: first.id })).groups;
    expect(group).toBeDefined();
    const moved: RootCauseCategory = group!.category === 'config_mismatch' ? 'test_defect' : 'config_mismatch';
    await harness.engine.setCategory({ run: first.id, target: group!.id, category: moved });

    await sleep(1_500);
    writeClass(harness.dir, STRING_UTILS);
    await waitFor('run 2', () => harness!.runs().length === 2);
    const second = harness.runs()[1]!;
    expect(second.replaces).toEqual([first.id]);

    const watched = await causes(harness.engine, second.id);
    // The override follows the failure signature into the new run.
    expect(watched.groups.find((candidate) => candidate.signature === group!.signature)?.category).toBe(moved);
    expect(watched.tests).toHaveLength(4);
    expect(watched.tests.every((test) => test.category !== undefined)).toBe(true);

    // The same as `vigil ingest` of the folder with the same override.
    const batch = openEngine({ dbPath: join(tempDir(), 'batch.db') });
    others.push(batch);
    const [run] = (await batch.ingestPaths({ paths: [harness.dir], project: 'watched' })).runs;
    expect(run?.id).toBe(second.id);
    const batchGroup = (await batch.getFailures({ run: run!.id })).groups.find((candidate) => candidate.signature === group!.signature);
    await batch.setCategory({ run: run!.id, target: batchGroup!.id, category: moved });
    expect(watched).toEqual(await causes(batch, run!.id));

    // Nothing of the old run is left; the new one has its rows and its causes.
    await expect(harness.engine.getFailures({ run: first.id })).rejects.toThrow();
    expect(Object.values(rowsOf(harness.engine.dbPath, first.id)).every((count) => count === 0)).toBe(true);
    expect(rowsOf(harness.engine.dbPath, second.id)).toMatchObject({ source_files: 2, results: 7, result_causes: 4 });
  });

  it('leaves the old run as it was when the replacement fails, and replaces it once it can', async () => {
    harness = await watchFolder({ timing: TIMING });
    writeClass(harness.dir, CALC_UTILS);
    await waitFor('run 1', () => harness!.runs().length === 1);
    const first = harness.runs()[0]!;
    const before = await causes(harness.engine, first.id);
    const rowsBefore = rowsOf(harness.engine.dbPath, first.id);

    // The store refuses the new run's second source: the failure comes after the old run was
    // deleted and the new run's first rows were written, inside the one transaction.
    const db = new Database(harness.engine.dbPath);
    others.push(db);
    db.exec(`CREATE TRIGGER refuse_string_utils BEFORE INSERT ON source_files WHEN NEW.path LIKE '%StringUtilsTest%'
             BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END`);
    await sleep(1_000);
    const stringUtils = join(harness.dir, STRING_UTILS);
    writeClass(harness.dir, STRING_UTILS);
    await waitFor('the failure', () => harness!.failures().length > 0, TIMING.settleMs + 4_000);

    expect(harness.failures()).toHaveLength(1);
    expect(harness.failures()[0]?.path).toBe(stringUtils);
    expect(harness.failures()[0]?.error).toContain('disk I/O error (injected)');
    expect(harness.failures()[0]?.error).toContain(`${first.id} kept as stored`);
    expect(harness.runs()).toHaveLength(1);
    expect((await harness.engine.listRuns({ project: 'watched' })).map((run) => ({ id: run.id, totals: run.totals }))).toEqual([
      { id: first.id, totals: first.totals },
    ]);
    expect(rowsOf(harness.engine.dbPath, first.id)).toEqual(rowsBefore);
    expect(await causes(harness.engine, first.id)).toEqual(before);

    // Once the store takes it, the next write of the class file joins the run.
    db.exec(`DROP TRIGGER refuse_string_utils`);
    writeFileSync(stringUtils, readFileSync(stringUtils));
    await waitFor('run 2', () => harness!.runs().length === 2);
    const second = harness.runs()[1]!;
    expect(second.replaces).toEqual([first.id]);
    expect(second.totals).toEqual({ tests: 7, passed: 2, failed: 4, errored: 0, skipped: 1 });
    expect((await harness.engine.listRuns({ project: 'watched' })).map((run) => run.id)).toEqual([second.id]);
  });
});
