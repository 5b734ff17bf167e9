// The test x coverage hint: when a file's coverage drops between two runs and tests of the same
// module that ran in the first run did not run in the second (gone, or skipped), those tests are
// the likely reason, and the hint names them. Pure: it takes two runs' files and tests.
import type { TestStatus } from '../../../shared/types.js';
import type { FileLines } from './compare-coverage.js';
import { fileKeys, related, testKeys } from './module-key.js';

export interface HintTest {
  id: string;
  suite: string;
  name: string;
  file: string | null;
  status: TestStatus;
}

export interface HintRun {
  files: readonly FileLines[];
  tests: readonly HintTest[];
}

export interface MissingTest {
  id: string;
  suite: string;
  name: string;
  file: string | null;
  /** `missing`: not in the second run at all; `skipped`: there, but skipped. */
  after: 'missing' | 'skipped';
}

export interface CoverageHint {
  path: string;
  /** Line rates 0..1; `after` is null when the file is gone from the second run's coverage. */
  before: number;
  after: number | null;
  tests: MissingTest[];
  /** One line for people. */
  message: string;
}

const rate = (file: FileLines): number => (file.linesValid > 0 ? file.linesCovered / file.linesValid : 0);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** Tests that ran (passed, failed or errored) in `before` and did not run in `after`. */
function stoppedRunning(before: readonly HintTest[], after: readonly HintTest[]): MissingTest[] {
  const afterById = new Map(after.map((test) => [test.id, test]));
  const stopped: MissingTest[] = [];
  for (const test of before) {
    if (test.status === 'skipped') continue;
    const later = afterById.get(test.id);
    if (later && later.status !== 'skipped') continue;
    stopped.push({ id: test.id, suite: test.suite, name: test.name, file: test.file, after: later ? 'skipped' : 'missing' });
  }
  return stopped;
}

function label(test: MissingTest): string {
  const where = test.file ?? test.suite;
  return `${where ? `${where}::` : ''}${test.name} (${test.after === 'missing' ? 'not in the run' : 'skipped'})`;
}

export function coverageTestHints(before: HintRun, after: HintRun): CoverageHint[] {
  const stopped = stoppedRunning(before.tests, after.tests).map((test) => ({ test, keys: testKeys(test) }));
  if (stopped.length === 0) return [];
  const afterByPath = new Map(after.files.map((file) => [file.path, file]));
  const hints: CoverageHint[] = [];
  for (const file of before.files) {
    if (file.linesValid === 0) continue;
    const later = afterByPath.get(file.path);
    const dropped = !later || later.linesCovered < file.linesCovered || rate(later) < rate(file);
    if (!dropped) continue;
    const keys = fileKeys(file.path);
    const tests = stopped.filter((candidate) => related(keys, candidate.keys)).map((candidate) => candidate.test);
    if (tests.length === 0) continue;
    const shown = tests.slice(0, 5).map(label).join(', ');
    const change = later
      ? `fell from ${percent(rate(file))} to ${percent(rate(later))} (${file.linesCovered}/${file.linesValid} → ${later.linesCovered}/${later.linesValid} lines)`
      : `is no longer covered at all (was ${percent(rate(file))})`;
    hints.push({
      path: file.path,
      before: rate(file),
      after: later ? rate(later) : null,
      tests,
      message: `${file.path} ${change}; ${tests.length} test(s) of the same module ran before and not now: ${shown}${tests.length > 5 ? ', …' : ''}`,
    });
  }
  return hints.sort((a, b) => a.path.localeCompare(b.path));
}
