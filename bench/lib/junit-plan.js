// The shape of the generated run, decided before any text is written: every test's outcome,
// duration and whether it captured output, and how tests split into suites. The root
// <testsuites> element carries the totals, so they must be known before the first byte.
import { createRng } from './prng.js';

export const STATUS = { passed: 0, failed: 1, errored: 2, skipped: 3 };
export const RATES = { failed: 0.05, errored: 0.01, skipped: 0.02, output: 0.3 };
const TESTS_PER_SUITE = 100;

export function planRun(testCount, seed) {
  const rng = createRng(seed);
  const status = new Uint8Array(testCount);
  const durationMs = new Uint32Array(testCount);
  const hasOutput = new Uint8Array(testCount);
  const totals = { tests: testCount, passed: 0, failed: 0, errored: 0, skipped: 0, withOutput: 0, timeMs: 0 };
  for (let i = 0; i < testCount; i += 1) {
    const roll = rng.next();
    const outcome = roll < RATES.failed ? 'failed'
      : roll < RATES.failed + RATES.errored ? 'errored'
        : roll < RATES.failed + RATES.errored + RATES.skipped ? 'skipped' : 'passed';
    status[i] = STATUS[outcome];
    totals[outcome] += 1;
    // Mostly fast unit tests, a long tail of slow integration tests (log-uniform 1 ms .. 3 s).
    durationMs[i] = outcome === 'skipped' ? 0 : Math.round(Math.exp(rng.next() * Math.log(3000)));
    totals.timeMs += durationMs[i];
    hasOutput[i] = rng.chance(RATES.output) ? 1 : 0;
    totals.withOutput += hasOutput[i];
  }
  return { status, durationMs, hasOutput, totals, suiteSizes: splitIntoSuites(rng, testCount) };
}

/** Suite sizes between about 20 and 180 tests that add up to exactly testCount. */
function splitIntoSuites(rng, testCount) {
  const suiteCount = Math.max(1, Math.round(testCount / TESTS_PER_SUITE));
  const weights = Array.from({ length: suiteCount }, () => 0.2 + rng.next() * 1.6);
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((testCount * w) / weightSum)));
  let rest = testCount - sizes.reduce((sum, n) => sum + n, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % suiteCount) {
    if (rest > 0) { sizes[i] += 1; rest -= 1; } else if (sizes[i] > 1) { sizes[i] -= 1; rest += 1; }
  }
  return sizes;
}
