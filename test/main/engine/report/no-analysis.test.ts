// A store without root-cause analysis (or with causes of an older classifier) still gets an
// honest report: failures grouped by message, and NO DATA said plainly for root causes and
// flakiness rather than a guess.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../../src/main/engine/engine.js';
import { noCoverage } from '../../../../src/main/engine/compare/coverage-source.js';
import { messageGroups } from '../../../../src/main/engine/compare/failure-groups.js';
import { resolvePair } from '../../../../src/main/engine/compare/resolve-pair.js';
import { RunComparer } from '../../../../src/main/engine/compare/run-comparer.js';
import { gatherReport } from '../../../../src/main/engine/report/report-data.js';
import { renderReport } from '../../../../src/main/engine/report/render-report.js';
import { noRootCauses } from '../../../../src/main/engine/report/root-cause-source.js';
import { openDatabase } from '../../../../src/main/engine/store/open-database.js';
import { CompareQueries } from '../../../../src/main/engine/store/compare-queries.js';
import { RunQueries } from '../../../../src/main/engine/store/run-queries.js';
import { checkMarkdown } from '../../../support/markdown-structure.js';
import { SHOP_RUNS_DIR } from '../../../support/shop-history.js';
import { tempDir } from '../../../support/temp.js';

describe('the report without root-cause analysis', () => {
  it('says NO DATA for root causes and flaky tests, and groups failures by message', async () => {
    const path = join(tempDir(), 'vigil.db');
    const engine = openEngine({ dbPath: path });
    await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
    engine.close();

    const db = openDatabase(path);
    try {
      const queries = new CompareQueries(db);
      const sources = { groups: messageGroups, coverage: noCoverage };
      const deps = { queries, comparer: new RunComparer(queries, sources), rootCauses: noRootCauses, coverage: noCoverage };
      const runs = new RunQueries(db);
      const pair = resolvePair({ stamps: (project) => queries.runStamps(project), summary: (id) => runs.runById(id), listProjects: () => runs.listProjects() }, 'first', 'latest', 'shop');
      const data = gatherReport(deps, pair);
      expect(data.comparison.groups.source).toBe('message');
      const { markdown } = renderReport(data, 25);
      expect(checkMarkdown(markdown).problems).toEqual([]);
      expect(markdown).toContain('**Root causes: NO DATA.** No root-cause analysis is stored for');
      expect(markdown).toContain('**Flaky tests: NO DATA.**');
      // Gone from the after run is not "fixed": the table says how each group left.
      expect(markdown).toMatch(/\| `connect ECONNREFUSED 127\.0\.0\.1:8081` \| gone: 0 fixed, 1 skipped, 1 removed \| 2 \| 0 \|/);
      expect(markdown).toMatch(/\| `AssertionError: expected 93 to be 85 \/\/ Object\.is equality` \| persisting \| 1 \| 1 \|/);
    } finally {
      db.close();
    }
  });
});
