#!/usr/bin/env node
// Writes a deterministic Cobertura report of N source files (coverage.py's shape: packages,
// classes, <line number hits condition-coverage/>), with its exact totals beside it in
// FILE.expected.json, for the coverage ingest benchmark. The <source> is an absolute path of
// another machine (a CI checkout), the case where path placement does the most work.
// Usage: node bench/generate-cobertura.js [--files 5000] [--out bench/data/cobertura-5k/coverage.xml] [--seed 20]
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng } from './lib/prng.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_COBERTURA = join(repoRoot, 'bench/data/cobertura-5k/coverage.xml');
export const DEFAULT_COBERTURA_SEED = 20;
const FILES_PER_PACKAGE = 50;

function write(out, text) {
  return out.write(text) ? Promise.resolve() : new Promise((done) => out.once('drain', done));
}

/** Lines of one file: [number, hits, branches | null] with branches [covered, valid]. */
function fileLines(rng) {
  const lines = [];
  let number = 0;
  const count = rng.int(10, 110);
  for (let i = 0; i < count; i += 1) {
    number += rng.int(1, 3);
    const hits = rng.chance(0.8) ? rng.int(1, 40) : 0;
    const valid = rng.chance(0.15) ? 2 : 0;
    const branches = valid === 0 ? null : [hits === 0 ? 0 : rng.int(1, 2), valid];
    lines.push([number, hits, branches]);
  }
  return lines;
}

export async function generateCobertura(files, path, seed) {
  mkdirSync(dirname(path), { recursive: true });
  const rng = createRng(seed);
  const plan = [];
  const totals = { linesCovered: 0, linesValid: 0, branchesCovered: 0, branchesValid: 0 };
  for (let index = 0; index < files; index += 1) {
    const lines = fileLines(rng);
    for (const [, hits, branches] of lines) {
      totals.linesValid += 1;
      if (hits > 0) totals.linesCovered += 1;
      if (branches) {
        totals.branchesCovered += branches[0];
        totals.branchesValid += branches[1];
      }
    }
    plan.push(lines);
  }
  const rate = (covered, valid) => (valid === 0 ? 1 : Math.round((covered / valid) * 10_000) / 10_000);
  const out = createWriteStream(path);
  await write(
    out,
    `<?xml version="1.0" ?>\n<coverage version="7.6.1" timestamp="1795250000000" lines-valid="${totals.linesValid}" lines-covered="${totals.linesCovered}" line-rate="${rate(totals.linesCovered, totals.linesValid)}" branches-valid="${totals.branchesValid}" branches-covered="${totals.branchesCovered}" branch-rate="${rate(totals.branchesCovered, totals.branchesValid)}" complexity="0">\n\t<sources>\n\t\t<source>/home/runner/work/bigproject/bigproject/src</source>\n\t</sources>\n\t<packages>\n`,
  );
  for (let start = 0; start < files; start += FILES_PER_PACKAGE) {
    const pkg = `pkg${String(start / FILES_PER_PACKAGE).padStart(3, '0')}`;
    await write(out, `\t\t<package name="${pkg}" line-rate="0" branch-rate="0" complexity="0">\n\t\t\t<classes>\n`);
    for (let index = start; index < Math.min(files, start + FILES_PER_PACKAGE); index += 1) {
      const name = `module_${String(index).padStart(5, '0')}.py`;
      const parts = [`\t\t\t\t<class name="${name}" filename="${pkg}/${name}" complexity="0" line-rate="0" branch-rate="0">\n\t\t\t\t\t<methods/>\n\t\t\t\t\t<lines>\n`];
      for (const [number, hits, branches] of plan[index]) {
        parts.push(
          branches
            ? `\t\t\t\t\t\t<line number="${number}" hits="${hits}" branch="true" condition-coverage="${Math.round((branches[0] / branches[1]) * 100)}% (${branches[0]}/${branches[1]})"/>\n`
            : `\t\t\t\t\t\t<line number="${number}" hits="${hits}"/>\n`,
        );
      }
      parts.push('\t\t\t\t\t</lines>\n\t\t\t\t</class>\n');
      await write(out, parts.join(''));
    }
    await write(out, '\t\t\t</classes>\n\t\t</package>\n');
  }
  await write(out, '\t</packages>\n</coverage>\n');
  await new Promise((done, fail) => out.end((error) => (error ? fail(error) : done())));
  const { size } = await import('node:fs').then((fs) => fs.promises.stat(path));
  const expected = { files, bytes: size, ...totals };
  writeFileSync(`${path}.expected.json`, `${JSON.stringify(expected, null, 2)}\n`);
  return expected;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '5000' }, out: { type: 'string', default: DEFAULT_COBERTURA }, seed: { type: 'string', default: String(DEFAULT_COBERTURA_SEED) } } });
  const made = await generateCobertura(Number(values.files), resolve(values.out), Number(values.seed));
  console.log(JSON.stringify(made));
}
