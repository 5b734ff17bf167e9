// A failure that appeared when the environment changed: the properties of the last run where
// the test passed against those of the first run where it failed (runtime versions, OS,
// locale, settings). Values that change every run (times, build numbers) are not a change.
import { isFailing, type HistoryRun, type HistorySignal, type TestHistory } from './history-types.js';

const VOLATILE_KEY = /time|date|duration|elapsed|started|finished|timestamp|build[._-]?(?:id|number|url)|run[._-]?(?:id|number|attempt)|job[._-]?id|seed|worker|pid|host(?:name)?|uuid|random|\bid$|_id$|sha|commit|revision/i;
const MAX_CHANGES = 4;

export function changedProperties(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !VOLATILE_KEY.test(key)).sort();
  const changes: string[] = [];
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (a === b) continue;
    changes.push(`${key} ${a ?? '(unset)'} -> ${b ?? '(unset)'}`);
  }
  return changes;
}

export function environmentChangeSignal(history: TestHistory, runs: ReadonlyMap<string, HistoryRun>, currentRunId: string): HistorySignal | null {
  const points = history.outcomes.filter((outcome) => outcome.status !== 'skipped');
  const at = points.findIndex((outcome) => outcome.runId === currentRunId);
  if (at <= 0) return null;
  let firstRed = at;
  while (firstRed > 0 && isFailing(points[firstRed - 1]?.status ?? 'passed')) firstRed -= 1;
  const lastGreen = points[firstRed - 1];
  const red = points[firstRed];
  if (!lastGreen || !red || lastGreen.status !== 'passed') return null;
  const green = runs.get(lastGreen.runId);
  const failing = runs.get(red.runId);
  if (!green || !failing) return null;
  const changes = changedProperties(green.properties, failing.properties);
  if (changes.length === 0) return null;
  const more = changes.length > MAX_CHANGES ? ` (+${changes.length - MAX_CHANGES} more)` : '';
  return {
    kind: 'environment_change',
    category: 'config_mismatch',
    confidence: 0.55,
    evidence: [`started failing when the environment changed (last green ${green.id}, first red ${failing.id}): ${changes.slice(0, MAX_CHANGES).join(', ')}${more}`],
  };
}
