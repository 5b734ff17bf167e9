// A failure's signature when no root-cause analysis is available: the first line of its message
// with the parts that change from run to run (numbers, hex ids, addresses, quoted values)
// replaced, so that the same failure reads the same in both runs of a comparison. A plain
// assertion on a value says nothing shared with other tests, so it is keyed by its test too:
// two unrelated `expected 3 to be 4` failures are two things to fix, not one.
// This is the one place to swap for the analysis' signatures (src/main/engine/analysis/).

const MAX_SIGNATURE_CHARS = 200;
const ASSERTION = /^(AssertionError\b|assert(ion)?\b|expected\b|Expected\b|expect\()/;

export interface FailingTest {
  id: string;
  message: string | null;
}

/** The first line that says something, without the "Error: " that runners prefix. */
export function firstMessageLine(message: string | null): string {
  const line = (message ?? '').split('\n').map((part) => part.trim()).find((part) => part !== '') ?? '';
  return line.replace(/^(Uncaught )?Error:\s*/, '');
}

export function messageSignature(test: FailingTest): string {
  const line = firstMessageLine(test.message);
  if (line === '') return `no message: ${test.id}`;
  const normalised = line
    .replace(/\b[0-9a-f]{8,}\b/gi, '<hex>')
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '<value>')
    .replace(/\d+(\.\d+)?/g, '<n>')
    .replace(/\s+/g, ' ')
    .slice(0, MAX_SIGNATURE_CHARS);
  return ASSERTION.test(line) ? `${normalised} @ ${test.id}` : normalised;
}
