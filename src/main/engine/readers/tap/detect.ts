// Detection from content. TAP has no header it must start with, so a file is TAP when, within
// its first lines, a line only TAP has (a version line, a plan "1..N", a numbered or bare
// "ok"/"not ok" test point) comes before more than a little other text. Comments, pragmas and
// unnumbered points ("ok we are good") may precede it; a few lines of junk may precede only a
// version or plan line (tap-parser accepts junk there). Plain text is never claimed.
const LINES_TO_LOOK_AT = 40;
const JUNK_ALLOWED = 3;

const VERSION = /^TAP version \d+$/i;
/** "1..N", "1..0 # skip reason", and old TAP's "1..5 todo 2 3;". */
const PLAN = /^\d+\.\.\d+(\s*#.*|\s+todo[\d\s;]*)?$/i;
const NUMBERED_POINT = /^(not )?ok(( \d+)(\s.*)?| -( .*)?)?$/;
const LOOSE_POINT = /^(not )?ok( .*)?$/;
const OTHER_TAP = [/^#/, /^pragma [+-][\w-]+$/, /^bail out!/i, /^---$/, /^\.\.\.$/];

export function looksLikeTap(head: string): boolean {
  let junk = 0;
  let looked = 0;
  for (const raw of head.split('\n', LINES_TO_LOOK_AT * 4)) {
    if (raw.trim() === '') continue;
    looked += 1;
    if (looked > LINES_TO_LOOK_AT) return false;
    // Subtests are indented by steps of four spaces, YAML blocks by two.
    const text = raw.replace(/^( {4})+/, '').trimEnd();
    if (VERSION.test(text) || PLAN.test(text)) return true;
    if (NUMBERED_POINT.test(text)) return junk === 0;
    if (LOOSE_POINT.test(text) || OTHER_TAP.some((pattern) => pattern.test(text.trim()))) continue;
    junk += 1;
    if (junk > JUNK_ALLOWED) return false;
  }
  return false;
}
