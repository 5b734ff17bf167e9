// Every kind of bad input named by the foundation issue, through the real ingest path: one clear
// error per file naming the problem, nothing partial stored, the rest of the batch ingested.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import { REPO_ROOT, expectedEntries, fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

const GOOD = join(REPO_ROOT, 'test', 'fixtures', 'vitest', 'second-run', 'junit.xml');

let engine: Engine | null = null;
afterEach(() => {
  engine?.close();
  engine = null;
});

async function ingest(paths: string[]) {
  engine = openEngine({ dbPath: join(tempDir(), 'vigil.db') });
  const outcome = await engine.ingestPaths({ paths });
  return { outcome, runs: await engine.listRuns({}) };
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<testsuite name="lolz"><testcase name="t"><failure message="&lol9;"/></testcase></testsuite>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<testsuites><testsuite name="s"><testcase name="t"><failure message="&xxe;">&xxe;</failure></testcase></testsuite></testsuites>`;

const CASES: { name: string; content: string | Buffer; error: RegExp }[] = [
  { name: 'empty.xml', content: '', error: /^file is empty$/ },
  { name: 'blank.xml', content: '   \n\n  ', error: /^file is empty \(only whitespace\)$/ },
  { name: 'binary.xml', content: Buffer.from([0x3c, 0x74, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x00]), error: /binary/ },
  { name: 'billion-laughs.xml', content: BILLION_LAUGHS, error: /entities/ },
  { name: 'xxe.xml', content: XXE, error: /entities/ },
  { name: 'deep.xml', content: `<testsuites>${'<testsuite>'.repeat(200_000)}`, error: /nesting deeper than/ },
  { name: 'deep.json', content: `{"numTotalTests":1,"testResults":${'['.repeat(200_000)}`, error: /nested deeper than/ },
  {
    name: 'invalid-utf8.xml',
    content: Buffer.concat([Buffer.from('<testsuite name="s"><testcase name="'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('"/></testsuite>')]),
    error: /invalid UTF-8/,
  },
  { name: 'truncated.xml', content: '<testsuites><testsuite name="s"><testcase name="a"/><testcase name="b"><failure>boo', error: /truncated/i },
  { name: 'wrong-shape.json', content: '{"numTotalTests": 2, "testResults": {"not": "an array"}}', error: /testResults is not an array/ },
];

describe('bad input never yields a partial run', () => {
  for (const bad of CASES) {
    it(`${bad.name}: one clear error, nothing stored, the good file beside it still ingested`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, bad.name), bad.content);
      copyFileSync(GOOD, join(dir, 'good.xml'));
      const { outcome, runs } = await ingest([join(dir, bad.name), join(dir, 'good.xml')]);
      expect(outcome.errors).toHaveLength(1);
      expect(outcome.errors[0]?.path).toBe(join(dir, bad.name));
      expect(outcome.errors[0]?.error).toMatch(bad.error);
      expect(outcome.errors[0]?.error).not.toMatch(/\n/);
      expect(runs).toHaveLength(1);
      expect(runs[0]?.sources).toEqual([join(dir, 'good.xml')]);
    });
  }

  it('stores a 5 MB failure message cut to a bounded size, saying how much was cut', async () => {
    const dir = tempDir();
    const message = 'E'.repeat(5 * 1024 * 1024);
    writeFileSync(join(dir, 'huge.xml'), `<testsuite name="s"><testcase name="t"><failure message="${message}">${message}</failure></testcase></testsuite>`);
    const { outcome } = await ingest([dir]);
    expect(outcome.errors).toEqual([]);
    const detail = await engine!.getRun({ run: 'latest' });
    const test = detail.tests[0]!;
    expect(test.message!.length).toBeLessThanOrEqual(64 * 1024);
    expect(test.message).toMatch(/more characters not stored\]$/);
    const full = await engine!.getTest({ run: 'latest', testId: test.id });
    expect(full.trace!.length).toBeLessThanOrEqual(256 * 1024);
  });
});

describe('the invalid fixtures of ../shared/fixtures/invalid', () => {
  // EnricoMi's expected parse errors, and the one-line error Vigil gives for the same file.
  const OURS: Record<string, RegExp> = {
    'invalid/enricomi/json/empty.json': /^file is empty$/, // EnricoMi: 'File is empty.'
    'invalid/enricomi/json/malformed-json.json': /^malformed JSON at line 1, column 16/, // 'Expecting property name ... line 1 column 16'
    'invalid/enricomi/json/non-json.json': /^not a recognised test report/, // 'Expecting value: line 1 column 1'
    'invalid/enricomi/xml/empty.xml': /^file is empty$/, // 'File is empty.'
    'invalid/enricomi/xml/non-xml.xml': /^not a recognised test report/, // "Start tag expected, '<' not found"
    'invalid/enricomi/json/not-existing.json': /^file does not exist$/, // 'File does not exist.'
    'invalid/enricomi/xml/not-existing.xml': /^file does not exist$/,
  };

  it('covers every invalid entry of expected.json', () => {
    const listed = Object.entries(expectedEntries()).filter(([, entry]) => entry.format === 'invalid').map(([path]) => path);
    for (const path of listed) expect(Object.keys(OURS)).toContain(path);
  });

  for (const [relative, error] of Object.entries(OURS)) {
    it(`${relative} gives a one-line error`, async () => {
      const { outcome, runs } = await ingest([fixturePath(relative)]);
      expect(runs).toEqual([]);
      expect(outcome.errors).toEqual([{ path: fixturePath(relative), error: expect.stringMatching(error) }]);
    });
  }
});
