// A large lone report is parsed on a worker thread while it is stored (ingest/stream/). That path
// must store exactly what the ordinary path (read whole, assemble, write) stores: the same run,
// tests, results in the same order, attempts, properties and root causes. Real reports from
// ../shared/fixtures (every one whose tests repeat, so retries and "#2" cases cross the thread
// boundary, and a few of each format) and a generated 3,000-test JUnit inside a project folder.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../../../src/main/engine/engine.js';
import { readReport } from '../../../../../src/main/engine/ingest/read-report.js';
import { parseWorkerAt, type ParseWorkerFactory } from '../../../../../src/main/engine/ingest/stream/parse-worker-factory.js';
import type { StreamLimits } from '../../../../../src/main/engine/ingest/stream/stream-messages.js';
import type { IngestOutcome } from '../../../../../src/shared/types.js';
import { generate } from '../../../../../bench/generate-junit.js';
import { expectedEntries, fixturePath } from '../../../../support/fixtures.js';
import { sourceParseWorker } from '../../../../support/source-parse-worker.js';
import { tempDir } from '../../../../support/temp.js';

/** Streams every lone report (threshold 0), or none. */
function engineAt(dbPath: string, streamed: boolean): Engine {
  return openEngine({ dbPath, parseWorker: streamed ? sourceParseWorker() : null, streamMinBytes: 0 });
}

/** Everything the store holds about its runs, with internal row ids replaced by test keys. */
function dump(dbPath: string): unknown {
  const db = new Database(dbPath, { readonly: true });
  try {
    const byKey = `JOIN tests t ON t.id = x.test_id`;
    return {
      runs: db.prepare(`SELECT r.id, p.name, p.root, started_at, duration_ms, format, folder, hostname, tests, passed, failed, errored, skipped FROM runs r JOIN projects p ON p.id = r.project_id ORDER BY r.id`).all(),
      sources: db.prepare(`SELECT run_id, path, size, mtime_ms, sha256, format, kind FROM source_files ORDER BY run_id, path`).all(),
      properties: db.prepare(`SELECT * FROM run_properties ORDER BY run_id, key`).all(),
      tests: db.prepare(`SELECT key, suite, name, file FROM tests ORDER BY key`).all(),
      // Order, not the ordinal's value: a retry moves its test to the end of what is stored so far.
      results: db.prepare(`SELECT x.run_id, t.key, status, duration_ms, started_at, message, trace, stdout, stderr, attempts FROM results x ${byKey} ORDER BY x.run_id, x.ordinal`).all(),
      attempts: db.prepare(`SELECT x.run_id, t.key, attempt, status, duration_ms, message, trace, stdout, stderr FROM result_attempts x ${byKey} ORDER BY x.run_id, t.key, attempt`).all(),
      causes: db
        .prepare(`SELECT x.run_id, t.key, classifier, signature, message_key, title, category, confidence, evidence, rules, alt_category, alt_confidence FROM result_causes x ${byKey} ORDER BY x.run_id, t.key`)
        .all(),
    };
  } finally {
    db.close();
  }
}

async function ingestBoth(path: string, limits?: Partial<StreamLimits>): Promise<{ streamed: IngestOutcome; whole: IngestOutcome; streamedDb: string; wholeDb: string }> {
  const dir = tempDir();
  const result = { streamedDb: join(dir, 'streamed.db'), wholeDb: join(dir, 'whole.db') };
  const a = limits ? openEngine({ dbPath: result.streamedDb, parseWorker: sourceParseWorker(), streamMinBytes: 0, streamLimits: limits }) : engineAt(result.streamedDb, true);
  const b = engineAt(result.wholeDb, false);
  try {
    return { ...result, streamed: await a.ingestPaths({ paths: [path] }), whole: await b.ingestPaths({ paths: [path] }) };
  } finally {
    a.close();
    b.close();
  }
}

/** Ingests `path` (alone in its folder) with parse workers from `parseWorker`: the tests of each stored run. */
async function storedTests(path: string, parseWorker: ParseWorkerFactory): Promise<number[]> {
  const engine = openEngine({ dbPath: join(dirname(path), 'vigil.db'), parseWorker, streamMinBytes: 0 });
  try {
    const outcome = await engine.ingestPaths({ paths: [path] });
    expect(outcome.errors).toEqual([]);
    return outcome.runs.map((run) => run.totals.tests);
  } finally {
    engine.close();
  }
}

/** Fixtures whose tests repeat (retries, same-named cases), and the first two of each format. */
async function chosenFixtures(): Promise<string[]> {
  const perFormat = new Map<string, number>();
  const chosen: string[] = [];
  for (const [relative, entry] of Object.entries(expectedEntries())) {
    if (!entry.expected || entry.format === 'jest-json' || entry.format === 'invalid') continue;
    const report = await readReport(fixturePath(relative)).catch(() => null);
    if (!report) continue;
    const repeats = report.tests.some((test) => test.attempts.length > 0 || / #\d+$/.test(test.name));
    const seen = perFormat.get(entry.format) ?? 0;
    if (repeats || seen < 2) {
      chosen.push(relative);
      perFormat.set(entry.format, seen + 1);
    }
  }
  return chosen;
}

describe('streaming ingest of a lone report', () => {
  it('stores exactly what reading the report whole stores, for real reports of every format', async () => {
    const chosen = await chosenFixtures();
    const withRetries = [];
    for (const relative of chosen) {
      const { streamed, whole, streamedDb, wholeDb } = await ingestBoth(fixturePath(relative));
      expect(streamed.errors, relative).toEqual(whole.errors);
      expect(streamed.runs.map((run) => [run.id, run.totals]), relative).toEqual(whole.runs.map((run) => [run.id, run.totals]));
      const expected = dump(wholeDb) as { attempts: unknown[] };
      expect(dump(streamedDb), relative).toEqual(expected);
      if (expected.attempts.length > 0) withRetries.push(relative);
    }
    // The comparison covers retries crossing the thread boundary, not only plain reports.
    expect(chosen.length).toBeGreaterThan(20);
    expect(withRetries.length).toBeGreaterThan(2);
  }, 240_000);

  it('makes test files relative to the project root and classifies failures as the whole path does', async () => {
    const project = join(tempDir(), 'shop');
    mkdirSync(join(project, 'reports'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}');
    const path = join(project, 'reports', 'junit.xml');
    generate(3_000, path, 7);
    // Absolute test paths inside the project, as some runners write them.
    writeFileSync(path, readFileSync(path, 'utf8').replace(/ file="([^"]*)"/g, ` file="${project}/$1"`));
    const { streamed, streamedDb, wholeDb } = await ingestBoth(path);
    expect(streamed.errors).toEqual([]);
    expect(streamed.runs).toHaveLength(1);
    expect(streamed.runs[0]!.project).toBe('shop');
    const stored = dump(streamedDb) as { tests: { file: string }[]; causes: unknown[] };
    expect(stored.tests.filter((test) => test.file.startsWith('/'))).toEqual([]);
    expect(stored.tests.filter((test) => test.file.length > 0).length).toBe(3_000);
    expect(stored.causes.length).toBeGreaterThan(50);
    expect(stored).toEqual(dump(wholeDb));
  });

  it('keeps every attempt of a retried retry, texts included, taking the retried outcomes from the store', async () => {
    // The worker keeps no texts of failing tests: a retry copies the outcome it retries from the
    // row stored for it. Three entries of one test, other tests between them: failed, failed
    // after a rerun it reports itself, passed.
    const others = (from: number) => Array.from({ length: 100 }, (_, index) => `<testcase classname="S" name="other ${from + index}"/>`).join('');
    const path = join(tempDir(), 'retries.xml');
    writeFileSync(
      path,
      `<testsuites><testsuite name="S">
        <testcase classname="S" name="flaky" time="0.1"><failure message="one">trace one</failure><system-out>out one</system-out></testcase>${others(0)}
        <testcase classname="S" name="flaky" time="0.2"><failure message="two">trace two</failure><rerunFailure message="two-rerun">trace rerun</rerunFailure></testcase>${others(100)}
        <testcase classname="S" name="flaky" time="0.3"/>
      </testsuite></testsuites>`,
    );
    const { streamed, streamedDb, wholeDb } = await ingestBoth(path);
    expect(streamed.errors).toEqual([]);
    const stored = dump(streamedDb) as { attempts: { key: string; attempt: number; status: string; message: string; trace: string; stdout: string | null }[] };
    expect(stored.attempts.map(({ attempt, status, message, trace, stdout }) => ({ attempt, status, message, trace, stdout }))).toEqual([
      { attempt: 1, status: 'failed', message: 'one', trace: 'trace one', stdout: 'out one' },
      { attempt: 2, status: 'failed', message: 'two-rerun', trace: 'trace rerun', stdout: null },
      { attempt: 3, status: 'failed', message: 'two', trace: 'trace two', stdout: null },
    ]);
    expect(stored).toEqual(dump(wholeDb));
  });

  it('waits for the storing thread when its queue or its unsettled tests reach their limits, and stores the same', async () => {
    // One message queued at most, and 100 tests settled before the project's stored tests come:
    // the worker waits on the storing thread all along. The storing thread checks the queue's
    // length on every message it takes, so a worker that did not wait fails this ingest.
    const path = join(tempDir(), 'junit.xml');
    generate(3_000, path, 11);
    const { streamed, whole, streamedDb, wholeDb } = await ingestBoth(path, { queued: 1, waiting: 100 });
    expect(streamed.errors).toEqual([]);
    expect(streamed.runs.map((run) => run.totals)).toEqual(whole.runs.map((run) => run.totals));
    expect(dump(streamedDb)).toEqual(dump(wholeDb));
  });

  it('gives way to the whole path when two tests meet once paths are made relative, even with its worker waiting', async () => {
    // "a.ts" and "<project>/a.ts" are two tests until paths are made relative, then one: the
    // store refuses the second row, the run rolls back and the report is read whole. With room
    // for one message the worker is most likely waiting for the store then, and must be stopped
    // at once, not after its 30 s of silence (the test's 15 s would run out).
    const project = join(tempDir(), 'shop');
    mkdirSync(join(project, 'reports'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}');
    const path = join(project, 'reports', 'junit.xml');
    const many = (from: number) => Array.from({ length: 2_000 }, (_, index) => `<testcase classname="S" name="t${from + index}" file="b.ts"/>`).join('');
    writeFileSync(
      path,
      `<testsuites><testsuite name="S"><testcase classname="S" name="same" file="a.ts"/>${many(0)}<testcase classname="S" name="same" file="${project}/a.ts"><failure message="late"/></testcase>${many(2_000)}</testsuite></testsuites>`,
    );
    const { streamed, whole, streamedDb, wholeDb } = await ingestBoth(path, { queued: 1 });
    expect(streamed.errors).toEqual([]);
    expect(streamed.runs.map((run) => run.totals)).toEqual(whole.runs.map((run) => run.totals));
    expect(dump(streamedDb)).toEqual(dump(wholeDb));
  }, 15_000);

  it('stores nothing of a broken report and names the file; a second copy is a duplicate', async () => {
    const dir = tempDir();
    const good = join(dir, 'good', 'junit.xml');
    mkdirSync(join(dir, 'good'));
    generate(2_000, good, 3);
    const broken = join(dir, 'broken.xml');
    const text = readFileSync(good, 'utf8');
    writeFileSync(broken, text.slice(0, Math.floor(text.length * 0.7)));
    const engine = engineAt(join(dir, 'vigil.db'), true);
    try {
      const bad = await engine.ingestPaths({ paths: [broken] });
      expect(bad.runs).toEqual([]);
      expect(bad.errors).toHaveLength(1);
      expect(bad.errors[0]!.path).toBe(broken);
      expect(bad.errors[0]!.error).toMatch(/truncated|unexpected end|unclosed/i);
      expect(await engine.listRuns({})).toEqual([]);
      const first = await engine.ingestPaths({ paths: [good] });
      expect(first.runs).toHaveLength(1);
      const copy = join(dir, 'copy.xml');
      copyFileSync(good, copy);
      const again = await engine.ingestPaths({ paths: [copy] });
      expect(again.runs).toEqual([]);
      expect(again.duplicates).toEqual([{ path: copy, runId: first.runs[0]!.id }]);
    } finally {
      engine.close();
    }
    const db = new Database(join(dir, 'vigil.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM results').pluck().get()).toBe(2_000);
    db.close();
  });

  it('reads the report whole when the worker cannot start', async () => {
    const dir = tempDir();
    const path = join(dir, 'junit.xml');
    generate(1_000, path, 5);
    expect(await storedTests(path, parseWorkerAt(new URL('./no-such-worker.js', import.meta.url)))).toEqual([1_000]);
  });
});

describe('a parse worker started ahead of its report (as `vigil ingest` starts it)', () => {
  const boot = new URL('../../../../support/ts-worker-boot.mjs', import.meta.url);
  const entry = new URL('../../../../../src/main/engine/ingest/stream/parse-worker.ts', import.meta.url).href;
  const unknownWorker = new URL('./no-such-worker.js', import.meta.url);

  it('gets the report and parses it while it is stored', async () => {
    const dir = tempDir();
    const path = join(dir, 'junit.xml');
    generate(2_000, path, 9);
    const spare = new Worker(boot, { workerData: { spare: true, entry } });
    spare.unref();
    // Any other worker cannot start: only the spare can have streamed the report.
    const exited = once(spare, 'exit');
    expect(await storedTests(path, parseWorkerAt(unknownWorker, spare))).toEqual([2_000]);
    // Stopped by the ingest once the run was stored: it was the spare that did the work.
    await exited;
  });

  it('is passed over when it died before the report came, and the report is still stored', async () => {
    const dir = tempDir();
    const path = join(dir, 'junit.xml');
    generate(500, path, 3);
    const spare = new Worker(boot, { workerData: { spare: true, entry: new URL('./no-such-entry.ts', import.meta.url).href } });
    const failed = new Promise<Error>((resolve) => spare.once('error', resolve));
    await new Promise((resolve) => spare.once('exit', resolve));
    // Its code does not exist; what matters is what the ingest does next.
    expect((await failed).message).toMatch(/no-such-entry/);
    expect(await storedTests(path, parseWorkerAt(unknownWorker, spare))).toEqual([500]);
  });
});
