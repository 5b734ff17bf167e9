// The rule screen finds, line by line and only where the patterns' literals are, exactly what
// running every rule's head and `unless` patterns on the whole head finds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../../../src/main/engine/analysis/rules/index.js';
import type { Rule } from '../../../../src/main/engine/analysis/rules/rule.js';
import { candidatesFor } from '../../../../src/main/engine/analysis/rules/rule-screen.js';
import { REPO_ROOT } from '../../../support/fixtures.js';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Every rule run on the whole head, in list order. */
function screenedPlainly(rules: readonly Rule[], head: string): [string, string | null][] {
  const kept: [string, string | null][] = [];
  for (const rule of rules) {
    let found: string | null = null;
    if (rule.match?.head) {
      if (head === '') continue;
      found = rule.match.head.exec(head)?.[0] ?? null;
      if (found === null) continue;
    }
    if (rule.unless?.test(head)) continue;
    kept.push([rule.id, found]);
  }
  return kept;
}

describe('candidatesFor', () => {
  it('keeps the rules, and the head matches, that running every pattern on the whole head keeps', () => {
    const rows = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'root-causes', 'labelled.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { message?: string; trace?: string });
    const lines = [...new Set(rows.flatMap((row) => `${row.message ?? ''}\n${row.trace ?? ''}`.split('\n')).map((line) => line.trim()))];
    const next = random(23);
    const heads = [...rows.map((row) => row.message ?? ''), '', 'E   x', 'Caused by: java.net.ConnectException: Connection refused\n\tat x'];
    for (let round = 0; round < 1500; round++) heads.push(Array.from({ length: 1 + Math.floor(next() * 4) }, () => lines[Math.floor(next() * lines.length)] ?? '').join('\n'));
    // Twice: the second time from what the screen kept of the heads and lines.
    for (let pass = 0; pass < 2; pass++) {
      for (const head of heads) expect(candidatesFor(BUILTIN_RULES, head).map((candidate) => [candidate.rule.id, candidate.head]), head.slice(0, 120)).toEqual(screenedPlainly(BUILTIN_RULES, head));
    }
  });
});
