// One tests[] entry (setup/call/teardown stages) → one RawTestResult.
import type { RawTestResult } from '../../model/raw-result.js';
import { firstLine, joinText } from '../json/failure-text.js';
import { isObject, num, str, type JsonObject } from '../json/json-value.js';
import { splitNodeId } from './pytest-node-id.js';
import { PYTEST_OUTCOME, type PytestOutcome } from './pytest-outcome.js';

const STAGES = ['setup', 'call', 'teardown'] as const;
type StageName = (typeof STAGES)[number];

export function pytestTest(test: JsonObject, nodeid: string, outcome: PytestOutcome): RawTestResult {
  const stages = STAGES.map((name) => [name, isObject(test[name]) ? test[name] : undefined] as const);
  const present = stages.filter((entry): entry is readonly [StageName, JsonObject] => entry[1] !== undefined);
  const seconds = present.reduce((sum, [, stage]) => sum + (num(stage.duration) ?? 0), 0);
  const cause = causeStage(present, outcome);
  const trace = cause ? longrepr(cause[1]) : undefined;
  return {
    ...splitNodeId(nodeid),
    status: PYTEST_OUTCOME[outcome],
    durationMs: present.length > 0 ? seconds * 1000 : undefined,
    message: cause ? stageMessage(cause[0], cause[1], outcome) : undefined,
    trace,
    stdout: joinText(present.map(([, stage]) => str(stage.stdout)), ''),
    stderr: joinText(present.map(([, stage]) => str(stage.stderr)), ''),
  };
}

/** The stage that explains a non-passing outcome: the first one that did not pass. */
function causeStage(present: (readonly [StageName, JsonObject])[], outcome: PytestOutcome): readonly [StageName, JsonObject] | undefined {
  if (outcome === 'passed' || outcome === 'xpassed') return undefined;
  return present.find(([, stage]) => stage.outcome !== 'passed') ?? present.find(([, stage]) => stage.longrepr !== undefined);
}

function stageMessage(name: StageName, stage: JsonObject, outcome: PytestOutcome): string | undefined {
  const crash = isObject(stage.crash) ? str(stage.crash.message) : undefined;
  const text = crash ?? skipReason(longrepr(stage)) ?? firstLine(longrepr(stage));
  if (text === undefined) return undefined;
  if (outcome === 'error') return `error in ${name}: ${text}`;
  if (outcome === 'xfailed') return `xfail: ${text}`;
  return text;
}

/** pytest writes a skip's longrepr as the repr of a tuple: "('file.py', 47, 'Skipped: why')". */
function skipReason(text: string | undefined): string | undefined {
  return text === undefined ? undefined : /^\(.*?,\s*\d+,\s*['"](.*)['"]\)$/s.exec(text.trim())?.[1];
}

function longrepr(stage: JsonObject): string | undefined {
  const value = stage.longrepr;
  if (typeof value === 'string') return value === '' ? undefined : value;
  // Some plugins write longrepr as a list of lines.
  if (Array.isArray(value)) return joinText(value.map((line) => (typeof line === 'string' ? line : undefined)));
  return undefined;
}
