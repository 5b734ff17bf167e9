// Matching one format's file paths to another's. Normalisation makes them equal in the usual
// case; when a report from another machine could not be placed (a Cobertura <source> that names
// no folder here), one format may say calc/money.py where another says money.py. A path that is
// the other's tail, at a '/' boundary and without ambiguity, is the same file.

export class PathMatcher {
  private readonly exact: ReadonlySet<string>;
  /** Paths by their last segment, for tail matches. */
  private readonly byName = new Map<string, string[]>();

  constructor(paths: Iterable<string>) {
    this.exact = new Set(paths);
    for (const path of this.exact) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      this.byName.set(name, [...(this.byName.get(name) ?? []), path]);
    }
  }

  /** The path of this set that is `path`, or null when none (or more than one) is. */
  find(path: string): string | null {
    if (this.exact.has(path)) return path;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const tails = (this.byName.get(name) ?? []).filter((candidate) => candidate.endsWith(`/${path}`) || path.endsWith(`/${candidate}`));
    return tails.length === 1 ? (tails[0] ?? null) : null;
  }
}
