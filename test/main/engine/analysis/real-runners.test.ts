// End to end: real pytest (Debian's, with SQLAlchemy), `go test -json -shuffle` (Debian's golang)
// and Vitest run the projects in test/fixtures/runner-projects several times in different orders;
// every planted failure must land in its category. A missing runner fails the test under CI
// (CI installs them in .ci/run) and is skipped, with a warning, elsewhere. The recorded outputs
// in test/fixtures/runners are checked everywhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO_TEST, PYTEST, RECORDED, VITEST_RUN, checkPlanted, classifyRuns, record, runTimes, type RunnerSpec } from '../../../support/runner-e2e.js';
import { tempDir } from '../../../support/temp.js';

const RUNS = 3;
const SPECS: RunnerSpec[] = [PYTEST, GO_TEST, VITEST_RUN];

describe.each(SPECS)('planted failures under $runner', (spec) => {
  it('land in their categories in the recorded runs', async () => {
    const dir = join(RECORDED, spec.runner);
    expect(existsSync(dir), `${dir} is missing: record it with VIGIL_RECORD_RUNNERS=1`).toBe(true);
    const runs = await classifyRuns(dir, join(tempDir(), 'vigil.db'), `${spec.runner}-shop`);
    expect(runs.length).toBeGreaterThanOrEqual(RUNS);
    expect(checkPlanted(spec, runs)).toEqual([]);
  });

  it(`land in their categories when ${spec.runner} runs now, ${RUNS} times in different orders`, async (context) => {
    const missing = spec.unavailable();
    if (missing) {
      if (process.env.CI) throw new Error(`${spec.runner} should be installed by .ci/run: ${missing}`);
      console.warn(`skipping the live ${spec.runner} run: ${missing}`);
      context.skip();
      return;
    }
    const dir = tempDir('vigil-runner-');
    runTimes(spec, dir, RUNS);
    const runs = await classifyRuns(dir, join(dir, 'vigil.db'), `${spec.runner}-shop`);
    expect(runs).toHaveLength(RUNS);
    expect(checkPlanted(spec, runs)).toEqual([]);
    if (process.env.VIGIL_RECORD_RUNNERS === '1') record(spec, dir);
  }, 240_000);
});
