// Coverage in compare, the report and goals: two real shop runs, each with a real coverage.py
// Cobertura report written beside it (pycobertura's diff-coverage fixtures: old and new).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalsCheck } from '../../../../src/shared/report-types.js';
import type { RunComparison } from '../../../../src/shared/compare-types.js';
import { cli } from '../../../support/capture-io.js';
import { fixturePath } from '../../../support/fixtures.js';
import { checkMarkdown } from '../../../support/markdown-structure.js';
import { SHOP_RUNS_DIR } from '../../../support/shop-history.js';
import { tempDir } from '../../../support/temp.js';

const OLD = fixturePath('cobertura-xml/pycobertura/dummy.diffcoverage/old-coverage.xml');
const NEW = fixturePath('cobertura-xml/pycobertura/dummy.diffcoverage/new-coverage.xml');

/** Line rate per file counted straight from the XML's <line hits=...> elements. */
function ratesOf(path: string): Map<string, number> {
  const rates = new Map<string, number>();
  for (const match of readFileSync(path, 'utf8').matchAll(/<class [^>]*filename="([^"]+)"[^>]*>([\s\S]*?)<\/class>/g)) {
    const hits = [...(match[2] ?? '').matchAll(/<line [^>]*hits="(\d+)"/g)].map((line) => Number(line[1]));
    rates.set(match[1] ?? '', hits.filter((count) => count > 0).length / hits.length);
  }
  return rates;
}

async function storeWithCoverage(): Promise<string> {
  const root = tempDir();
  const runWith = (run: string, coverage: string, folder: string): string => {
    const dir = join(root, folder);
    mkdirSync(dir);
    for (const file of readdirSync(join(SHOP_RUNS_DIR, run))) copyFileSync(join(SHOP_RUNS_DIR, run, file), join(dir, file));
    copyFileSync(coverage, join(dir, 'coverage.xml'));
    return dir;
  };
  const db = join(root, 'vigil.db');
  const ingest = await cli('ingest', runWith('1-2026-11-16-morning', OLD, 'monday'), runWith('7-2026-11-20-rerun', NEW, 'friday'), '--project', 'shop', '--db', db);
  expect(ingest.code, ingest.stderr).toBe(0);
  return db;
}

describe('coverage across two runs', () => {
  it('compare gives the totals and every file that moved, as the reports count them', async () => {
    const db = await storeWithCoverage();
    const comparison = JSON.parse((await cli('compare', 'first', 'latest', '--db', db, '--json')).stdout) as RunComparison;
    const before = ratesOf(OLD);
    const after = ratesOf(NEW);
    expect(comparison.coverage?.before).toBeCloseTo(5 / 6, 10);
    expect(comparison.coverage?.after).toBe(1);
    const moved = [...after.keys()].filter((path) => before.get(path) !== after.get(path));
    expect(comparison.coverage?.files).toEqual(moved.map((path) => ({ path, before: before.get(path), after: after.get(path) })));
    expect(comparison.before.coverage).toMatchObject({ linesCovered: 5, linesValid: 6 });
  });

  it('the report shows the totals and the files that moved; goals read the same figures', async () => {
    const db = await storeWithCoverage();
    const report = await cli('report', '--db', db);
    expect(checkMarkdown(report.stdout).problems).toEqual([]);
    expect(report.stdout).toContain('| line rate | 83.3% | 100.0% | +16.7 points |');
    expect(report.stdout).toContain('| lines covered | 5/6 lines | 6/6 lines |   |');
    expect(report.stdout).toContain('| `app/file3.py` | 50.0% | 100.0% | +50.0 points |');
    const goals = join(tempDir(), 'goals.json');
    writeFileSync(goals, JSON.stringify({ goals: [{ type: 'coverage', minPercent: 90 }, { type: 'coverage', minPercent: 100, file: 'app/file3.py' }, { type: 'coverage', minPercent: 50, file: 'app/missing.py' }] }));
    const gate = JSON.parse((await cli('gate', '--goals', goals, '--db', db, '--json')).stdout) as GoalsCheck;
    expect(gate.goals.results.map((goal) => [goal.status, goal.actual, goal.detail])).toEqual([
      ['met', '100.0% (6/6 lines)', `line rate in ${gate.run.id}`],
      ['met', '100.0%', `line rate of app/file3.py in ${gate.run.id}`],
      ['no_data', null, `app/missing.py is not in the coverage of ${gate.run.id}`],
    ]);
  });
});
