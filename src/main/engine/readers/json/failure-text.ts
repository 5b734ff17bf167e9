// Turning a source's failure text into our message (short) and trace (body).

// Built from the ESC code rather than a literal so the pattern carries no raw control character.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, 'g');

/** Removes ANSI colour codes: runners colour failure text for terminals, not for storage. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** The first non-blank line, trimmed; undefined for blank text. */
export function firstLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '') return trimmed;
  }
  return undefined;
}

/** Non-empty parts joined by `separator`; undefined when none. */
export function joinText(parts: (string | undefined)[], separator = '\n'): string | undefined {
  const kept = parts.filter((part): part is string => part !== undefined && part !== '');
  return kept.length > 0 ? kept.join(separator) : undefined;
}
