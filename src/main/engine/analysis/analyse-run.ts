// The root causes of one run: each failure's category settled from (strongest first) the
// user's override of its signature, the user's rules, history signals and its own content;
// failures grouped by cause (one group = one thing to fix); cascades linked to the group that
// caused them; groups ranked by tests unblocked per fix. Pure: the store gathers the inputs.
import { createHash } from 'node:crypto';
import type { RootCauseCategory, RootCauseRef } from '../../../shared/types.js';
import type { CategoryOverride, FailureGroup } from '../../../shared/root-cause-types.js';
import type { ClassificationWithAlternative } from './classify.js';
import { groupTitle } from './group-title.js';
import type { HistorySignal } from './history/history-types.js';
import { normaliseVolatile } from './normalise.js';
import { matchUserRule, userRuleEvidence, type CompiledUserRule, type FailureTexts } from './user-rules.js';

/** A failure of the run with its stored content classification. */
export interface RunFailure {
  testId: string;
  suite: string;
  name: string;
  file: string | null;
  status: 'failed' | 'errored';
  ordinal: number;
  signature: string;
  messageKey: string;
  title: string;
  classification: ClassificationWithAlternative;
}

export interface RunAnalysisInput {
  failures: readonly RunFailure[];
  /** Message, trace, output and name of a failure (read only when a rule or a cascade needs them). */
  texts(testId: string): FailureTexts;
  userRules: readonly CompiledUserRule[];
  /** By signature or message key. */
  overrides: ReadonlyMap<string, CategoryOverride>;
  /** History signals per test id. */
  history: ReadonlyMap<string, readonly HistorySignal[]>;
}

export interface RunAnalysis {
  groups: FailureGroup[];
  byTest: Map<string, RootCauseRef>;
}

interface Settled {
  failure: RunFailure;
  category: RootCauseCategory;
  confidence: number;
  evidence: string[];
  /** True when only the output rule made it a cascade (it falls back when no cause is found). */
  outputCascadeOnly: boolean;
}

const MAX_GROUP_EVIDENCE = 5;

function fromHistory(failure: RunFailure, signals: readonly HistorySignal[]): Settled | null {
  const base = failure.classification;
  const timing = base.category === 'flaky' && base.confidence >= 0.5;
  const weak = base.category === 'product_defect' || base.category === 'unknown' || base.confidence < 0.5;
  const pick = (kind: HistorySignal['kind']): HistorySignal | undefined => signals.find((signal) => signal.kind === kind);
  const order = pick('order_dependence');
  const leak = pick('leak_across_runs');
  const flips = pick('flaky');
  const environment = pick('environment_change');
  const content = base.evidence.slice(0, 2);
  const settle = (signal: HistorySignal, extra: readonly string[] = []): Settled => ({
    failure,
    category: signal.category ?? base.category,
    confidence: signal.confidence,
    evidence: [...signal.evidence, ...extra, ...content],
    outputCascadeOnly: false,
  });
  if (order && !timing) return settle(order, flips ? flips.evidence : []);
  if (leak) return settle(leak);
  if (flips && (weak || base.category === 'flaky')) return settle(flips, order ? order.evidence : []);
  if (environment && weak && base.category !== 'flaky') return settle(environment);
  return null;
}

function settle(failure: RunFailure, input: RunAnalysisInput): Settled {
  const override = input.overrides.get(failure.signature) ?? input.overrides.get(failure.messageKey);
  if (override) {
    return {
      failure,
      category: override.category,
      confidence: 1,
      evidence: [`moved to ${override.category} by the user on ${override.createdAt.slice(0, 10)}`, ...failure.classification.evidence.slice(0, 1).map((line) => `built-in rules said ${failure.classification.category}: ${line}`)],
      outputCascadeOnly: false,
    };
  }
  if (input.userRules.length > 0) {
    const matched = matchUserRule(input.userRules, input.texts(failure.testId));
    if (matched) return { failure, category: matched.rule.category, confidence: 0.95, evidence: [userRuleEvidence(matched.rule)], outputCascadeOnly: false };
  }
  const signals = input.history.get(failure.testId) ?? [];
  const historical = fromHistory(failure, signals);
  const base = failure.classification;
  const extra = signals.filter((signal) => signal.category === null || historical === null).flatMap((signal) => signal.evidence);
  if (historical) return historical;
  return {
    failure,
    category: base.category,
    confidence: base.confidence,
    evidence: [...base.evidence, ...extra],
    outputCascadeOnly: base.category === 'cascade' && base.rules.every((id) => id === 'cascade.upstream-error-in-output'),
  };
}

interface Draft {
  key: string;
  id: string;
  category: RootCauseCategory;
  signature: string;
  messageKey: string;
  members: Settled[];
  cascadeOf: string | null;
}

function groupId(key: string): string {
  return `g_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

function addTo(drafts: Map<string, Draft>, member: Settled, cascadeOf: string | null): void {
  const { failure, category } = member;
  // A specific message is its own signature wherever it happens (the same missing table in every
  // test); a generic one carries its site, so unrelated "assert <n> == <n>" never merge.
  const signature = failure.signature;
  const key = `${category}\u0000${cascadeOf ?? ''}\u0000${signature}`;
  const draft = drafts.get(key) ?? { key, id: groupId(key), category, signature, messageKey: failure.messageKey, members: [], cascadeOf };
  draft.members.push(member);
  drafts.set(key, draft);
}

const MIN_LINK_CHARS = 8;

/** The group whose failure the cascade's captured output mentions. */
function causeFromOutput(texts: FailureTexts, causes: readonly Draft[]): Draft | null {
  const haystack = texts.output.toLowerCase();
  if (haystack.trim() === '') return null;
  const normalised = normaliseVolatile(haystack.slice(0, 20_000)).toLowerCase();
  // Only specific failures can be recognised in someone else's output: "assert <n> == <n>" is everywhere.
  const matches = causes.filter((draft) => draft.signature === draft.messageKey).filter((draft) => {
    const title = (draft.members[0]?.failure.title ?? '').toLowerCase();
    const key = draft.messageKey.toLowerCase().replace(/^[\w.]*(?:error|exception): /, '');
    return (title.length >= MIN_LINK_CHARS && haystack.includes(title)) || (key.length >= MIN_LINK_CHARS && normalised.includes(key));
  });
  return matches.sort((a, b) => b.members.length - a.members.length)[0] ?? null;
}

/** The nearest earlier failure of the same file or suite that errored (a failed setup). */
function causeBefore(failure: RunFailure, causes: readonly Draft[]): Draft | null {
  let best: { draft: Draft; gap: number } | null = null;
  for (const draft of causes) {
    for (const member of draft.members) {
      const other = member.failure;
      const near = (other.file !== null && other.file === failure.file) || other.suite === failure.suite;
      if (!near || other.ordinal >= failure.ordinal) continue;
      const gap = failure.ordinal - other.ordinal;
      if (!best || gap < best.gap) best = { draft, gap };
    }
  }
  return best?.draft ?? null;
}

function finish(draft: Draft, blocks: number): FailureGroup {
  const counts = new Map<string, number>();
  for (const member of draft.members) for (const line of new Set(member.evidence)) counts.set(line, (counts.get(line) ?? 0) + 1);
  const evidence = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_GROUP_EVIDENCE).map(([line]) => line);
  if (draft.members.length > 1) evidence.push(`${draft.members.length} tests fail with this signature`);
  const confidence = draft.members.reduce((sum, member) => sum + member.confidence, 0) / draft.members.length;
  return {
    id: draft.id,
    category: draft.category,
    confidence: Math.round(confidence * 100) / 100,
    title: groupTitle(draft.members.map((member) => member.failure.title), draft.messageKey),
    signature: draft.signature,
    evidence,
    tests: draft.members.map((member) => member.failure.testId),
    cascadeOf: draft.cascadeOf,
    blocks,
  };
}

export function analyseRun(input: RunAnalysisInput): RunAnalysis {
  const settled = input.failures.map((failure) => settle(failure, input));
  const causes = new Map<string, Draft>();
  const cascades: Settled[] = [];
  for (const member of settled) {
    if (member.category === 'cascade') cascades.push(member);
    else addTo(causes, member, null);
  }
  const causeList = [...causes.values()];
  const cascadeDrafts = new Map<string, Draft>();
  for (const member of cascades) {
    const texts = input.texts(member.failure.testId);
    const cause = causeFromOutput(texts, causeList) ?? (member.outputCascadeOnly ? null : causeBefore(member.failure, causeList));
    if (cause) {
      member.evidence = [`caused by "${groupTitle(cause.members.map((m) => m.failure.title), cause.messageKey)}" (${cause.id})`, ...member.evidence];
      addTo(cascadeDrafts, member, cause.id);
      continue;
    }
    const alternative = member.failure.classification.alternative;
    if (member.outputCascadeOnly && alternative) {
      // The output logs an error, but nothing in this run failed with it: not a cascade after all.
      member.category = alternative.category;
      member.confidence = alternative.confidence;
      member.evidence = ['the output logs an error, but no failure of this run matches it', ...member.evidence.slice(1)];
      addTo(causes, member, null);
    } else {
      member.evidence = [...member.evidence, 'the failure it follows is not among the failures of this run'];
      addTo(cascadeDrafts, member, null);
    }
  }

  const blockedBy = new Map<string, number>();
  for (const draft of cascadeDrafts.values()) {
    if (draft.cascadeOf) blockedBy.set(draft.cascadeOf, (blockedBy.get(draft.cascadeOf) ?? 0) + draft.members.length);
  }
  const roots = [...causes.values()].map((draft) => finish(draft, draft.members.length + (blockedBy.get(draft.id) ?? 0)));
  roots.sort((a, b) => b.blocks - a.blocks || b.confidence - a.confidence || a.title.localeCompare(b.title));
  const cascadeGroups = [...cascadeDrafts.values()].map((draft) => finish(draft, draft.members.length));
  const groups: FailureGroup[] = [];
  for (const root of roots) {
    groups.push(root);
    groups.push(...cascadeGroups.filter((group) => group.cascadeOf === root.id).sort((a, b) => b.blocks - a.blocks));
  }
  groups.push(...cascadeGroups.filter((group) => group.cascadeOf === null).sort((a, b) => b.blocks - a.blocks));

  const byTest = new Map<string, RootCauseRef>();
  for (const draft of [...causes.values(), ...cascadeDrafts.values()]) {
    for (const member of draft.members) {
      byTest.set(member.failure.testId, { category: member.category, confidence: Math.round(member.confidence * 100) / 100, groupId: draft.id });
    }
  }
  return { groups, byTest };
}
