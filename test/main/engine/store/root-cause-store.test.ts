import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../../src/main/engine/engine.js';
import { REPO_ROOT } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const RUN = join(REPO_ROOT, 'test', 'fixtures', 'runners', 'go', 'run-1');

describe('root causes in the store', () => {
  it('are written with the run at ingest, one per failing result', async () => {
    const dbPath = join(tempDir(), 'vigil.db');
    const engine = openEngine({ dbPath });
    const outcome = await engine.ingestPaths({ paths: [RUN], project: 'go-shop' });
    engine.close();
    const failing = (outcome.runs[0]?.totals.failed ?? 0) + (outcome.runs[0]?.totals.errored ?? 0);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM result_causes').pluck().get()).toBe(failing);
    db.close();
  });

  it('are recomputed on read for results stored without them (an older Vigil, an older classifier)', async () => {
    const dbPath = join(tempDir(), 'vigil.db');
    const engine = openEngine({ dbPath });
    await engine.ingestPaths({ paths: [RUN], project: 'go-shop' });
    const before = await engine.getFailures({ run: 'latest' });
    const raw = new Database(dbPath);
    raw.prepare('DELETE FROM result_causes').run();
    raw.close();
    const after = await engine.getFailures({ run: 'latest' });
    expect(after.groups.map((group) => [group.id, group.category])).toEqual(before.groups.map((group) => [group.id, group.category]));
    engine.close();
    const check = new Database(dbPath, { readonly: true });
    expect(check.prepare('SELECT COUNT(*) FROM result_causes').pluck().get()).toBeGreaterThan(0);
    check.close();
  });
});
