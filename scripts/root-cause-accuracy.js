#!/usr/bin/env node
// Writes docs/root-cause-accuracy.md: the root-cause classifier's accuracy on the labelled set of
// real failures (test/fixtures/root-causes/labelled.jsonl), per category, on the hold-out third
// and on the tuning set. `--check` only compares and exits 1 when the file is not current (a
// test does the same). Runs the TypeScript sources through tsx, a dev dependency.
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const check = process.argv.includes('--check');
register();
const { ACCURACY_DOC_PATH, renderAccuracyDoc } = await import('../test/support/root-cause-accuracy.ts');
const doc = renderAccuracyDoc();
if (check) {
  const current = readFileSync(ACCURACY_DOC_PATH, 'utf8');
  if (current !== doc) {
    console.error(`${ACCURACY_DOC_PATH} is not current: run node scripts/root-cause-accuracy.js`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(ACCURACY_DOC_PATH, doc);
  console.log(`wrote ${ACCURACY_DOC_PATH}`);
}
