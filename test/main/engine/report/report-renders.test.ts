// The handoff report renders as GitHub would render it, whatever the test names hold. Three
// levels: a structural check of the Markdown (always), GitHub's own Markdown implementation
// (Debian `cmark-gfm`, when installed) turning it into HTML, and real Chromium (Debian
// `chromium`, driven by playwright-core over 127.0.0.1) reading that HTML's tables and code.
// Without cmark-gfm or Chromium those two levels are skipped (outside CI; CI installs both).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import type { HandoffReport } from '../../../../src/shared/report-types.js';
import { REPO_ROOT } from '../../../support/fixtures.js';
import { checkMarkdown, codeSpans } from '../../../support/markdown-structure.js';
import { SHOP_RUNS_DIR } from '../../../support/shop-history.js';
import { tempDir } from '../../../support/temp.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const CMARK = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' }).status === 0;

// CI installs both (.ci/run); there a missing one is a failure, not a quiet skip.
it.runIf(process.env.CI === 'true')('has cmark-gfm and Chromium under CI', () => {
  expect({ cmark: CMARK, chromium: CHROMIUM !== undefined }).toEqual({ cmark: true, chromium: true });
});

/** Names a report must carry through intact: Markdown, HTML, GitHub mentions and table pipes. */
const HOSTILE = [
  'pipes | in | the | name',
  'backtick ` and ``double``',
  '<script>alert(1)</script>',
  '@octocat mentions #12',
  '*stars* and _underscores_ and ~~strike~~',
  '[a link](http://127.0.0.1/) and ![img](x.png)',
  'trailing backslash \\',
  'backslash before pipe \\| here',
  '& entities &amp; &lt;',
];

function junit(cases: { name: string; fail: boolean }[], timestamp: string): string {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const body = cases
    .map(({ name, fail }) =>
      fail
        ? `<testcase classname="weird | suite" name="${escape(name)}" time="0.01"><failure message="${escape(`boom: ${name}`)}">trace of ${escape(name)}</failure></testcase>`
        : `<testcase classname="weird | suite" name="${escape(name)}" time="0.01"/>`,
    )
    .join('\n');
  return `<?xml version="1.0"?>\n<testsuite name="weird" tests="${cases.length}" timestamp="${timestamp}">\n${body}\n</testsuite>\n`;
}

async function hostileReport(engine: Engine): Promise<HandoffReport> {
  const root = tempDir();
  const write = (folder: string, xml: string): string => {
    mkdirSync(join(root, folder));
    writeFileSync(join(root, folder, 'junit.xml'), xml);
    return join(root, folder);
  };
  // Before: every hostile test fails. After: half pass, one is gone, one new one fails.
  const before = write('before', junit(HOSTILE.map((name) => ({ name, fail: true })), '2026-11-16T09:00:00'));
  const after = write(
    'after',
    junit([...HOSTILE.slice(1).map((name, index) => ({ name, fail: index % 2 === 0 })), { name: 'new | test `x`', fail: true }], '2026-11-17T09:00:00'),
  );
  const outcome = await engine.ingestPaths({ paths: [before, after], project: 'weird' });
  expect(outcome.errors).toEqual([]);
  return engine.getReport({ project: 'weird' });
}

function cmarkHtml(markdown: string): string {
  // --unsafe keeps raw HTML as it is, so any that slipped into the Markdown would show here.
  const result = spawnSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink'], { input: markdown, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cmark-gfm failed: ${result.stderr}`);
  return result.stdout;
}

/** What the test reads from the rendered page (run in the page: the test code has no DOM types). */
interface PageFacts {
  tables: { header: string[]; rows: string[][] }[];
  codes: string[];
  scripts: number;
  links: (string | null)[];
  headings: string[];
}

const READ_PAGE = `(() => ({
  tables: [...document.querySelectorAll('table')].map((table) => ({
    header: [...table.querySelectorAll('thead th')].map((cell) => cell.textContent ?? ''),
    rows: [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
  })),
  codes: [...document.querySelectorAll('code')].map((code) => code.textContent ?? ''),
  scripts: document.querySelectorAll('script').length,
  links: [...document.querySelectorAll('a')].map((link) => link.getAttribute('href')),
  headings: [...document.querySelectorAll('h1, h2')].map((heading) => heading.textContent ?? ''),
}))()`;

let engine: Engine;
const reports: { label: string; report: HandoffReport }[] = [];

beforeAll(async () => {
  const dir = tempDir();
  engine = openEngine({ dbPath: join(dir, 'vigil.db') });
  const hostile = await hostileReport(engine);
  await engine.ingestPaths({ paths: [SHOP_RUNS_DIR], project: 'shop' });
  reports.push({ label: 'hostile names', report: hostile });
  reports.push({ label: 'shop first → latest', report: await engine.getReport({ project: 'shop' }) });
  reports.push({ label: 'shop first → run 2', report: await engine.getReport({ project: 'shop', before: 'first', after: 'latest~5' }) });
  reports.push({ label: 'shop, 2,500 bytes', report: await engine.getReport({ project: 'shop', maxBytes: 2500 }) });
});

afterAll(() => engine.close());

describe('the report as Markdown', () => {
  it('is structurally valid GFM: whole tables, closed code spans, no raw HTML', () => {
    for (const { label, report } of reports) expect(checkMarkdown(report.markdown).problems, label).toEqual([]);
  });

  it('keeps hostile names inside code spans', () => {
    const { markdown } = reports[0]?.report ?? { markdown: '' };
    const withScript = markdown.split('\n').filter((line) => line.includes('<script>'));
    expect(withScript.length).toBeGreaterThan(0);
    for (const line of withScript) {
      expect(codeSpans(line)?.outside).not.toContain('<script>');
      expect(codeSpans(line)?.spans.some((span) => span.includes('<script>alert(1)</script>'))).toBe(true);
    }
    expect(markdown).toContain('`` weird | suite › backtick ` and ``double`` ``');
    expect(markdown).toContain('`weird | suite › @octocat mentions #12`');
  });
});

describe.skipIf(!CMARK)('the report through cmark-gfm (GitHub Markdown)', () => {
  it('gives every Markdown table an HTML table with the same rows and cells', () => {
    for (const { label, report } of reports) {
      const html = cmarkHtml(report.markdown);
      const { tables } = checkMarkdown(report.markdown);
      const htmlTables = html.split('<table>').slice(1).map((part) => part.slice(0, part.indexOf('</table>')));
      expect(htmlTables.length, label).toBe(tables.length);
      htmlTables.forEach((table, index) => {
        const rows = table.split('<tr>').slice(1).map((row) => (row.match(/<t[hd][ >]/g) ?? []).length);
        const expected = tables[index];
        expect(rows.length, `${label}: table ${index + 1}`).toBe((expected?.rows.length ?? 0) + 1);
        for (const cells of rows) expect(cells, `${label}: table ${index + 1}`).toBe(expected?.header.length);
      });
      expect(html, label).not.toContain('<script>');
      expect(html, label).not.toMatch(/<a href="http:\/\/127\.0\.0\.1\/">/);
    }
  });
});

describe.skipIf(!CMARK || !CHROMIUM)('the report in Chromium', () => {
  let server: Server;
  let base = '';
  const pages = new Map<string, string>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const page = pages.get(req.url ?? '');
      res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page ?? 'not found');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('shows whole tables, the goals and before/after figures, and hostile names as literal code', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      for (const [index, { label, report }] of reports.entries()) {
        pages.set(`/report-${index}.html`, `<!doctype html><meta charset="utf-8"><title>${label}</title><body style="font-family: sans-serif">${cmarkHtml(report.markdown)}</body>`);
        await page.goto(`${base}/report-${index}.html`);
        const seen = (await page.evaluate(READ_PAGE)) as PageFacts;
        expect(seen.scripts, label).toBe(0);
        expect(seen.links, label).toEqual([]);
        expect(seen.headings.slice(0, 2), label).toEqual([`Handoff report: ${report.project}`, 'Before and after']);
        for (const table of seen.tables) for (const row of table.rows) expect(row.length, label).toBe(table.header.length);
        const beforeAfter = seen.tables.find((table) => table.header[3] === 'change');
        expect(beforeAfter?.rows.find((row) => row[0] === 'tests')?.slice(1, 3), label).toEqual([String(report.before.totals.tests), String(report.after.totals.tests)]);
        if (index === 0) {
          // Each hostile name shows exactly as written (one is folded into the code of a table
          // row only when a backslash stands right before a pipe; it is not in a table here).
          for (const name of HOSTILE.slice(1)) expect(seen.codes, name).toContain(`weird | suite › ${name}`);
        }
        mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
        await page.screenshot({ path: join(REPO_ROOT, 'test-results', `report-${index}.png`), fullPage: true });
      }
    } finally {
      await browser.close();
    }
  });
});
