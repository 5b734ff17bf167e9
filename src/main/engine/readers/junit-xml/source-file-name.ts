// jest-junit and Vitest name each <testsuite> after the test file ("src/__tests__/main.test.js")
// and write no `file` attribute. Using such a name as the tests' file keeps two files' tests with
// the same describe block and title apart, instead of folding them together as retries.

const SOURCE_FILE =
  /\.(?:[cm]?[jt]sx?|py|rb|php|phpt|go|java|kt|kts|scala|groovy|cs|fs|vb|swift|rs|c|cc|cpp|cxx|m|mm|dart|exs?|erl|lua|pl|t|clj|hs|elm|vue|svelte)$/i;

/** True for a suite name that is a path to a source file: has a path separator or a test-ish stem. */
export function looksLikeSourceFile(name: string): boolean {
  if (name.length === 0 || name.length > 1024 || /\s/.test(name) || !SOURCE_FILE.test(name)) return false;
  return name.includes('/') || name.includes('\\') || /[._-](?:test|spec)s?\.[a-z]+$/i.test(name);
}
