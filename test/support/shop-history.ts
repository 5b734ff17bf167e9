// The `shop` history (test/fixtures/vitest-history): seven real Vitest runs over five days, and
// the status of every test in every run as its README states it, to check compare against.
import { join } from 'node:path';
import type { TestStatus } from '../../src/shared/types.js';
import { REPO_ROOT } from './fixtures.js';

export const SHOP_RUNS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'vitest-history', 'runs');

export const SHOP_STARTS = [
  '2026-11-16T09:00:00',
  '2026-11-16T17:30:00',
  '2026-11-17T10:00:00',
  '2026-11-18T11:00:00',
  '2026-11-19T09:30:00',
  '2026-11-20T15:00:00',
  '2026-11-20T15:05:00',
];

const CODE: Record<string, TestStatus | null> = { P: 'passed', F: 'failed', S: 'skipped', '-': null };

/** The README's table: test label, then its status in runs 1..7. */
const TABLE = `
cart › adds an item          P P P P P P P
cart › removes an item       P P P P P P P
cart › totals with tax       F F F P P P P
cart › applies coupon        F F F F F F F
cart › splits shipping       S S S S S S S
users › inserts a user       P F F F P P P
users › inserts an admin     P F F F P P P
users › finds a user         P P P P P P P
prices api › fetches prices  F F S S S S S
prices api › fetches stock   F F F - - - -
format › formats money       P P P F F P P
format › formats dates       P P P P P F F
ships within deadline        P F P P F P P
search › finds by name       - - - - P P P
search › finds by tag        - - - - F F F
search › ranks results       - - - - S S S
`;

export interface ShopTest {
  label: string;
  statuses: (TestStatus | null)[];
}

export const SHOP_TESTS: ShopTest[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const match = /^(.*?)\s+((?:[PFS-] ?){7})$/.exec(line);
    if (!match?.[1] || !match[2]) throw new Error(`bad table line: ${line}`);
    return { label: match[1], statuses: match[2].trim().split(' ').map((code) => CODE[code] ?? null) };
  });

export const labelOf = (test: { suite: string; name: string }): string => (test.suite ? `${test.suite} › ${test.name}` : test.name);

const failing = (status: TestStatus | null): boolean => status === 'failed' || status === 'errored';

/** The comparison of runs `a` and `b` (0-based), derived from the table alone, as labels. */
export function expectedSets(a: number, b: number): Record<string, string[]> {
  const sets: Record<string, string[]> = { fixed: [], regressed: [], stillFailing: [], added: [], removed: [], newlySkipped: [], failingBefore: [], skippedWhileFailing: [], removedWhileFailing: [], addedFailing: [] };
  const add = (key: string, label: string): void => {
    sets[key]?.push(label);
  };
  for (const { label, statuses } of SHOP_TESTS) {
    const was = statuses[a] ?? null;
    const now = statuses[b] ?? null;
    if (failing(was)) add('failingBefore', label);
    if (was !== null && now === null) {
      add('removed', label);
      if (failing(was)) add('removedWhileFailing', label);
    } else if (was === null && now !== null) {
      add('added', label);
      if (failing(now)) add('addedFailing', label);
    } else if (was !== null && now !== null) {
      if (failing(was) && now === 'passed') add('fixed', label);
      if (failing(was) && failing(now)) add('stillFailing', label);
      if (failing(was) && now === 'skipped') add('skippedWhileFailing', label);
      if (!failing(was) && failing(now)) add('regressed', label);
      if (was !== 'skipped' && now === 'skipped') add('newlySkipped', label);
    }
  }
  for (const list of Object.values(sets)) list.sort();
  return sets;
}
