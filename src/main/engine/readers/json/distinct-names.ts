// Two tests of one file can share a suite and a name (Jest, mocha and Dart allow it; a loop
// that defines tests does it). The normaliser folds repeated (suite, name, file) entries as
// retries, which is right for formats that write a rerun as a new entry, but these formats do
// not (Jest and mocha keep retries inside one entry), so such tests would silently vanish from
// the counts. We number the later ones: "name #2", "name #3", in report order (as nunit-xml does), which stays
// the same from run to run as long as the file's tests keep their order.

export class DistinctNames {
  /** (suite, name, file) → location of each distinct test seen with it, in order. */
  private readonly seen = new Map<string, (string | undefined)[]>();
  private renamed = 0;

  /**
   * The name to report for this entry. `location` (Dart) tells a rerun from a namesake: an
   * entry at the location of an earlier one is that test again and keeps its name, so the
   * normaliser folds it into the earlier entry's attempts. Without a location every repeat is
   * a different test.
   */
  name(suite: string, name: string, file: string | undefined, location?: string): string {
    const key = `${suite}\u0000${name}\u0000${file ?? ''}`;
    const locations = this.seen.get(key);
    if (!locations) {
      this.seen.set(key, [location]);
      return name;
    }
    const earlier = location === undefined ? -1 : locations.indexOf(location);
    const index = earlier >= 0 ? earlier : locations.push(location) - 1;
    if (earlier < 0) this.renamed += 1;
    return index === 0 ? name : `${name} #${index + 1}`;
  }

  /** A warning naming how many tests were renumbered, or null. */
  warning(): string | null {
    return this.renamed === 0
      ? null
      : `${this.renamed} test(s) have the same suite, name and file as an earlier test; numbered "#2", "#3"… to keep them apart`;
  }
}
