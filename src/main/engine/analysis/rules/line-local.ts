// Whether a pattern can only ever match inside one line: then its first match in a text of
// several lines is its first match in the first line that has one, and what it finds in a line
// can be remembered per line. Decided from the pattern's source, conservatively: anything that
// could match or see a line break ("\s", "[^x]", "\W", "^" and "$" without the m flag, escapes
// by code point, the s flag) makes it not line-local, even where it would in fact stay in a line.

export function isLineLocal(pattern: RegExp): boolean {
  if (pattern.flags.includes('s') || pattern.flags.includes('g') || pattern.flags.includes('y')) return false;
  const multiline = pattern.flags.includes('m');
  const source = pattern.source;
  let inClass = false;
  let negated = false;
  let classHasNewline = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      index += 1;
      if (next === 'n') {
        // "\n" belongs only in a negated class, where it keeps the class off line breaks.
        if (!inClass || !negated) return false;
        classHasNewline = true;
        continue;
      }
      // Classes and escapes that match a line break, or name a character by its code.
      if ('sSWDBrtvf0xuckpP'.includes(next)) return false;
      continue;
    }
    if (inClass) {
      if (char === ']') {
        if (negated && !classHasNewline) return false;
        inClass = false;
      }
      continue;
    }
    if (char === '[') {
      inClass = true;
      negated = source[index + 1] === '^';
      if (negated) index += 1;
      classHasNewline = false;
      // "[]" and "[^]" are JavaScript's empty and any-character classes.
      if (source[index + 1] === ']') return false;
      continue;
    }
    if ((char === '^' || char === '$') && !multiline) return false;
  }
  return !inClass;
}
