import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/main/cli/main.js';
import type { CliIo } from '../../../../src/main/cli/cli-io.js';
import { ROOT_CAUSE_CATEGORIES, type FailureGroup } from '../../../../src/shared/root-cause-types.js';
import { cli } from '../../../support/capture-io.js';
import { REPO_ROOT } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const PYTEST_RUNS = join(REPO_ROOT, 'test', 'fixtures', 'runners', 'pytest');
const GROUP_KEYS = ['blocks', 'cascadeOf', 'category', 'confidence', 'evidence', 'id', 'signature', 'tests', 'title'];

async function cliWithStdin(stdin: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([stdin]),
  };
  return { code: await runCli(argv, io), stdout, stderr };
}

async function groupsOf(db: string, run = 'latest'): Promise<FailureGroup[]> {
  const result = await cli('failures', run, '--db', db, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { groups: FailureGroup[] }).groups;
}

describe('vigil failures / show rootCause (CLI.md)', () => {
  let db: string;
  beforeEach(async () => {
    db = join(tempDir(), 'vigil.db');
    expect((await cli('ingest', join(PYTEST_RUNS, 'run-1'), '--project', 'shop', '--db', db)).code).toBe(0);
  });

  it('prints groups in the contract shape, ranked, with the cascade linked to its cause', async () => {
    const groups = await groupsOf(db);
    expect(groups.length).toBeGreaterThan(5);
    for (const group of groups) {
      expect(Object.keys(group).sort()).toEqual(GROUP_KEYS);
      expect(ROOT_CAUSE_CATEGORIES).toContain(group.category);
      expect(group.id).toMatch(/^g_[0-9a-f]{16}$/);
      expect(group.evidence.length).toBeGreaterThan(0);
      expect(group.blocks).toBeGreaterThanOrEqual(group.tests.length);
    }
    const cascade = groups.find((group) => group.category === 'cascade');
    const cause = groups.find((group) => group.id === cascade?.cascadeOf);
    expect(cause?.title).toBe('no such table: audit_log');
    expect(cause?.category).toBe('config_mismatch');
    expect(cause?.blocks).toBe((cause?.tests.length ?? 0) + (cascade?.tests.length ?? 0));
    expect(groups.indexOf(cascade as FailureGroup)).toBe(groups.indexOf(cause as FailureGroup) + 1);
    const roots = groups.filter((group) => group.cascadeOf === null);
    for (let i = 1; i < roots.length; i++) expect(roots[i - 1]?.blocks ?? 0).toBeGreaterThanOrEqual(roots[i]?.blocks ?? 0);
    const text = await cli('failures', 'latest', '--db', db);
    expect(text.stdout).toMatch(/^\d+ group\(s\), \d+ test\(s\) blocked/);
    expect(text.stdout).toMatch(/\[config_mismatch \d\.\d\d\] no such table: audit_log/);
  });

  it('gives every failing test of `vigil show` its root cause and group', async () => {
    const groups = await groupsOf(db);
    const detail = JSON.parse((await cli('show', 'latest', '--db', db, '--json')).stdout) as { tests: { id: string; status: string; rootCause: { category: string; confidence: number; groupId: string } | null }[] };
    for (const test of detail.tests) {
      if (test.status === 'passed' || test.status === 'skipped') {
        expect(test.rootCause).toBeNull();
        continue;
      }
      const group = groups.find((candidate) => candidate.id === test.rootCause?.groupId);
      expect(group?.tests).toContain(test.id);
      expect(test.rootCause?.category).toBe(group?.category);
    }
  });

  it('remembers a recategorized group for the same failure in later runs', async () => {
    const product = (await groupsOf(db)).find((group) => group.category === 'product_defect' && group.title.includes('81.0'));
    expect(product).toBeDefined();
    const moved = await cli('recategorize', product?.id ?? '', 'config_mismatch', '--db', db, '--json');
    expect(moved.stderr).toBe('');
    expect(JSON.parse(moved.stdout).override).toMatchObject({ category: 'config_mismatch', project: 'shop' });
    const again = (await groupsOf(db)).find((group) => group.tests.join() === product?.tests.join());
    expect(again?.category).toBe('config_mismatch');
    expect(again?.evidence[0]).toMatch(/moved to config_mismatch by the user/);
    await cli('ingest', join(PYTEST_RUNS, 'run-2'), '--project', 'shop', '--db', db);
    const later = (await groupsOf(db)).find((group) => group.signature === again?.signature);
    expect(later?.category).toBe('config_mismatch');
    expect((await cli('recategorize', 'g_nope', 'flaky', '--db', db)).code).toBe(1);
    expect((await cli('recategorize', product?.id ?? '', 'weather', '--db', db)).code).toBe(2);
  });

  it('applies user rules before the built-in ones', async () => {
    const added = await cli('rules', 'add', '--category', 'external_blocker', '--pattern', 'SHOP_API_KEY', '--description', 'the key comes from the vault', '--db', db, '--json');
    expect(added.code).toBe(0);
    const rule = JSON.parse(added.stdout).rule;
    expect(rule).toMatchObject({ id: expect.stringMatching(/^u_\d+$/), field: 'message', category: 'external_blocker', project: null });
    const group = (await groupsOf(db)).find((candidate) => candidate.title.includes('SHOP_API_KEY'));
    expect(group?.category).toBe('external_blocker');
    expect(group?.evidence[0]).toMatch(/user rule u_\d+ \(message matches \/SHOP_API_KEY\/\): the key comes from the vault/);
    expect((await cli('rules', 'list', '--db', db)).stdout).toMatch(/u_\d+ +external_blocker +message +\/SHOP_API_KEY\//);
    expect((await cli('rules', 'add', '--category', 'flaky', '--pattern', '(', '--db', db)).code).toBe(2);
    expect((await cli('rules', 'remove', rule.id, '--db', db)).code).toBe(0);
    expect((await cli('rules', 'remove', rule.id, '--db', db)).code).toBe(1);
    expect((await groupsOf(db)).find((candidate) => candidate.title.includes('SHOP_API_KEY'))?.category).toBe('config_mismatch');
  });
});

describe('vigil classify (CLI.md)', () => {
  it('writes one JSON line per input line, in order', async () => {
    const input = [
      JSON.stringify({ id: 'a', message: 'sqlite3.IntegrityError: UNIQUE constraint failed: users.email' }),
      JSON.stringify({ id: 'b', message: 'assert 81.0 == 90.0', trace: 'tests/test_pricing.py:6: AssertionError', name: 'test_total', framework: 'pytest' }),
      '',
      JSON.stringify({ id: 'c', message: 'Error: connect ECONNREFUSED 127.0.0.1:6399', output: 'inventory client starting' }),
    ].join('\n');
    const result = await cliWithStdin(input, 'classify', '--db', join(tempDir(), 'vigil.db'), '--json');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.id, line.category])).toEqual([
      ['a', 'isolation_leak'],
      ['b', 'product_defect'],
      ['c', 'external_blocker'],
    ]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['category', 'confidence', 'evidence', 'id']);
      expect(line.confidence).toBeGreaterThan(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('answers a bad line with an error line and exit status 1', async () => {
    const result = await cliWithStdin('{"id": "a"}\nnot json\n{"id": "b", "message": "KeyError: \'DATABASE_URL\'"}\n', 'classify', '--db', join(tempDir(), 'vigil.db'), '--json');
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'a', error: '"message" (a string) is required' });
    expect(lines[1].error).toMatch(/^not JSON/);
    expect(lines[2]).toMatchObject({ id: 'b', category: 'config_mismatch' });
    expect(result.stderr).toMatch(/vigil: stdin line 1: "message" \(a string\) is required\nvigil: stdin line 2: not JSON/);
  });
});
