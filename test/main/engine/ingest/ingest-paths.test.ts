import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import { REPO_ROOT, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const VITEST = join(REPO_ROOT, 'test', 'fixtures', 'vitest');
const SUREFIRE = fixturePath('junit-xml/action-junit-report/tests/utils/target/surefire-reports');

let engine: Engine | null = null;
function freshEngine(): Engine {
  engine = openEngine({ dbPath: join(tempDir(), 'vigil.db') });
  return engine;
}
afterEach(() => {
  engine?.close();
  engine = null;
});

describe('ingest: run assembly', () => {
  it('counts the JUnit and JSON reports of one Vitest run as one run', async () => {
    const outcome = await freshEngine().ingestPaths({ paths: [join(VITEST, 'one-run-two-reporters')] });
    expect(outcome.errors).toEqual([]);
    expect(outcome.runs).toHaveLength(1);
    const [run] = outcome.runs;
    expect(run?.totals).toEqual({ tests: 6, passed: 2, failed: 2, errored: 0, skipped: 2 });
    expect(run?.sources.map((source) => source.split('/').pop()).sort()).toEqual(['junit.xml', 'results.json']);
    // The JSON reporter's start time, not the files' copy time.
    expect(run?.startedAt).toBe(new Date(1795250659049).toISOString());
  });

  it('keeps reports of one folder with different start times as different runs', async () => {
    const folder = tempDir();
    copyFileSync(join(VITEST, 'one-run-two-reporters', 'junit.xml'), join(folder, 'junit-1.xml'));
    copyFileSync(join(VITEST, 'one-run-two-reporters', 'results.json'), join(folder, 'results-1.json'));
    copyFileSync(join(VITEST, 'second-run', 'junit.xml'), join(folder, 'junit-2.xml'));
    copyFileSync(join(VITEST, 'second-run', 'results.json'), join(folder, 'results-2.json'));
    const outcome = await freshEngine().ingestPaths({ paths: [folder] });
    expect(outcome.runs.map((run) => run.totals)).toEqual([
      { tests: 6, passed: 2, failed: 2, errored: 0, skipped: 2 },
      { tests: 6, passed: 3, failed: 1, errored: 0, skipped: 2 },
    ]);
    expect(outcome.runs.map((run) => run.sources.length)).toEqual([2, 2]);
  });

  it('assembles Surefire TEST-*.xml files of one folder into one run, named after the Maven project', async () => {
    const project = join(tempDir(), 'calc-service');
    const reports = join(project, 'target', 'surefire-reports');
    mkdirSync(reports, { recursive: true });
    writeFileSync(join(project, 'pom.xml'), '<project/>');
    cpSync(SUREFIRE, reports, { recursive: true });
    const outcome = await freshEngine().ingestPaths({ paths: [project] });
    expect(outcome.errors).toEqual([]);
    expect(outcome.runs).toHaveLength(1);
    const [run] = outcome.runs;
    expect(run?.project).toBe('calc-service');
    expect(run?.sources).toHaveLength(3);
    // Sums of the three files' <testsuite tests= failures= skipped=> headers: 1+2+5, 0+2+2, 0+0+1.
    expect(run?.totals).toEqual({ tests: 8, passed: 3, failed: 4, errored: 0, skipped: 1 });
  });

  it('keeps runs of different folders apart and honours --project', async () => {
    const outcome = await freshEngine().ingestPaths({
      paths: [join(VITEST, 'one-run-two-reporters'), join(VITEST, 'second-run')],
      project: 'calc',
    });
    expect(outcome.runs).toHaveLength(2);
    expect(outcome.runs.every((run) => run.project === 'calc')).toBe(true);
  });
});

describe('ingest: the same content is stored once', () => {
  it('reports files already stored as duplicates with their run', async () => {
    const store = freshEngine();
    const first = await store.ingestPaths({ paths: [join(VITEST, 'one-run-two-reporters')] });
    const second = await store.ingestPaths({ paths: [join(VITEST, 'one-run-two-reporters')] });
    expect(second.runs).toEqual([]);
    expect(second.duplicates.map((duplicate) => duplicate.runId)).toEqual([first.runs[0]?.id, first.runs[0]?.id]);
    expect(await store.listRuns({})).toHaveLength(1);
  });

  it('stores identical files in two folders of one batch once', async () => {
    const a = tempDir();
    const b = tempDir();
    copyFileSync(join(VITEST, 'second-run', 'junit.xml'), join(a, 'junit.xml'));
    copyFileSync(join(VITEST, 'second-run', 'junit.xml'), join(b, 'junit.xml'));
    const outcome = await freshEngine().ingestPaths({ paths: [a, b] });
    expect(outcome.runs).toHaveLength(1);
    expect(outcome.duplicates).toEqual([{ path: join(b, 'junit.xml'), runId: outcome.runs[0]?.id }]);
  });
});

describe('ingest: bad input', () => {
  it('names each bad file with its problem, stores nothing of it, and ingests the rest', async () => {
    const folder = tempDir();
    copyFileSync(join(VITEST, 'second-run', 'junit.xml'), join(folder, 'good.xml'));
    writeFileSync(join(folder, 'empty.xml'), '');
    const full = join(VITEST, 'one-run-two-reporters', 'junit.xml');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(full, 'utf8');
    writeFileSync(join(folder, 'half-written.xml'), text.slice(0, Math.floor(text.length / 2)));
    writeFileSync(join(folder, 'notes.txt'), 'just some notes, not a report\n');
    const outcome = await freshEngine().ingestPaths({ paths: [folder] });
    expect(outcome.runs).toHaveLength(1);
    expect(outcome.runs[0]?.totals.tests).toBe(6);
    const errors = Object.fromEntries(outcome.errors.map((error) => [error.path.split('/').pop(), error.error]));
    expect(Object.keys(errors).sort()).toEqual(['empty.xml', 'half-written.xml']);
    expect(errors['empty.xml']).toMatch(/empty/);
    expect(errors['half-written.xml']).toMatch(/truncated|unclosed|never closed/i);
  });

  it('reports a file named directly that is not a report, and a missing path', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'notes.txt'), 'just some notes\n');
    const outcome = await freshEngine().ingestPaths({ paths: [join(folder, 'notes.txt'), join(folder, 'missing.xml')] });
    expect(outcome.runs).toEqual([]);
    expect(outcome.errors).toEqual([
      { path: join(folder, 'missing.xml'), error: 'file does not exist' },
      { path: join(folder, 'notes.txt'), error: 'not a recognised test report (unknown format)' },
    ]);
  });
});
