// The part of a failure's root cause that depends only on its own report: signature, title and
// content classification. Computed at ingest and stored per result (see store/root-cause-store.ts);
// recomputed on read for results stored by an older classifier.
import { classifyFacts, type ClassificationWithAlternative } from './classify.js';
import { factsOf } from './facts.js';
import type { FailureInput } from './failure-input.js';
import { signatureOf } from './signature.js';

/** Bump when rules or signatures change: stored rows of older versions are recomputed on read. */
export const CLASSIFIER_VERSION = 6;

export interface ResultCause {
  signature: string;
  messageKey: string;
  title: string;
  classification: ClassificationWithAlternative;
}

/** A stored or just-read result, as much of it as the classifier uses. */
export interface ResultText {
  id: string;
  suite: string;
  name: string;
  file: string | null;
  status: 'failed' | 'errored';
  message: string | null;
  trace: string | null;
  stdout: string | null;
  stderr: string | null;
}

export function joinOutput(stdout: string | null, stderr: string | null): string {
  if (stdout && stderr) return `${stdout}\n${stderr}`;
  return stdout ?? stderr ?? '';
}

export function causeOfResult(result: ResultText, framework: string | null): ResultCause {
  const input: FailureInput = {
    id: result.id,
    message: result.message ?? '',
    trace: result.trace,
    output: joinOutput(result.stdout, result.stderr),
    name: result.name,
    suite: result.suite,
    file: result.file,
    framework,
    status: result.status,
  };
  const facts = factsOf(input);
  const { signature, messageKey, title } = signatureOf(facts, input);
  return { signature, messageKey, title, classification: classifyFacts(facts) };
}
