// The module path of the go.mod at a project root: Go cover profiles name files by import path
// (github.com/spf13/cobra/doc/man_docs.go); without the module path they are relative to the
// module root (doc/man_docs.go), as gocover-cobertura writes them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MODULE_LINE = /^\s*module\s+("?)([^\s"]+)\1\s*(?:\/\/.*)?$/m;

/** The module path declared in `<root>/go.mod`, or null when there is none. */
export function goModulePath(root: string): string | null {
  let text: string;
  try {
    text = readFileSync(join(root, 'go.mod'), 'utf8');
  } catch (error) {
    // No go.mod (or unreadable): the caller falls back to the profile's common prefix.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw error;
  }
  return MODULE_LINE.exec(text)?.[2] ?? null;
}
