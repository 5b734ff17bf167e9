// The commands the ingest benchmark compares, each with how to set it up, run it and check that
// it really read the whole file (a fast run that dropped tests would be a false figure).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const COUNT_FIELDS = ['tests', 'passed', 'failed', 'errored', 'skipped'];

function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} printed no valid JSON (${error.message}): ${text.slice(0, 200)}`);
  }
}

export function bareParseCase(repoRoot, file) {
  return {
    id: 'bare-parse',
    label: 'bare streaming parse (saxes, count <testcase>)',
    unavailable: () => null,
    setup: () => null,
    run: () => ({ command: process.execPath, args: [join(repoRoot, 'bench/bare-parse.js'), file], cwd: repoRoot }),
    verify: (result, expected) => {
      const seen = parseJson(result.stdout, 'bare-parse').testcases;
      return { testsSeen: seen, problem: seen === expected.tests ? null : `counted ${seen} testcases, expected ${expected.tests}` };
    },
    teardown: () => null,
  };
}

export function vigilCase(repoRoot, file) {
  const bin = join(repoRoot, 'bin/vigil.js');
  let scratch = null;
  return {
    id: 'vigil',
    label: 'Vigil: vigil ingest FILE --db NEW.db --json',
    unavailable: () => {
      if (!existsSync(bin)) return 'bin/vigil.js does not exist yet';
      // bin/vigil.js only starts the bundle that `npm run build` writes.
      return existsSync(join(repoRoot, 'out/main/cli.js')) ? null : 'not built: run npm run build first';
    },
    setup: () => { scratch = mkdtempSync(join(tmpdir(), 'vigil-bench-db-')); },
    // A new database every run: the same content ingested twice is stored once, so a reused
    // store would measure the duplicate check, not the ingest.
    run: (index) => ({ command: process.execPath, args: [bin, 'ingest', file, '--db', join(scratch, `run-${index}.db`), '--json'], cwd: repoRoot }),
    verify: (result, expected) => {
      const out = parseJson(result.stdout, 'vigil ingest');
      const run = out.runs?.[0];
      const problems = [];
      if (out.errors?.length) problems.push(`errors: ${out.errors.map((e) => e.error).join('; ')}`);
      if (out.runs?.length !== 1) problems.push(`expected 1 run, got ${out.runs?.length}`);
      for (const field of COUNT_FIELDS) {
        if (run && run.totals?.[field] !== expected[field]) problems.push(`${field} ${run.totals?.[field]} != ${expected[field]}`);
      }
      return { testsSeen: run?.totals?.tests ?? null, problem: problems.length ? problems.join(', ') : null };
    },
    teardown: () => { if (scratch) rmSync(scratch, { recursive: true, force: true }); },
  };
}

/**
 * Allure 3 reads any *.xml in a results directory as JUnit XML. Variant 'awesome' is plain
 * `allure generate` (its default HTML report); variant 'csv' configures only the CSV plugin,
 * so the figure is mostly Allure reading the file, the closest Allure has to an ingest.
 */
export function allureCase(allureBin, file, variant) {
  let scratch = null;
  return {
    id: `allure-${variant}`,
    label: variant === 'awesome' ? 'Allure 3: allure generate (default HTML report)' : 'Allure 3: allure generate, CSV plugin only',
    // The HTML report writes ~1 GB; the kernel's writeback of it shows up as other CPU, so a
    // "contended" reading there is partly Allure's own doing and measuring again cannot help.
    retryWhenContended: variant !== 'awesome',
    otherCpuNote: variant === 'awesome' ? 'other CPU includes the kernel writing its ~1 GB of output' : null,
    unavailable: () => (existsSync(allureBin) ? null : `${allureBin} not found: npm install --prefix /tmp/allure-bench allure@3.18.0`),
    setup: () => {
      scratch = mkdtempSync(join(tmpdir(), `vigil-bench-allure-${variant}-`));
      mkdirSync(join(scratch, 'results'));
      copyFileSync(file, join(scratch, 'results', basename(file)));
      if (variant === 'csv') writeFileSync(join(scratch, 'allurerc.json'), '{"plugins":{"csv":{"options":{}}}}\n');
    },
    run: (index) => {
      rmSync(join(scratch, `out-${index - 1}`), { recursive: true, force: true }); // the awesome report is ~1 GB
      return { command: allureBin, args: ['generate', 'results', '-o', `out-${index}`], cwd: scratch, env: { ...process.env, NO_COLOR: '1' } };
    },
    verify: (result, expected, index) => {
      // Both variants write test-results.json keyed by test id: one entry per test Allure read.
      const path = join(scratch, `out-${index}`, 'test-results.json');
      if (!existsSync(path)) return { testsSeen: null, problem: `no ${path}` };
      const seen = Object.keys(parseJson(readFileSync(path, 'utf8'), 'test-results.json').byId ?? {}).length;
      return { testsSeen: seen, problem: seen === expected.tests ? null : `Allure read ${seen} tests, expected ${expected.tests}` };
    },
    teardown: () => { if (scratch) rmSync(scratch, { recursive: true, force: true }); },
  };
}
