// Retention deletes old runs with everything of theirs, and the tests only those runs had: a
// renamed test must not stay in the store forever once the runs that knew it are gone.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import { RUNS_PER_TRANSACTION } from '../../../../src/main/engine/store/retention.js';
import { tempDir } from '../../../support/temp.js';

let engine: Engine | null = null;
afterEach(() => {
  engine?.close();
  engine = null;
});

function junit(timestamp: string, names: string[]): string {
  const cases = names.map((name) => `<testcase classname="app.CartTest" name="${name}" time="0.01"/>`).join('');
  return `<?xml version="1.0"?><testsuite name="app.CartTest" tests="${names.length}" timestamp="${timestamp}">${cases}</testsuite>`;
}

describe('Retention', () => {
  it('deletes old runs and the tests no remaining run has, keeping tests still in use', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'vigil.db');
    writeFileSync(join(dir, 'old.xml'), junit('2026-01-01T10:00:00', ['adds', 'removes', 'renamedLater']));
    writeFileSync(join(dir, 'new.xml'), junit('2026-06-01T10:00:00', ['adds', 'removes', 'renamedNow']));
    engine = openEngine({ dbPath });
    const outcome = await engine.ingestPaths({ paths: [join(dir, 'old.xml'), join(dir, 'new.xml')], project: 'cart' });
    expect(outcome.runs).toHaveLength(2);
    const [oldRun, newRun] = outcome.runs;

    const result = await engine.deleteRunsOlderThan({ project: 'cart', days: (Date.now() - Date.parse('2026-03-01')) / 86_400_000 });
    expect(result.deleted).toEqual([oldRun?.id]);
    expect(result.testsDeleted).toBe(1);
    engine.close();
    engine = null;

    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare(`SELECT name FROM tests ORDER BY name`).pluck().all()).toEqual(['adds', 'removes', 'renamedNow']);
      expect(db.prepare(`SELECT DISTINCT run_id FROM results`).pluck().all()).toEqual([newRun?.id]);
    } finally {
      db.close();
    }
  });

  it('deletes no test when no run goes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'new.xml'), junit('2026-06-01T10:00:00', ['adds']));
    engine = openEngine({ dbPath: join(dir, 'vigil.db') });
    await engine.ingestPaths({ paths: [join(dir, 'new.xml')], project: 'cart' });
    const result = await engine.deleteRunsOlderThan({ project: 'cart', days: 100 * 365 });
    expect(result).toMatchObject({ deleted: [], testsDeleted: 0 });
  });

  it('deletes many runs a few at a time, oldest first, answering other calls in between', async () => {
    const dir = tempDir();
    const count = RUNS_PER_TRANSACTION * 2 + 5;
    const paths = Array.from({ length: count }, (_, i) => {
      const path = join(dir, `run-${i}.xml`);
      writeFileSync(path, junit(new Date(Date.UTC(2026, 0, 1 + i, 10)).toISOString().slice(0, 19), ['adds', `only${i}`]));
      return path;
    });
    writeFileSync(join(dir, 'new.xml'), junit('2026-06-01T10:00:00', ['adds']));
    engine = openEngine({ dbPath: join(dir, 'vigil.db') });
    expect((await engine.ingestPaths({ paths: [...paths, join(dir, 'new.xml')], project: 'cart' })).runs).toHaveLength(count + 1);
    const all = (await engine.listRuns({ project: 'cart' })).map((run) => run.id);
    const old = all.slice(0, count);

    const deleting = engine.deleteRunsOlderThan({ project: 'cart', days: (Date.now() - Date.parse('2026-03-01')) / 86_400_000 });
    // Asked while the deletion is under way: answered between two of its transactions, with the
    // oldest runs gone and the rest still there.
    const midway = (await engine.listRuns({ project: 'cart' })).map((run) => run.id);
    expect(midway.length).toBeGreaterThan(1);
    expect(midway.length).toBeLessThan(count + 1);
    expect(midway).toEqual(all.slice(all.length - midway.length));
    const result = await deleting;
    expect(result.deleted).toEqual(old);
    expect(result.testsDeleted).toBe(count);
    expect((await engine.listRuns({ project: 'cart' })).map((run) => run.startedAt)).toEqual(['2026-06-01T10:00:00.000Z']);
  });
});
