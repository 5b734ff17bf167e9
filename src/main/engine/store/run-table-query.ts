// A run's tests as the desktop run table needs them (RunTestTable): one pass over the run's
// results in raw rows, suites and files interned, no traces, output, attempts or analysis, so a
// 100,000-test run is read and sent in a fraction of getRun's time and size.
import type { Database, Statement } from 'better-sqlite3';
import type { RunSummary, TestStatus } from '../../../shared/types.js';
import { TABLE_MESSAGE_CHARS, type RunTestTable } from '../../../shared/ui-types.js';

const LETTER: Record<TestStatus, string> = { passed: 'p', failed: 'f', errored: 'e', skipped: 's' };

type RawRow = [key: string, suite: string, name: string, file: string | null, status: TestStatus, durationMs: number | null, message: string | null];

export class RunTableQuery {
  private readonly rows: Statement;

  constructor(db: Database) {
    // substr keeps long messages (up to 256 KiB each) out of the read; the first line is cut below.
    this.rows = db
      .prepare(
        `SELECT t.key, t.suite, t.name, t.file, res.status, res.duration_ms, substr(res.message, 1, ${TABLE_MESSAGE_CHARS + 1})
         FROM results res JOIN tests t ON t.id = res.test_id WHERE res.run_id = ? ORDER BY res.ordinal`,
      )
      .raw();
  }

  table(run: RunSummary): RunTestTable {
    const table: RunTestTable = { run, ids: [], names: [], suites: [], suiteIndex: [], files: [], fileIndex: [], statuses: '', durationsMs: [], messages: [] };
    const suites = new Map<string, number>();
    const files = new Map<string, number>();
    const letters: string[] = [];
    let position = 0;
    for (const row of this.rows.iterate(run.id) as Iterable<RawRow>) {
      const [key, suite, name, file, status, durationMs, message] = row;
      table.ids.push(key);
      table.names.push(name);
      table.suiteIndex.push(intern(suites, table.suites, suite));
      table.fileIndex.push(file === null ? -1 : intern(files, table.files, file));
      letters.push(LETTER[status]);
      table.durationsMs.push(durationMs);
      if (message) table.messages.push([position, firstLine(message)]);
      position += 1;
    }
    table.statuses = letters.join('');
    return table;
  }
}

function intern(index: Map<string, number>, list: string[], value: string): number {
  let at = index.get(value);
  if (at === undefined) {
    at = list.length;
    list.push(value);
    index.set(value, at);
  }
  return at;
}

function firstLine(message: string): string {
  const trimmed = message.trimStart();
  const end = trimmed.indexOf('\n');
  const line = end < 0 ? trimmed : trimmed.slice(0, end);
  return line.length > TABLE_MESSAGE_CHARS ? `${line.slice(0, TABLE_MESSAGE_CHARS - 1)}…` : line.trimEnd();
}
