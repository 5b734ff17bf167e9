// The literals a pattern cannot match without, and the index the rule screen reads them from: a
// text is passed over only when the pattern cannot match it, so a literal too many only costs a
// run of the pattern, but one too few would lose a match.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../../../src/main/engine/analysis/rules/index.js';
import { LiteralIndex } from '../../../../src/main/engine/analysis/rules/literal-index.js';
import { requiredLiterals } from '../../../../src/main/engine/analysis/rules/required-literals.js';
import { REPO_ROOT } from '../../../support/fixtures.js';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Lines of the labelled failures' messages, traces and output. */
function realLines(): string[] {
  const rows = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'root-causes', 'labelled.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { message?: string; trace?: string; output?: string });
  return [...new Set(rows.flatMap((row) => [row.message ?? '', row.trace ?? '', row.output ?? ''].join('\n').split('\n')))];
}

const builtinPatterns = (): RegExp[] => [...new Set(BUILTIN_RULES.flatMap((rule) => [rule.match?.head, rule.match?.output, rule.match?.trace, rule.match?.name, rule.unless]).filter((pattern): pattern is RegExp => pattern !== undefined))];

const holds = (pattern: RegExp, text: string): boolean => {
  const required = requiredLiterals(pattern);
  if (!required) return true;
  const haystack = required.ignoreCase ? text.toLowerCase() : text;
  return required.literals.some((literal) => haystack.includes(literal));
};

describe('requiredLiterals', () => {
  it('reads runs, optional characters, groups and quantifiers', () => {
    expect(requiredLiterals(/No module named '[\w.]+'[^\n]*|Cannot find module/)?.literals).toEqual(["No module named '", 'Cannot find module']);
    expect(requiredLiterals(/colou?r(?:ed)? blue/)?.literals).toEqual([' blue']);
    expect(requiredLiterals(/ab+c/)?.literals).toEqual(['ab']);
    expect(requiredLiterals(/xy{2,}z/)?.literals).toEqual(['xy']);
    expect(requiredLiterals(/x{0,3}yz/)?.literals).toEqual(['yz']);
    expect(requiredLiterals(/\b(?:401|403|429)\b[^\n]*/)?.literals).toEqual(['401', '403', '429']);
    expect(requiredLiterals(/request\(app\)|inject\(\{/)?.literals).toEqual(['request(app)', 'inject({']);
    expect(requiredLiterals(/(?:cool-?down|\bTTL\b)[^\n]*\d+ ?ms/i)).toEqual({ literals: ['cool', 'ttl'], ignoreCase: true });
    expect(requiredLiterals(/a(?=bcd)e/)?.literals).toEqual(['a']);
  });

  it('gives none where an alternative has none, or where it cannot tell', () => {
    for (const pattern of [/\d+/, /^[^\n]+/, /abc|/, /a|\d/, /(?:abc)?x?/, /\x41BC/, /\u0041BC/, /(a)\1bc/, /\cJabc/, /abc/u, /abc/g, /abc/y, /caf\u00e9/i, /café/i])
      expect(requiredLiterals(pattern), pattern.source).toBeNull();
  });

  it('never leaves out a literal a match holds: the built-in patterns on real lines and on lines built from their own literals', () => {
    const patterns = builtinPatterns();
    const withLiterals = patterns.filter((pattern) => requiredLiterals(pattern) !== null);
    expect(withLiterals.length).toBeGreaterThan(patterns.length * 0.9);
    const lines = realLines();
    // Fragments of the patterns' own sources make texts near their literals, in both cases.
    const fragments = patterns.flatMap((pattern) => pattern.source.replace(/\\(.)/g, '$1').split(/[|()[\]*+?{}^$]+/)).filter((part) => part.length > 0);
    const next = random(17);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const texts = [...lines];
    for (let round = 0; round < 3000; round++) {
      const parts = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
        const part = next() < 0.5 ? pick(fragments) : pick(lines).slice(0, 60);
        return next() < 0.3 ? part.toUpperCase() : part;
      });
      texts.push(parts.join(pick(['', ' ', ': ', '\n', "'", '"', ' 500 ', '_X '])));
    }
    let matched = 0;
    for (const pattern of withLiterals) {
      for (const text of texts) {
        if (!pattern.test(text)) continue;
        matched += 1;
        expect(holds(pattern, text), `${pattern.source.slice(0, 80)} on ${JSON.stringify(text.slice(0, 120))}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });
});

describe('LiteralIndex', () => {
  it('lets through every pattern that matches a text, on real lines and on texts of several lines', () => {
    const patterns = builtinPatterns();
    const index = new LiteralIndex(patterns.map(requiredLiterals));
    const lines = realLines();
    const next = random(5);
    const texts = [...lines, ...Array.from({ length: 300 }, () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => lines[Math.floor(next() * lines.length)] ?? '').join('\n'))];
    let passedOver = 0;
    for (const text of texts) {
      const possible = index.possible(text);
      patterns.forEach((pattern, id) => {
        if (possible[id] === 0) {
          passedOver += 1;
          expect(pattern.test(text), `${pattern.source.slice(0, 80)} on ${JSON.stringify(text.slice(0, 120))}`).toBe(false);
        }
      });
    }
    // Most pairs of a text and a pattern are passed over: what the index is for.
    expect(passedOver).toBeGreaterThan(texts.length * patterns.length * 0.5);
  });

  it('finds literals that overlap, start where a longer one starts, or sit at either end', () => {
    const index = new LiteralIndex([
      { literals: ['abc'], ignoreCase: false },
      { literals: ['bcd'], ignoreCase: false },
      { literals: ['ab'], ignoreCase: false },
      { literals: ['xyz'], ignoreCase: true },
      null,
      { literals: ['q'], ignoreCase: false },
    ]);
    expect([...index.possible('abcd')]).toEqual([1, 1, 1, 0, 1, 1]);
    expect([...index.possible('zzab')]).toEqual([0, 0, 1, 0, 1, 1]);
    expect([...index.possible('..XyZ')]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...index.possible('')]).toEqual([0, 0, 0, 0, 1, 1]);
  });
});
