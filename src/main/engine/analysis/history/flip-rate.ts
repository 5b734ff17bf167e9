// Flaky: the same test flips between pass and fail across runs of unchanged inputs. Runs that
// name their commit only count flips between runs of the same commit (a fix is not a flip);
// without a commit the inputs are taken as unchanged, and the evidence says so.
import { wilsonInterval } from './wilson.js';
import { isFailing, type HistoryRun, type HistorySignal, type TestHistory } from './history-types.js';

/** Run properties that name the code version, as CI systems and reporters write them. */
const COMMIT_KEYS = /^(?:git[._]?(?:commit|sha|revision)(?:\.id)?|commit(?:_sha|Sha)?|sha|revision|vcs\.revision|GITHUB_SHA|CI_COMMIT_SHA|GIT_COMMIT|BUILD_VCS_NUMBER|BUILDKITE_COMMIT|CIRCLE_SHA1|TRAVIS_COMMIT)$/i;

export const FLAKY_MIN_FLIPS = 2;
/** The lower end of the 95% interval of the flip rate must reach this. */
export const FLAKY_MIN_RATE_LOW = 0.15;

export function commitOf(run: HistoryRun | undefined): string | null {
  if (!run) return null;
  for (const [key, value] of Object.entries(run.properties)) if (COMMIT_KEYS.test(key) && value) return value;
  return null;
}

export function flakySignal(history: TestHistory, runs: ReadonlyMap<string, HistoryRun>): HistorySignal | null {
  const points = history.outcomes.filter((outcome) => outcome.status !== 'skipped');
  let flips = 0;
  let pairs = 0;
  let anyCommit = false;
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1];
    const after = points[i];
    if (!before || !after) continue;
    const commitBefore = commitOf(runs.get(before.runId));
    const commitAfter = commitOf(runs.get(after.runId));
    if (commitBefore || commitAfter) anyCommit = true;
    if (commitBefore !== commitAfter) continue;
    pairs += 1;
    if (isFailing(before.status) !== isFailing(after.status)) flips += 1;
  }
  const retried = points.filter((point) => point.attemptStatuses.some((status) => isFailing(status) !== isFailing(point.status))).length;
  const evidence: string[] = [];
  if (retried > 0) evidence.push(`changed outcome between retries within a run in ${retried} run(s)`);
  const interval = wilsonInterval(flips, pairs);
  // Two flips can be a break and its fix; they count only when the test flipped at every run.
  const flipsEnough = interval.low >= FLAKY_MIN_RATE_LOW && (flips > FLAKY_MIN_FLIPS || (flips === FLAKY_MIN_FLIPS && flips === pairs));
  if (!flipsEnough && retried === 0) return null;
  if (pairs > 0) {
    const same = anyCommit ? 'on the same commit' : 'with no commit recorded (inputs taken as unchanged)';
    evidence.unshift(
      `flipped ${flips} time(s) in ${pairs} consecutive run pair(s) ${same}: flip rate ${(flips / pairs).toFixed(2)}, 95% interval ${interval.low.toFixed(2)}-${interval.high.toFixed(2)}`,
    );
  }
  const confidence = Math.min(0.95, 0.5 + interval.low + (retried > 0 ? 0.2 : 0));
  return { kind: 'flaky', category: 'flaky', confidence: Math.round(confidence * 100) / 100, evidence };
}
