// A failure's signature: what stays the same when the same failure happens again in another
// run. It is the exception type and the key line with volatile parts normalised, plus, when
// that message alone says little ("assert <n> == <n>"), where it happened: the innermost frame
// of the project's code, else the test itself. Overrides are stored by signature.
import type { FailureFacts } from './facts.js';
import type { FailureInput } from './failure-input.js';
import { titleOf } from './key-line.js';
import { memoByText } from './memo.js';
import { normaliseVolatile } from './normalise.js';

export interface FailureSignature {
  /** Normalised "Type: message" (no site): the same failure anywhere in the code. */
  messageKey: string;
  /** messageKey plus the site when the message alone is generic. */
  signature: string;
  /** Readable title of this very failure (not normalised). */
  title: string;
}

/** After normalisation, a message with fewer identifier characters than this names no cause. */
const GENERIC_WORD_CHARS = 12;

/** Words that carry no cause on their own. */
const FILLER = /\b(?:assert(?:ion)?(?:error)?|expected|actual|but|was|got|want|received|to|be|equal|is|not|true|false|none|null|undefined|error|failed|failure|value|values|of|the|and|in|at|type)\b/gi;

/** By normalised message: the same message is generic or not wherever it fails. */
const namesNoCause = memoByText((normalised: string) => {
  const words = normalised.replace(/<\w+>/g, ' ').replace(FILLER, ' ').replace(/[^A-Za-z_]/g, '');
  return words.length < GENERIC_WORD_CHARS;
}, 1024);

function isGeneric(normalised: string, assertion: boolean): boolean {
  return assertion || namesNoCause(normalised);
}

function siteOf(facts: FailureFacts, input: FailureInput): string {
  const frame = facts.frames.innermostOwn;
  if (frame) return `${frame.location}${frame.functionName ? `:${frame.functionName}` : ''}`;
  const where = input.file ?? input.suite ?? '';
  return `${where}::${input.name ?? input.id}`;
}

/** The key line with its exception type in front when it does not name it, by key line (bounded). */
const TYPED = new Map<string, { type: string | null; typed: string }>();
const TYPED_LIMIT = 1024;

function typedText(type: string | null, text: string): string {
  const known = TYPED.get(text);
  if (known !== undefined && known.type === type) return known.typed;
  // The same string for every failure with this key line: normaliseVolatile's lookup finds it by identity.
  const typed = type && !text.includes(type) ? `${type}: ${text}` : text;
  if (TYPED.size >= TYPED_LIMIT) TYPED.clear();
  TYPED.set(text, { type, typed });
  return typed;
}

export function signatureOf(facts: FailureFacts, input: FailureInput): FailureSignature {
  const typed = typedText(facts.type, facts.key.text);
  const messageKey = normaliseVolatile(typed) || normaliseVolatile(facts.type ?? '') || '(no message)';
  const signature = isGeneric(messageKey, facts.flags.get('assertion')) ? `${messageKey} @ ${siteOf(facts, input)}` : messageKey;
  return { messageKey, signature, title: titleOf(facts.key) || messageKey };
}
