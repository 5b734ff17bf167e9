// A store as Vigil's first schema (version 10) holds it: real reports read by today's readers,
// written with the SQL of version 10's tables only, exactly as the first release wrote them.
// Migration tests fill such a store, then migrate it and check that nothing was lost.
import type Database from 'better-sqlite3';
import { assembleRuns } from '../../src/main/engine/ingest/assemble-runs.js';
import { ProjectResolver } from '../../src/main/engine/ingest/project-name.js';
import { readReport } from '../../src/main/engine/ingest/read-report.js';
import { migrate } from '../../src/main/engine/store/migrate.js';
import { MIGRATIONS } from '../../src/main/engine/store/migrations/index.js';
import type { AssembledRun } from '../../src/main/engine/model/assembled-run.js';

export const FIRST_SCHEMA_VERSION = 10;

function writeRun(db: Database.Database, run: AssembledRun): void {
  db.prepare(`INSERT INTO projects (name, root) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`).run(run.project, run.projectRoot);
  const projectId = db.prepare(`SELECT id FROM projects WHERE name = ?`).pluck().get(run.project) as number;
  db.prepare(
    `INSERT INTO runs (id, project_id, started_at, duration_ms, format, folder, hostname, tests, passed, failed, errored, skipped, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(run.id, projectId, Math.round(run.startedAtMs), run.durationMs, run.format, run.folder, run.hostname, run.totals.tests, run.totals.passed, run.totals.failed, run.totals.errored, run.totals.skipped, 1_765_962_000_000);
  for (const source of run.sources) {
    db.prepare(`INSERT INTO source_files (run_id, path, size, mtime_ms, sha256, format, kind) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      run.id, source.path, source.size, Math.round(source.mtimeMs), source.sha256, source.format, source.kind,
    );
  }
  for (const [key, value] of Object.entries(run.properties)) db.prepare(`INSERT INTO run_properties (run_id, key, value) VALUES (?, ?, ?)`).run(run.id, key, value);
  run.tests.forEach((test, ordinal) => {
    db.prepare(`INSERT INTO tests (project_id, key, suite, name, file) VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id, key) DO NOTHING`).run(projectId, test.id, test.suite, test.name, test.file);
    const testId = db.prepare(`SELECT id FROM tests WHERE project_id = ? AND key = ?`).pluck().get(projectId, test.id) as number;
    db.prepare(
      `INSERT INTO results (run_id, test_id, ordinal, status, duration_ms, started_at, message, trace, stdout, stderr, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(run.id, testId, ordinal, test.status, test.durationMs, test.startedAt, test.message, test.trace, test.stdout, test.stderr, test.attempts.length + 1);
    test.attempts.forEach((attempt, index) => {
      db.prepare(`INSERT INTO result_attempts (run_id, test_id, attempt, status, duration_ms, message, trace, stdout, stderr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        run.id, testId, index + 1, attempt.status, attempt.durationMs ?? null, attempt.message ?? null, attempt.trace ?? null, attempt.stdout ?? null, attempt.stderr ?? null,
      );
    });
  });
}

/** Migrates `db` to version 10 only and stores the runs of `reports` (test-result files) in it. */
export async function fillFirstSchemaStore(db: Database.Database, path: string, reports: readonly string[]): Promise<AssembledRun[]> {
  migrate(db, path, MIGRATIONS.filter((migration) => migration.version <= FIRST_SCHEMA_VERSION));
  const parsed = await Promise.all(reports.map((report) => readReport(report)));
  const runs = assembleRuns(parsed, new ProjectResolver());
  db.transaction(() => runs.forEach((run) => writeRun(db, run)))();
  if (runs.length === 0) throw new Error('fillFirstSchemaStore: the reports made no runs');
  return runs;
}
