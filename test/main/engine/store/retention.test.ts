// Retention deletes old runs with everything of theirs, and the tests only those runs had: a
// renamed test must not stay in the store forever once the runs that knew it are gone.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
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
});
