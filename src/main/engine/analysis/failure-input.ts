// What the classifier reads about one failure: everything a report carries, nothing from the
// store. The same shape comes from an ingested result, a `vigil classify` line or a test.
import type { RootCauseCategory } from '../../../shared/types.js';

export interface FailureInput {
  /** The stable test id (t_...) or, for `vigil classify`, the caller's id. */
  id: string;
  message: string;
  trace?: string | null;
  /** Captured stdout and stderr (and logs), joined. */
  output?: string | null;
  name?: string | null;
  suite?: string | null;
  file?: string | null;
  /** The report format or runner (junit-xml, go-test-json, pytest, vitest...), where known. */
  framework?: string | null;
  /** failed = an assertion failed; errored = an error outside assertions (setup, crash). */
  status?: 'failed' | 'errored';
}

/** What the classifier concludes from one failure's own content. */
export interface Classification {
  category: RootCauseCategory;
  /** 0..1: how sure; low when the evidence is thin or points two ways. */
  confidence: number;
  /** One line each: what points to this category. */
  evidence: string[];
  /** Ids of the rules that matched, for debugging and the accuracy report. */
  rules: string[];
}
