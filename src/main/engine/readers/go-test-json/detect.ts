// Detection from content: a go test -json stream is JSON Lines whose objects carry an "Action"
// string (test2json's TestEvent). A stream may open with a few lines of build noise, so the
// first few non-empty lines are looked at; the first JSON-looking one decides.
import { parseEventLine } from './go-event.js';

const LINES_TO_LOOK_AT = 5;

export function looksLikeGoTestJson(head: string): boolean {
  let looked = 0;
  let start = 0;
  while (start < head.length && looked < LINES_TO_LOOK_AT) {
    let end = head.indexOf('\n', start);
    if (end < 0) end = head.length;
    const line = head.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    looked += 1;
    if (!line.startsWith('{')) continue;
    // The head may end inside this line: judge the cut line by its first key/value pairs.
    const parsed = parseEventLine(line);
    if (parsed.kind === 'event') return true;
    if (parsed.kind === 'broken-json' && end === head.length) return /^\{\s*"(Time|Action|Package|ImportPath)"\s*:/.test(line) && /"Action"\s*:\s*"/.test(line);
    return false;
  }
  return false;
}
