// Coverage through the real ingest path (CLI.md, `vigil ingest`): attached to the run it was
// written with, several formats of one run counted once and checked against each other, paths
// relative to the project, coverage-only runs, bad coverage refused whole.
import { copyFileSync, cpSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../../src/main/engine/engine.js';
import { storeCoverageSource } from '../../../../src/main/engine/coverage/store-coverage-source.js';
import { CoverageQueries } from '../../../../src/main/engine/store/coverage-queries.js';
import { openDatabase } from '../../../../src/main/engine/store/open-database.js';
import { OWN_COVERAGE } from '../../../support/coverage-fixtures.js';
import { fixturePath } from '../../../support/fixtures.js';
import { tempDir } from '../../../support/temp.js';

let engine: Engine | null = null;
let dbPath = '';
function freshEngine(): Engine {
  dbPath = join(tempDir(), 'vigil.db');
  engine = openEngine({ dbPath });
  return engine;
}
afterEach(() => {
  engine?.close();
  engine = null;
});

const junit = (name: string) => `<?xml version="1.0"?><testsuite name="s" tests="1"><testcase classname="tests.test_core" name="${name}" file="tests/test_core.py"/></testsuite>\n`;
const lcov = (file: string, hits: number[]) => `TN:\nSF:${file}\n${hits.map((hit, index) => `DA:${index + 1},${hit}`).join('\n')}\nend_of_record\n`;

function at(path: string, content: string, mtimeMs: number): string {
  writeFileSync(path, content);
  utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
  return path;
}

describe('coverage.py: coverage.xml, coverage.json and lcov.info of one pytest run', () => {
  it("make one coverage on the run, equal to coverage.py's own total, and are checked against each other", async () => {
    const project = join(tempDir(), 'calc');
    cpSync(join(OWN_COVERAGE, 'calc'), project, { recursive: true });
    const store = freshEngine();
    const outcome = await store.ingestPaths({ paths: [project] });
    expect(outcome.errors).toEqual([]);
    expect(outcome.runs).toHaveLength(1);
    const [run] = outcome.runs;
    expect(run?.project).toBe('calc');
    expect(run?.totals).toEqual({ tests: 8, passed: 6, failed: 1, errored: 0, skipped: 1 });
    expect(run?.sources.map((source) => source.split('/').pop())).toEqual(['junit.xml', 'coverage.json', 'coverage.xml', 'lcov.info']);
    // `coverage report`: 32 statements, 7 missed; 14 branches, 6 missed or partial.
    expect(run?.coverage).toEqual({ linesCovered: 25, linesValid: 32, lineRate: 25 / 32, branchesCovered: 8, branchesValid: 14 });

    // coverage.py 6.5's lcov writer counts a docstring as a line; both of its quirks are said.
    expect(outcome.warnings.map((warning) => [warning.path.split('/').pop(), warning.warning])).toEqual([
      ['lcov.info', expect.stringMatching(/header disagrees with its files \(lines: 26\/32 in the header, 26\/33/)],
      ['lcov.info', expect.stringMatching(/lcov\.info \(lcov\) disagrees with coverage\.json \(coveragepy-json\), the format used for this run: 1 of 3 file\(s\) differ \(calc\/__init__\.py: lines 1\/1/)],
    ]);

    const detail = await store.getRun({ run: 'latest' });
    const coverage = detail.coverage;
    expect(coverage?.format).toBe('coveragepy-json');
    // The Cobertura paths (source /tmp/covpy/calc/calc + money.py, from the machine that wrote
    // them) land on the same files as coverage.json's relative ones.
    expect(coverage?.files.map((file) => [file.path, file.linesCovered, file.linesValid, file.missedLines])).toEqual([
      ['calc/__init__.py', 0, 0, ''],
      ['calc/money.py', 13, 15, '10,16'],
      ['calc/stats.py', 12, 17, '11,15,19-21'],
    ]);
    expect(coverage?.reports.map((report) => [report.path.split('/').pop(), report.format, report.used])).toEqual([
      ['coverage.json', 'coveragepy-json', true],
      ['coverage.xml', 'cobertura-xml', false],
      ['lcov.info', 'lcov', false],
    ]);
    const xml = coverage?.reports.find((report) => report.format === 'cobertura-xml');
    expect(xml?.header).toEqual({ lines: { covered: 25, valid: 32, rate: 0.7812 }, branches: { covered: 8, valid: 14, rate: 0.5714 } });
    expect(xml?.notes).toEqual([]);
  });

  it('a broken format beside good ones costs that file, never part of the coverage', async () => {
    const folder = tempDir();
    for (const name of ['junit.xml', 'coverage.json', 'coverage.xml']) copyFileSync(join(OWN_COVERAGE, 'calc', 'reports', name), join(folder, name));
    writeFileSync(join(folder, 'lcov.info'), readFileSync(join(OWN_COVERAGE, 'calc', 'reports', 'lcov.info'), 'utf8').slice(0, 400));
    const outcome = await freshEngine().ingestPaths({ paths: [folder] });
    expect(outcome.errors).toEqual([{ path: join(folder, 'lcov.info'), error: expect.stringMatching(/^truncated lcov: the record of calc\/money\.py has no end_of_record/) }]);
    expect(outcome.runs[0]?.coverage).toMatchObject({ linesCovered: 25, linesValid: 32 });
    expect(outcome.runs[0]?.sources.map((source) => source.split('/').pop())).toEqual(['junit.xml', 'coverage.json', 'coverage.xml']);
  });
});

describe('Istanbul (c8): coverage/ beside the test report', () => {
  it('attaches the five formats of coverage/ to the run as one coverage, with no disagreement', async () => {
    const store = freshEngine();
    const outcome = await store.ingestPaths({ paths: [join(OWN_COVERAGE, 'cart')] });
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings).toEqual([]);
    expect(outcome.runs).toHaveLength(1);
    expect(outcome.runs[0]?.coverage).toEqual({ linesCovered: 26, linesValid: 34, lineRate: 26 / 34, branchesCovered: 8, branchesValid: 11 });
    expect(outcome.runs[0]?.sources).toHaveLength(6);
    const detail = await store.getRun({ run: 'latest' });
    expect(detail.coverage).toMatchObject({ format: 'istanbul-json', fileCount: 2, functionsCovered: 4, functionsValid: 6, statementsCovered: 26, statementsValid: 34 });
    expect(detail.coverage?.files.map((file) => file.path)).toEqual(['src/cart.js', 'src/format.js']);
    expect(detail.coverage?.reports.filter((report) => report.used).map((report) => report.format)).toEqual(['istanbul-json']);
  });

  it('coverage in subfolders without test results attaches; a subfolder with results keeps its own; a sibling gets a run of its own', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'package.json'), '{}');
    const results = join(root, 'results');
    for (const folder of [results, join(results, 'e2e'), join(results, 'coverage'), join(results, 'coverage', 'deep'), join(root, 'coverage-html')]) mkdirSync(folder, { recursive: true });
    const now = Date.now();
    at(join(results, 'junit.xml'), junit('test_top'), now);
    at(join(results, 'coverage', 'lcov.info'), lcov('src/top.js', [1, 1, 1]), now);
    at(join(results, 'coverage', 'deep', 'lcov.info'), lcov('src/deep.js', [1]), now);
    at(join(results, 'e2e', 'junit.xml'), junit('test_e2e'), now);
    at(join(results, 'e2e', 'lcov.info'), lcov('src/e2e.js', [1, 0]), now);
    at(join(root, 'coverage-html', 'lcov.info'), lcov('src/other.js', [0]), now);
    const outcome = await freshEngine().ingestPaths({ paths: [root] });
    const byFirstSource = Object.fromEntries(outcome.runs.map((run) => [run.sources[0]?.slice(root.length + 1), run]));
    expect(Object.keys(byFirstSource).sort()).toEqual(['coverage-html/lcov.info', 'results/e2e/junit.xml', 'results/junit.xml']);
    expect(byFirstSource['results/junit.xml']?.coverage).toMatchObject({ linesCovered: 4, linesValid: 4 });
    expect(byFirstSource['results/e2e/junit.xml']?.coverage).toMatchObject({ linesCovered: 1, linesValid: 2 });
    expect(byFirstSource['coverage-html/lcov.info']).toMatchObject({ format: 'lcov', totals: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 } });
  });
});

describe('written with the run: time decides', () => {
  it('coverage goes to the run of its folder it was written with; coverage written long after is a run of its own', async () => {
    const folder = tempDir();
    const t0 = Date.parse('2026-11-20T10:00:00Z');
    at(join(folder, 'junit-1.xml'), junit('test_a'), t0);
    at(join(folder, 'junit-2.xml'), junit('test_b'), t0 + 10 * 60_000);
    at(join(folder, 'coverage.info'), lcov('src/a.js', [1, 0]), t0 + 10 * 60_000 + 5_000);
    at(join(folder, 'late.info'), lcov('src/b.js', [1]), t0 + 3 * 3600_000);
    const outcome = await freshEngine().ingestPaths({ paths: [folder] });
    expect(outcome.runs.map((run) => [run.sources.map((source) => source.split('/').pop()), run.coverage?.linesValid ?? null])).toEqual([
      [['junit-1.xml'], null],
      [['junit-2.xml', 'coverage.info'], 2],
      [['late.info'], 1],
    ]);
  });
});

describe('coverage that lands after its run was stored (a watcher ingests files as they land)', () => {
  it('attaches to the stored run, which keeps its id and is listed again with its coverage', async () => {
    const store = freshEngine();
    const first = await store.ingestPaths({ paths: [join(OWN_COVERAGE, 'cart', 'junit.xml')] });
    expect(first.runs[0]?.coverage).toBeNull();
    const later = await store.ingestPaths({ paths: [join(OWN_COVERAGE, 'cart', 'coverage')] });
    expect(later.errors).toEqual([]);
    expect(later.runs.map((run) => run.id)).toEqual([first.runs[0]?.id]);
    expect(later.runs[0]?.coverage).toMatchObject({ linesCovered: 26, linesValid: 34 });
    expect(later.runs[0]?.sources).toHaveLength(6);
    expect(await store.listRuns({})).toHaveLength(1);
    const detail = await store.getRun({ run: first.runs[0]?.id ?? '' });
    expect(detail.coverage?.files.map((file) => file.path)).toEqual(['src/cart.js', 'src/format.js']);
  });

  it('but not to a run written long before it, nor to a run that has coverage already', async () => {
    const folder = tempDir();
    const t0 = Date.parse('2026-11-20T10:00:00Z');
    at(join(folder, 'junit.xml'), junit('test_a'), t0);
    const store = freshEngine();
    await store.ingestPaths({ paths: [folder] });
    at(join(folder, 'late.info'), lcov('src/a.js', [1]), t0 + 3600_000);
    const late = await store.ingestPaths({ paths: [join(folder, 'late.info')] });
    expect(late.runs).toEqual([expect.objectContaining({ format: 'lcov', totals: expect.objectContaining({ tests: 0 }) })]);
    at(join(folder, 'again.info'), lcov('src/a.js', [0]), t0 + 1000);
    at(join(folder, 'first.info'), lcov('src/a.js', [1, 1]), t0 + 500);
    const both = await store.ingestPaths({ paths: [join(folder, 'first.info')] });
    expect(both.runs[0]?.coverage?.linesValid).toBe(2);
    const second = await store.ingestPaths({ paths: [join(folder, 'again.info')] });
    expect(second.runs[0]?.totals.tests).toBe(0);
  });
});

describe('coverage-only runs', () => {
  it('a folder with coverage and no test results is a run with totals 0', async () => {
    const folder = join(tempDir(), 'reports');
    mkdirSync(folder);
    copyFileSync(fixturePath('cobertura-xml/coveragepy/y_xml_branch/coverage.xml'), join(folder, 'coverage.xml'));
    const outcome = await freshEngine().ingestPaths({ paths: [folder] });
    expect(outcome.runs).toEqual([
      expect.objectContaining({
        format: 'cobertura-xml',
        totals: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 },
        coverage: { linesCovered: 4, linesValid: 5, lineRate: 0.8, branchesCovered: 1, branchesValid: 2 },
        // The report's own timestamp.
        startedAt: new Date(1534849423448).toISOString(),
      }),
    ]);
  });

  it("a multi-module build's JaCoCo reports are one run, their files united", async () => {
    const folder = tempDir();
    for (const name of ['appCoverage.xml', 'mathCoverage.xml', 'textCoverage.xml']) copyFileSync(fixturePath(`jacoco-xml/jacoco-report/multi_module/${name}`), join(folder, name));
    const store = freshEngine();
    const outcome = await store.ingestPaths({ paths: [folder] });
    expect(outcome.runs).toHaveLength(1);
    expect(outcome.runs[0]?.coverage).toMatchObject({ linesCovered: 10, linesValid: 35 });
    const detail = await store.getRun({ run: 'latest' });
    expect(detail.coverage?.reports.every((report) => report.used)).toBe(true);
    expect(detail.coverage?.fileCount).toBe(9);
  });
});

describe('Jest --json --coverage', () => {
  it("attaches the report's coverageMap to its run without a second source", async () => {
    const folder = join(tempDir(), 'typescript');
    mkdirSync(folder);
    copyFileSync(fixturePath('jest-json/jest-coverage-report-action/jsonReport.json'), join(folder, 'report.json'));
    const store = freshEngine();
    const outcome = await store.ingestPaths({ paths: [folder] });
    expect(outcome.runs).toHaveLength(1);
    expect(outcome.runs[0]?.sources).toEqual([join(folder, 'report.json')]);
    expect(outcome.runs[0]?.format).toBe('jest-json');
    expect(outcome.runs[0]?.coverage?.linesValid).toBeGreaterThan(0);
    const detail = await store.getRun({ run: 'latest' });
    expect(detail.coverage?.format).toBe('jest-coverage-map');
    // "/jest/examples/typescript/sum.js" from the machine that ran Jest, under this folder's name.
    expect(detail.coverage?.files.map((file) => file.path)).toContain('sum.js');
  });
});

describe('Go: go test -json and a cover profile', () => {
  it('one run; files relative to the module root (go.mod); statements as go tool cover counts them', async () => {
    const store = freshEngine();
    const outcome = await store.ingestPaths({ paths: [join(OWN_COVERAGE, 'shop')] });
    expect(outcome.errors).toEqual([]);
    expect(outcome.runs).toHaveLength(1);
    expect(outcome.runs[0]).toMatchObject({ project: 'shop', format: 'go-test-json', coverage: { linesCovered: 21, linesValid: 28 } });
    const detail = await store.getRun({ run: 'latest' });
    expect(detail.coverage?.files.map((file) => file.path)).toEqual(['price/price.go', 'stock/stock.go']);
    expect(detail.coverage).toMatchObject({ statementsCovered: 13, statementsValid: 17, branchRate: null });
  });
});

describe('bad coverage never yields a partial coverage', () => {
  const cases: { name: string; content: string; error: RegExp }[] = [
    { name: 'coverage.xml', content: readFileSync(fixturePath('cobertura-xml/pycobertura/cobertura.xml'), 'utf8').slice(0, 4000), error: /truncated XML/ },
    { name: 'entities.xml', content: '<?xml version="1.0"?><!DOCTYPE coverage [<!ENTITY a "a"><!ENTITY b "&a;&a;">]><coverage line-rate="1"><sources><source>&b;</source></sources></coverage>', error: /declares entities/ },
    { name: 'jacoco.xml', content: `<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="r">${'<group name="g">'.repeat(1000)}`, error: /nesting deeper than/ },
    { name: 'coverage-final.json', content: '{"/a.js": {"path": "/a.js", "statementMap": {"0": {"start": {"line": 1}}}, "s": {"0": 1}, "fnMap": {}', error: /truncated JSON/ },
    { name: 'cover.out', content: 'mode: set\nexample.com/m/a.go:1.1,2.2 1 1\nexample.com/m/a.go:3.1,4', error: /truncated Go cover profile/ },
  ];
  for (const bad of cases) {
    it(`${bad.name}: one error naming the file; the run beside it is stored without it`, async () => {
      const folder = tempDir();
      const now = Date.now();
      at(join(folder, 'junit.xml'), junit('test_a'), now);
      at(join(folder, bad.name), bad.content, now);
      const outcome = await freshEngine().ingestPaths({ paths: [folder] });
      expect(outcome.errors).toEqual([{ path: join(folder, bad.name), error: expect.stringMatching(bad.error) }]);
      expect(outcome.runs).toHaveLength(1);
      expect(outcome.runs[0]?.coverage).toBeNull();
      expect(outcome.runs[0]?.sources).toEqual([join(folder, 'junit.xml')]);
    });
  }
});

describe('history', () => {
  it('stores each content once, and keeps every file\'s coverage per run', async () => {
    const store = freshEngine();
    const base = tempDir();
    const t0 = Date.parse('2026-11-20T10:00:00Z');
    for (const [index, hits] of [[1, 1, 1, 0], [1, 0, 0, 0]].entries()) {
      const folder = join(base, `run-${index}`);
      mkdirSync(folder);
      at(join(folder, 'junit.xml'), junit(`test_${index}`), t0 + index * 3600_000);
      at(join(folder, 'lcov.info'), lcov('src/core.js', hits), t0 + index * 3600_000);
    }
    const first = await store.ingestPaths({ paths: [base], project: 'core' });
    expect(first.runs.map((run) => run.coverage?.linesCovered)).toEqual([3, 1]);
    const again = await store.ingestPaths({ paths: [base], project: 'core' });
    expect(again.runs).toEqual([]);
    expect(again.duplicates).toHaveLength(4);
    const db = openDatabase(dbPath);
    const queries = new CoverageQueries(db);
    const history = queries.fileHistory('core', 'src/core.js');
    // What `vigil compare` gets from the store.
    const source = storeCoverageSource(queries);
    const compared = source.compare(first.runs[0]?.id ?? '', first.runs[1]?.id ?? '');
    const rate = source.fileRate(first.runs[1]?.id ?? '', '/somewhere/src/core.js');
    db.close();
    expect(history.map((point) => [point.runId, point.linesCovered, point.linesValid])).toEqual(first.runs.map((run) => [run.id, run.coverage?.linesCovered, 4]));
    expect(compared).toEqual({ before: 0.75, after: 0.25, files: [{ path: 'src/core.js', before: 0.75, after: 0.25 }] });
    expect(rate).toBe(0.25);
  });
});
