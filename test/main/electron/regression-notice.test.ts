import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../src/main/engine/engine.js';
import { regressionNotice, runRegressions } from '../../../src/main/electron/regression-notice.js';
import { SHOP_RUNS_DIR } from '../../support/shop-history.js';
import { tempDir } from '../../support/temp.js';

let engine: Engine | null = null;
afterEach(() => {
  engine?.close();
  engine = null;
});

describe('regressionNotice', () => {
  it('names the regressed tests of a run against the one before it, with the run\'s pass rate', async () => {
    engine = openEngine({ dbPath: join(tempDir(), 'vigil.db') });
    await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
    const runs = await engine.listRuns({ project: 'shop' });
    // Run 2 (evening of the 16th): the users tests and "ships within deadline" regressed.
    const second = runs[1];
    if (!second) throw new Error('no second run');
    const notice = await regressionNotice(engine, second);
    expect(notice?.title).toBe('shop: 3 tests regressed');
    expect(notice?.body).toContain('inserts a user');
    expect(notice?.body).toContain(`Pass rate 5/13 (38.5%) (run ${second.id})`);
    // The first run has nothing before it; run 7 regressed nothing against run 6.
    expect(await regressionNotice(engine, runs[0] ?? second)).toBeNull();
    expect(await regressionNotice(engine, runs[6] ?? second)).toBeNull();
  });

  it('names only the regressions not told yet, for a run that grew and replaced the one told', async () => {
    engine = openEngine({ dbPath: join(tempDir(), 'vigil.db') });
    await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
    const second = (await engine.listRuns({ project: 'shop' }))[1];
    if (!second) throw new Error('no second run');
    const all = await runRegressions(engine, second);
    expect(all.regressed).toHaveLength(3);
    expect(all.notice?.title).toBe('shop: 3 tests regressed');

    const [first, ...others] = all.regressed;
    const partly = await runRegressions(engine, second, new Set(others));
    expect(partly.regressed).toEqual(all.regressed);
    expect(partly.notice?.title).toBe('shop: 1 more test regressed');
    const comparison = await engine.compareRuns({ before: 'first', after: second.id, project: 'shop' });
    expect(partly.notice?.body).toContain(comparison.tests[first ?? '']?.name ?? '\u0000');

    const told = await runRegressions(engine, second, new Set(all.regressed));
    expect(told).toEqual({ regressed: all.regressed, notice: null });
  });
});
