import { describe, expect, it } from 'vitest';
import { analyseRun, type RunFailure } from '../../../../src/main/engine/analysis/analyse-run.js';
import { classifyFacts } from '../../../../src/main/engine/analysis/classify.js';
import { factsOf } from '../../../../src/main/engine/analysis/facts.js';
import type { FailureInput } from '../../../../src/main/engine/analysis/failure-input.js';
import type { HistorySignal } from '../../../../src/main/engine/analysis/history/history-types.js';
import { signatureOf } from '../../../../src/main/engine/analysis/signature.js';
import { compileUserRules, type FailureTexts } from '../../../../src/main/engine/analysis/user-rules.js';
import type { CategoryOverride } from '../../../../src/shared/root-cause-types.js';

interface Planted extends FailureInput {
  ordinal: number;
}

function failure(input: Planted): RunFailure {
  const facts = factsOf(input);
  const { signature, messageKey, title } = signatureOf(facts, input);
  return {
    testId: input.id,
    suite: input.suite ?? 'suite',
    name: input.name ?? input.id,
    file: input.file ?? 'tests/test_shop.py',
    status: input.status ?? 'failed',
    ordinal: input.ordinal,
    signature,
    messageKey,
    title,
    classification: classifyFacts(facts),
  };
}

const PLANTED: Planted[] = [
  { id: 't_audit', ordinal: 0, name: 'test_audit', message: 'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) no such table: audit_log' },
  { id: 't_sale', ordinal: 1, name: 'test_sale', message: 'assert 0 == 1', output: 'ERROR shop.sales: audit write failed: (sqlite3.OperationalError) no such table: audit_log' },
  { id: 't_leak1', ordinal: 2, name: 'test_a', message: 'IntegrityError: UNIQUE constraint failed: users.email' },
  { id: 't_leak2', ordinal: 3, name: 'test_b', message: 'IntegrityError: UNIQUE constraint failed: users.email' },
  { id: 't_leak3', ordinal: 4, name: 'test_c', message: 'IntegrityError: UNIQUE constraint failed: users.email' },
  { id: 't_price', ordinal: 5, name: 'test_price', message: 'assert 81.0 == 90.0' },
  { id: 't_log', ordinal: 6, name: 'test_log', message: 'assert 2 == 3', output: 'ERROR something unrelated happened: disk quota' },
];

function analyse(options: { overrides?: CategoryOverride[]; rules?: Parameters<typeof compileUserRules>[0]; history?: Map<string, HistorySignal[]> } = {}) {
  const failures = PLANTED.map(failure);
  const texts = new Map<string, FailureTexts>(PLANTED.map((p) => [p.id, { message: p.message, trace: '', output: p.output ?? '', name: p.name ?? '' }]));
  return analyseRun({
    failures,
    texts: (id) => texts.get(id) ?? { message: '', trace: '', output: '', name: '' },
    userRules: compileUserRules(options.rules ?? []),
    overrides: new Map((options.overrides ?? []).map((o) => [o.signature, o])),
    history: options.history ?? new Map(),
  });
}

describe('analyseRun', () => {
  it('groups one cause into one group and ranks groups by tests unblocked', () => {
    const { groups, byTest } = analyse();
    const leak = groups.find((group) => group.category === 'isolation_leak');
    expect(leak?.tests).toEqual(['t_leak1', 't_leak2', 't_leak3']);
    expect(leak?.evidence).toContain('3 tests fail with this signature');
    expect(groups[0]).toBe(leak);
    expect(byTest.get('t_leak2')).toEqual({ category: 'isolation_leak', confidence: leak?.confidence, groupId: leak?.id });
  });

  it('links a cascade to the group its output names, and counts it in that group\'s blocks', () => {
    const { groups } = analyse();
    const cause = groups.find((group) => group.title === 'no such table: audit_log');
    const cascade = groups.find((group) => group.category === 'cascade');
    expect(cascade?.tests).toEqual(['t_sale']);
    expect(cascade?.cascadeOf).toBe(cause?.id);
    expect(cascade?.evidence[0]).toMatch(/^caused by "no such table: audit_log"/);
    expect(cause?.blocks).toBe(2);
    expect(groups.indexOf(cascade ?? groups[0]!)).toBe(groups.indexOf(cause ?? groups[0]!) + 1);
  });

  it('falls back from an output-only cascade whose logged error matches no failure', () => {
    const { byTest } = analyse();
    expect(byTest.get('t_log')?.category).toBe('product_defect');
  });

  it('applies an override of a signature, then user rules, before history and content', () => {
    const price = failure(PLANTED[5] as Planted);
    const { byTest } = analyse({
      overrides: [{ project: 'p', signature: price.signature, category: 'config_mismatch', title: 'x', createdAt: '2026-11-21T00:00:00.000Z' }],
      rules: [{ id: 'u_1', project: null, category: 'external_blocker', field: 'message', pattern: 'UNIQUE constraint', description: null, createdAt: '' }],
    });
    expect(byTest.get('t_price')).toMatchObject({ category: 'config_mismatch', confidence: 1 });
    expect(byTest.get('t_leak1')).toMatchObject({ category: 'external_blocker', confidence: 0.95 });
  });

  it('lets order dependence turn a plain assertion into an isolation leak', () => {
    const history = new Map<string, HistorySignal[]>([
      ['t_price', [{ kind: 'order_dependence', category: 'isolation_leak', confidence: 0.8, evidence: ['order-dependent: ...', 'likely polluter: test_a'] }]],
    ]);
    const { groups, byTest } = analyse({ history });
    expect(byTest.get('t_price')?.category).toBe('isolation_leak');
    expect(groups.find((group) => group.tests.includes('t_price'))?.evidence).toContain('likely polluter: test_a');
  });
});
