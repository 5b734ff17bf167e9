// Two formats of one run's coverage should say the same about every file (matched by path, or
// by path tail when one format's paths could not be placed as well as the other's), and where
// both list lines, which lines they call covered. Where they do not, the
// run keeps the preferred one and says where the other differs (lines and, where both have them,
// branches), so a converter's bug or a stale file is visible.
import type { FileCoverage } from '../model/file-coverage.js';
import type { CoverageCounts } from '../model/raw-coverage.js';
import { PathMatcher } from './path-match.js';

export interface Disagreement {
  differing: { path: string; used: FileCoverage; other: FileCoverage }[];
  onlyUsed: string[];
  onlyOther: string[];
}

function same(a: CoverageCounts | null, b: CoverageCounts | null): boolean {
  return !a || !b || (a.covered === b.covered && a.valid === b.valid);
}

/** Equal counts can still hide different lines: where both formats list lines, compare them. */
function sameLines(a: ReadonlyMap<number, number> | null, b: ReadonlyMap<number, number> | null): boolean {
  if (!a || !b) return true;
  let same = true;
  a.forEach((hits, line) => {
    if (same && (hits > 0) !== ((b.get(line) ?? 0) > 0)) same = false;
  });
  b.forEach((hits, line) => {
    if (same && hits > 0 && !((a.get(line) ?? 0) > 0)) same = false;
  });
  return same;
}

export function compareFormats(used: ReadonlyMap<string, FileCoverage>, other: ReadonlyMap<string, FileCoverage>): Disagreement {
  const found: Disagreement = { differing: [], onlyUsed: [], onlyOther: [] };
  const matcher = new PathMatcher(other.keys());
  const matched = new Set<string>();
  for (const [path, file] of used) {
    const twinPath = matcher.find(path);
    const twin = twinPath === null ? undefined : other.get(twinPath);
    if (twinPath === null || !twin) {
      found.onlyUsed.push(path);
      continue;
    }
    matched.add(twinPath);
    if (!same(file.lines, twin.lines) || !same(file.branches, twin.branches) || !sameLines(file.lineHits, twin.lineHits)) {
      found.differing.push({ path, used: file, other: twin });
    }
  }
  for (const path of other.keys()) if (!matched.has(path)) found.onlyOther.push(path);
  return found;
}

function counts(file: FileCoverage): string {
  const branches = file.branches ? `, branches ${file.branches.covered}/${file.branches.valid}` : '';
  return `lines ${file.lines.covered}/${file.lines.valid}${branches}`;
}

function difference(used: FileCoverage, other: FileCoverage): string {
  const here = counts(other);
  const there = counts(used);
  return here === there ? `${here} both, but other lines covered` : `${here} here, ${there} there`;
}

function list(paths: string[]): string {
  return `${paths.slice(0, 3).join(', ')}${paths.length > 3 ? `, … (${paths.length})` : ''}`;
}

/** One line, or null when the two agree. `here` and `there` name the two reports. */
export function describeDisagreement(found: Disagreement, here: string, there: string, files: number): string | null {
  const parts: string[] = [];
  if (found.differing.length > 0) {
    const shown = found.differing
      .slice(0, 3)
      .map(({ path, used, other }) => `${path}: ${difference(used, other)}`)
      .join('; ');
    parts.push(`${found.differing.length} of ${files} file(s) differ (${shown}${found.differing.length > 3 ? '; …' : ''})`);
  }
  if (found.onlyOther.length > 0) parts.push(`only here: ${list(found.onlyOther)}`);
  if (found.onlyUsed.length > 0) parts.push(`only there: ${list(found.onlyUsed)}`);
  return parts.length === 0 ? null : `${here} disagrees with ${there}, the format used for this run: ${parts.join('; ')}`;
}
