// `vigil show` with coverage (CLI.md): RUN.coverage, the `coverage` block of --json with every
// file, and the human view's totals and least covered files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/capture-io.js';
import { OWN_COVERAGE } from '../../support/coverage-fixtures.js';
import { tempDir } from '../../support/temp.js';

const RUN_KEYS = ['coverage', 'durationMs', 'format', 'id', 'project', 'sources', 'startedAt', 'totals'];

describe('vigil show: coverage', () => {
  it('--json: RUN.coverage in the contract shape and a coverage block with every file', async () => {
    const db = join(tempDir(), 'vigil.db');
    const ingest = await cli('ingest', join(OWN_COVERAGE, 'calc'), '--db', db, '--json');
    expect(ingest.code).toBe(0);
    const run = JSON.parse(ingest.stdout).runs[0];
    expect(Object.keys(run).sort()).toEqual(RUN_KEYS);
    expect(Object.keys(run.coverage).sort()).toEqual(['branchesCovered', 'branchesValid', 'lineRate', 'linesCovered', 'linesValid']);

    const show = JSON.parse((await cli('show', 'latest', '--db', db, '--json')).stdout);
    expect(show.run).toEqual(run);
    expect(show.coverage).toMatchObject({ linesCovered: 25, linesValid: 32, lineRate: 0.78125, branchesCovered: 8, branchesValid: 14, format: 'coveragepy-json', fileCount: 3 });
    expect(show.coverage.files.map((file: { path: string }) => file.path)).toEqual(['calc/__init__.py', 'calc/money.py', 'calc/stats.py']);
    expect(show.coverage.files[1]).toEqual({
      path: 'calc/money.py',
      linesCovered: 13,
      linesValid: 15,
      lineRate: 13 / 15,
      branchesCovered: 4,
      branchesValid: 6,
      functionsCovered: null,
      functionsValid: null,
      statementsCovered: null,
      statementsValid: null,
      missedLines: '10,16',
    });
    expect(show.coverage.warnings).toHaveLength(2);
  });

  it('human: the totals, where reports disagree, and the least covered files', async () => {
    const db = join(tempDir(), 'vigil.db');
    const ingest = await cli('ingest', join(OWN_COVERAGE, 'calc'), '--db', db);
    expect(ingest.stdout).toMatch(/^warning +.*lcov\.info: lcov\.info \(lcov\) disagrees with coverage\.json/m);
    const show = (await cli('show', 'latest', '--db', db)).stdout;
    expect(show).toMatch(/^coverage  lines 25\/32 \(78\.1%\), branches 8\/14 \(57\.1%\)$/m);
    expect(show).toMatch(/3 file\(s\), from coveragepy-json: .*coverage\.json \(2 other format\(s\) of the same coverage checked\)/);
    expect(show).toMatch(/^ +note +.*lcov\.info: the report's header disagrees with its files/m);
    expect(show).toMatch(/^LOWEST COVERAGE +LINES +RATE +MISSED LINES\ncalc\/stats\.py +12\/17 +70\.6% +11,15,19-21\ncalc\/money\.py +13\/15 +86\.7% +10,16$/m);
  });

  it('a run without coverage shows none and says coverage: null', async () => {
    const db = join(tempDir(), 'vigil.db');
    await cli('ingest', join(OWN_COVERAGE, 'calc', 'reports', 'junit.xml'), '--db', db);
    const show = JSON.parse((await cli('show', 'latest', '--db', db, '--json')).stdout);
    expect(show.run.coverage).toBeNull();
    expect(show.coverage).toBeNull();
    expect((await cli('show', 'latest', '--db', db)).stdout).not.toMatch(/^coverage/m);
  });
});
