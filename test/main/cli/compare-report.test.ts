// `vigil compare`, `vigil report` and `vigil gate` on the real `shop` history: the report's
// figures are the stored runs' figures, goals are checked against the data, and the Markdown
// keeps its structure at any size limit.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunComparison } from '../../../src/shared/compare-types.js';
import type { GoalsCheck, HandoffReport } from '../../../src/shared/report-types.js';
import { passRate } from '../../../src/shared/run-figures.js';
import type { RunSummary } from '../../../src/shared/types.js';
import { cli } from '../../support/capture-io.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { checkMarkdown, type MarkdownTable } from '../../support/markdown-structure.js';
import { SHOP_RUNS_DIR } from '../../support/shop-history.js';
import { tempDir } from '../../support/temp.js';

let db: string;
let runs: RunSummary[];

let scratch: string;

// One store for the whole file (tempDir() folders are removed after each test).
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vigil-report-'));
  db = join(scratch, 'vigil.db');
  const ingest = await cli('ingest', SHOP_RUNS_DIR, '--project', 'shop', '--db', db);
  expect(ingest.code, ingest.stderr).toBe(0);
  runs = JSON.parse((await cli('runs', '--db', db, '--json')).stdout).runs;
  expect(runs).toHaveLength(7);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tableAfter(markdown: string, heading: string): MarkdownTable {
  const { tables } = checkMarkdown(markdown);
  const start = markdown.split('\n').indexOf(heading);
  const found = tables.find((table) => table.line > start);
  if (start < 0 || !found) throw new Error(`no table after ${heading}`);
  return found;
}

describe('vigil compare', () => {
  it('prints the CLI.md shape with --json, selectors included', async () => {
    const result = await cli('compare', 'first', 'latest', '--db', db, '--json');
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(result.stdout) as RunComparison;
    for (const key of ['before', 'after', 'fixed', 'regressed', 'stillFailing', 'added', 'removed', 'newlySkipped', 'coverage']) expect(comparison).toHaveProperty(key);
    expect(comparison.before).toEqual(runs[0]);
    expect(comparison.after).toEqual(runs[6]);
    expect(comparison.fixed).toHaveLength(1);
    expect(comparison.coverage).toBeNull();
  });

  it('prints a readable summary without --json', async () => {
    const result = await cli('compare', runs[1]?.id ?? '', 'latest~2', '--db', db);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^before +r_\w+ +2026-11-16T17:30:00\.\d+Z +5\/13 \(38\.5%\)/);
    expect(result.stdout).toMatch(/FIXED \(3\)\n/);
    expect(result.stdout).toMatch(/users › inserts a user +\(failed → passed\)/);
  });

  it('exits 2 on bad usage and 1 on an unknown run', async () => {
    expect((await cli('compare', 'first', '--db', db)).code).toBe(2);
    const unknown = await cli('compare', 'first', 'r_nope', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^vigil: no run matches 'r_nope'\n$/);
  });
});

describe('vigil report', () => {
  it('states the figures of the stored runs, each naming its run', async () => {
    for (const [beforeIndex, afterIndex] of [[0, 6], [1, 4], [3, 2], [5, 6]] as const) {
      const before = runs[beforeIndex];
      const after = runs[afterIndex];
      if (!before || !after) throw new Error('missing run');
      const result = await cli('report', '--before', before.id, '--after', after.id, '--db', db);
      expect(result.code, result.stderr).toBe(0);
      const markdown = result.stdout;
      expect(checkMarkdown(markdown).problems).toEqual([]);
      const table = tableAfter(markdown, '## Before and after');
      expect(table.header).toEqual(['', `before \`${before.id}\``, `after \`${after.id}\``, 'change']);
      const row = (label: string): string[] => table.rows.find((cells) => cells[0] === label) ?? [];
      for (const key of ['tests', 'passed', 'failed', 'errored', 'skipped'] as const) {
        expect(row(key), key).toEqual([key, String(before.totals[key]), String(after.totals[key]), expect.any(String)]);
        const delta = after.totals[key] - before.totals[key];
        expect(row(key)[3]).toBe(delta === 0 ? '0' : `${delta > 0 ? '+' : '-'}${Math.abs(delta)}`);
      }
      expect(row('pass rate').slice(0, 3)).toEqual(['pass rate', passRate(before.totals), passRate(after.totals)]);
      const points = (after.totals.passed / after.totals.tests - before.totals.passed / before.totals.tests) * 100;
      expect(row('pass rate')[3]).toBe(`${Math.abs(points) < 0.05 ? '0.0' : `${points > 0 ? '+' : '-'}${Math.abs(points).toFixed(1)}`} points`);
      // The counts of "What changed" are those of `vigil compare` for the same two runs.
      const comparison = JSON.parse((await cli('compare', before.id, after.id, '--db', db, '--json')).stdout) as RunComparison;
      const changes = tableAfter(markdown, '## What changed');
      const count = (label: string): string | undefined => changes.rows.find((cells) => cells[0] === label)?.[1];
      expect(count('fixed')).toBe(String(comparison.fixed.length));
      expect(count('regressed')).toBe(String(comparison.regressed.length));
      expect(count('still failing')).toBe(String(comparison.stillFailing.length));
      expect(count('skipped while failing')).toBe(String(comparison.skippedWhileFailing.length));
      expect(count('removed while failing')).toBe(String(comparison.removedWhileFailing.length));
      expect(count('added')).toBe(String(comparison.added.length));
      expect(count('removed')).toBe(String(comparison.removed.length));
      expect(count('newly skipped')).toBe(String(comparison.newlySkipped.length));
      // Every run id printed is one of the stored runs.
      const ids = new Set(runs.map((run) => run.id));
      for (const id of markdown.match(/\br_[0-9a-f]{16}\b/g) ?? []) expect(ids.has(id), id).toBe(true);
    }
  });

  it('defaults to the first and latest runs; root causes ranked, flaky tests with their interval', async () => {
    const result = await cli('report', '--db', db);
    expect(result.code).toBe(0);
    const markdown = result.stdout;
    expect(markdown).toContain(`# Handoff report: \`shop\``);
    expect(markdown).toContain(`7 runs of \`shop\`, from \`${runs[0]?.id}\` to \`${runs[6]?.id}\``);
    // A failing test that was skipped or deleted is listed as such, never as fixed.
    expect(markdown).toContain('- `prices api › fetches prices`: failed → skipped: was failing, not a fix');
    expect(markdown).toContain('- `prices api › fetches stock`: failed → absent: was failing, not a fix');
    expect(markdown).toContain(`3 failing tests in \`${runs[6]?.id}\`, in 3 groups`);
    const coupon = /### 3\. `product_defect`: `expected 93 to be 85 \/\/ Object\.is equality`\n\n- 1 failing test in `r_\w+`; blocks 1; confidence \d\.\d\d; failing since `(r_\w+)` \(2026-11-16 09:00:00 UTC\), 7 runs in a row/.exec(markdown);
    expect(coupon?.[1]).toBe(runs[0]?.id);
    // ships within deadline: P F P P F P P is 4 flips in 6 pairs.
    expect(tableAfter(markdown, '## Flaky tests').rows).toEqual([['`ships within deadline`', '4/6', '66.7%', '30.0% to 90.3%']]);
    expect(markdown).toContain('**Coverage: NO DATA.**');
  });

  it('names the leak and the blocker with their evidence when the report ends on run 2', async () => {
    const result = await cli('report', '--before', 'first', '--after', 'latest~5', '--db', db);
    const markdown = result.stdout;
    expect(markdown).toMatch(/### \d\. `isolation_leak`: `(Error: )?UNIQUE constraint failed: users\.email`/);
    expect(markdown).toMatch(/evidence: `the same tests run again fail more \(7 vs 4 in r_\w+\)/);
    expect(markdown).toMatch(/tests: `users › inserts a user`, `users › inserts an admin`/);
    expect(markdown).toMatch(/### \d\. `external_blocker`: `(Error: )?connect ECONNREFUSED 127\.0\.0\.1:8081`\n\n- 2 failing tests in `r_\w+`; blocks 2; confidence \d\.\d\d; failing since `r_\w+` \(2026-11-16 09:00:00 UTC\), 2 runs in a row/);
    expect(markdown).toContain('**Flaky tests: NO DATA.** 2 run(s) in the 2 runs');
    expect(checkMarkdown(markdown).problems).toEqual([]);
  });

  it('picks runs by date and writes --out FILE', async () => {
    const out = join(tempDir(), 'handoff.md');
    const result = await cli('report', '--before', 'latest~6', '--after', 'latest~1', '--out', out, '--db', db);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote .*handoff\.md \(\d+ bytes; r_\w+ → r_\w+\)\n$/);
    expect(readFileSync(out, 'utf8')).toContain(`after \`${runs[5]?.id}\``);
  });

  it('fits --max-bytes by folding lists, keeping every table whole', async () => {
    const full = await cli('report', '--db', db, '--json');
    const report = JSON.parse(full.stdout) as HandoffReport;
    expect(report.foldedItems).toBe(0);
    const limit = report.bytes - 400;
    const folded = await cli('report', '--db', db, '--max-bytes', String(limit), '--json');
    expect(folded.code).toBe(0);
    const fitted = JSON.parse(folded.stdout) as HandoffReport;
    expect(fitted.fits).toBe(true);
    expect(fitted.bytes).toBeLessThanOrEqual(limit);
    expect(Buffer.byteLength(fitted.markdown)).toBe(fitted.bytes);
    expect(fitted.foldedItems).toBeGreaterThan(0);
    const structure = checkMarkdown(fitted.markdown);
    expect(structure.problems).toEqual([]);
    expect(structure.tables.length).toBe(checkMarkdown(report.markdown).tables.length);
    expect(fitted.markdown).toMatch(/… and \d+ more/);

    const tiny = await cli('report', '--db', db, '--max-bytes', '500');
    expect(tiny.code).toBe(1);
    expect(tiny.stderr).toMatch(/^vigil: the report is \d+ bytes with every list folded, over --max-bytes 500\n$/);
    expect(checkMarkdown(tiny.stdout).problems).toEqual([]);
    expect((await cli('report', '--db', db, '--max-bytes', '12k')).code).toBe(2);
  });
});

const GOALS = {
  version: 1,
  goals: [
    { type: 'pass-rate', minPercent: 60 },
    { type: 'pass-rate', minPercent: 100, suite: 'cart', name: 'cart is green' },
    { type: 'pass-rate', minPercent: 100, path: 'src/db.test.js' },
    { type: 'test-count', min: 15 },
    { type: 'failures', max: 0, path: 'src/search.test.js' },
    { type: 'coverage', minPercent: 80 },
    { type: 'duration', maxSeconds: 60 },
    { type: 'isolation', runs: 2 },
    { type: 'isolation', runs: 3 },
  ],
};

describe('goals: vigil gate and the report', () => {
  function goalsFile(goals: unknown): string {
    const path = join(tempDir(), 'vigil.goals.json');
    writeFileSync(path, JSON.stringify(goals, null, 2));
    return path;
  }

  it('checks each goal against the latest run: MET, NOT MET or NO DATA, with the number', async () => {
    const result = await cli('gate', '--goals', goalsFile(GOALS), '--db', db, '--json');
    expect(result.code).toBe(1);
    const check = JSON.parse(result.stdout) as GoalsCheck;
    const latest = runs[6]?.id ?? '';
    const [r5, r6] = [runs[4]?.id ?? '', runs[5]?.id ?? ''];
    expect(check.run.id).toBe(latest);
    expect(check.goals.results.map((goal) => [goal.name, goal.status, goal.actual, goal.runIds])).toEqual([
      ['pass rate of all tests', 'met', '9/15 (60.0%)', [latest]],
      ['cart is green', 'not_met', '3/5 (60.0%)', [latest]],
      ["pass rate of path 'src/db.test.js'", 'met', '3/3 (100.0%)', [latest]],
      ['number of tests in all tests', 'met', '15 tests', [latest]],
      ["failing tests in path 'src/search.test.js'", 'not_met', '1 of 3 failing', [latest]],
      ['total line coverage', 'no_data', null, [latest]],
      ['run duration', 'met', expect.stringMatching(/ ms$/), [latest]],
      ['2 consecutive runs with the same result', 'met', '0 of 15 tests differ', [r6, latest]],
      ['3 consecutive runs with the same result', 'not_met', '3 of 15 tests differ', [r5, r6, latest]],
    ]);
    expect(result.stderr).toMatch(/gate failed for r_\w+: 3 goal\(s\) NOT MET, 1 with NO DATA/);
  });

  it('finds the leak: the second run of the same code differs from the first', async () => {
    const result = await cli('gate', '--run', 'latest~5', '--goals', goalsFile({ goals: [{ type: 'isolation' }] }), '--db', db);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/NOT MET +2 consecutive runs with the same result: 3 of 13 tests differ/);
    expect(result.stdout).toMatch(/inserts a user: passed → failed/);
  });

  it('exits 0 when every goal is met, and NO DATA fails unless allowed', async () => {
    const met = await cli('gate', '--goals', goalsFile({ goals: [{ type: 'test-count', min: 10 }, { type: 'isolation', runs: 2 }] }), '--db', db);
    expect(met.code, met.stderr).toBe(0);
    expect(met.stdout).toMatch(/^MET +number of tests in all tests: 15 tests \(target ≥ 10 tests\)/m);
    const noData = goalsFile({ goals: [{ type: 'coverage', minPercent: 50, file: 'src/db.js' }] });
    expect((await cli('gate', '--goals', noData, '--db', db)).code).toBe(1);
    expect((await cli('gate', '--goals', noData, '--allow-no-data', '--db', db)).code).toBe(0);
  });

  it('refuses a goals file with a typo, naming the goal and the field', async () => {
    const bad = goalsFile({ goals: [{ type: 'pass-rate', minPercent: 90 }, { type: 'pass-rate', min_percent: 90 }] });
    const result = await cli('gate', '--goals', bad, '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/vigil\.goals\.json: goals\[1\] \(pass-rate\) has an unknown field "min_percent"/);
    const missing = await cli('gate', '--goals', join(tempDir(), 'none.json'), '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the goals file \(ENOENT\)/);
  });

  it('reads vigil.goals.json at the project root found at ingest, in the gate and in the report', async () => {
    const project = tempDir();
    writeFileSync(join(project, 'package.json'), '{"name": "shop"}');
    cpSync(SHOP_RUNS_DIR, join(project, 'reports'), { recursive: true });
    writeFileSync(join(project, 'vigil.goals.json'), JSON.stringify(GOALS));
    const store = join(project, 'vigil.db');
    expect((await cli('ingest', join(project, 'reports'), '--db', store)).code).toBe(0);
    const gate = await cli('gate', '--db', store);
    expect(gate.stdout).toContain(`goals from ${join(project, 'vigil.goals.json')}`);
    const report = await cli('report', '--db', store);
    expect(report.stdout).toContain('Goals: 5 MET, 3 NOT MET, 1 NO DATA (see Goals).');
    const goals = tableAfter(report.stdout, '## Goals');
    expect(goals.header).toEqual(['#', 'goal', 'target', 'found', 'status', 'runs', 'from']);
    expect(goals.rows[1]).toEqual(['2', 'cart is green', '≥ 100%', '3/5 (60.0%)', '**NOT MET**', `\`${runs[6]?.id}\``, "suite 'cart' in " + runs[6]?.id]);
    expect(goals.rows[5]?.slice(3, 5)).toEqual(['NO DATA', '**NO DATA**']);
    expect(checkMarkdown(report.stdout).problems).toEqual([]);
  });
});

describe('the built `vigil` binary', () => {
  const bin = join(REPO_ROOT, 'bin', 'vigil.js');
  const built = existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js'));

  it.skipIf(!built)('reads an ISO date as a day in the local time zone', () => {
    const afterOn = (day: string, tz: string): string => {
      const result = spawnSync(process.execPath, [bin, 'compare', 'first', day, '--db', db, '--json'], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
      expect(result.status, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as RunComparison).after.startedAt;
    };
    // In UTC the last run of 16 November is the evening one (17:30Z)...
    expect(afterOn('2026-11-16', 'UTC')).toBe(runs[1]?.startedAt);
    expect(afterOn('2026-11-20', 'UTC')).toBe(runs[6]?.startedAt);
    // ...at UTC+14 that run is already on the 17th (07:30), so the 16th ends with the 09:00Z run.
    expect(afterOn('2026-11-16', 'Pacific/Kiritimati')).toBe(runs[0]?.startedAt);
    expect(afterOn('2026-11-17', 'Pacific/Kiritimati')).toBe(runs[1]?.startedAt);
  });

  it.skipIf(!built)('writes the report and gates through the real process', () => {
    const report = spawnSync(process.execPath, [bin, 'report', '--db', db, '--max-bytes', '65536'], { encoding: 'utf8' });
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout.startsWith('# Handoff report: `shop`')).toBe(true);
    const gate = spawnSync(process.execPath, [bin, 'gate', '--db', db], { encoding: 'utf8' });
    expect(gate.status).toBe(1);
    expect(gate.stderr).toMatch(/^vigil: no goals to check/);
  });
});
