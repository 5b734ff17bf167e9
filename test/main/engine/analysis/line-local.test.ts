// Patterns matched line by line must find exactly what they find in the whole text: the screen
// of rules (rules/rule-screen.ts) and the test-client flag (facts.ts) rely on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_CLIENT } from '../../../../src/main/engine/analysis/facts.js';
import { BUILTIN_RULES } from '../../../../src/main/engine/analysis/rules/index.js';
import { isLineLocal } from '../../../../src/main/engine/analysis/rules/line-local.js';
import { REPO_ROOT } from '../../../support/fixtures.js';

/** Lines of real failure messages and traces (the labelled set), plus lines built to sit on the edges. */
function realLines(): string[] {
  const rows = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'root-causes', 'labelled.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { message?: string; trace?: string; output?: string });
  const lines = rows.flatMap((row) => [row.message ?? '', row.trace ?? '', row.output ?? ''].join('\n').split('\n'));
  return [...new Set(lines.map((line) => line.trim()).filter((line) => line !== ''))];
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('isLineLocal', () => {
  it('accepts what cannot cross a line and refuses what could', () => {
    for (const pattern of [/no such table[^\n]*/i, /\bfoo\.bar\(\d+\)/, /^E\w/m, /a(?<!\d)b$/m, /[\w.-]+:\d+/]) expect(isLineLocal(pattern), pattern.source).toBe(true);
    for (const pattern of [/a\sb/, /[^']+/, /^x/, /x$/, /a[\s\S]b/, /a.b/s, /\x0a/, /a\nb/, /[\n]/, /[]/, /[^]/, /\Wx/, /a\u000ab/]) expect(isLineLocal(pattern), pattern.source).toBe(false);
  });

  it('holds for the built-in rules: each line-local pattern finds in a text what it finds in its first line that has a match', () => {
    const lines = realLines();
    const next = random(7);
    const patterns = BUILTIN_RULES.flatMap((rule) => [rule.match?.head, rule.match?.output, rule.unless]).filter((pattern): pattern is RegExp => pattern !== undefined && isLineLocal(pattern));
    expect(patterns.length).toBeGreaterThan(60);
    let matched = 0;
    for (let round = 0; round < 400; round++) {
      const texts = Array.from({ length: 1 + Math.floor(next() * 5) }, () => lines[Math.floor(next() * lines.length)] ?? '');
      const joined = texts.join('\n');
      for (const pattern of patterns) {
        const whole = pattern.exec(joined)?.[0] ?? null;
        let byLine: string | null = null;
        for (const text of texts) {
          byLine = pattern.exec(text)?.[0] ?? null;
          if (byLine !== null) break;
        }
        expect(byLine, `${pattern.source.slice(0, 60)} on ${JSON.stringify(joined).slice(0, 200)}`).toBe(whole);
        if (whole !== null) matched += 1;
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});

describe('the test-client flag', () => {
  it('rests on a line-local pattern, so it can be tested on the head, the trace and the name apart', () => {
    expect(isLineLocal(TEST_CLIENT)).toBe(true);
    const parts = ['response = self.client.post(url)', 'client.get(', 'TestClient', 'xTestClient', 'supertest(app)', 'request(app)', 'MockMvc', 'inject({', 'fastify.inject', 'last_response', 'Rack::Test', 'lient', 'AsyncClient(app', 'nothing here', ''];
    const next = random(11);
    for (let round = 0; round < 2000; round++) {
      const three = Array.from({ length: 3 }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => parts[Math.floor(next() * parts.length)] ?? '').join(next() < 0.5 ? '\n' : ' '));
      expect(three.some((part) => TEST_CLIENT.test(part)), JSON.stringify(three)).toBe(TEST_CLIENT.test(three.join('\n')));
    }
  });
});
