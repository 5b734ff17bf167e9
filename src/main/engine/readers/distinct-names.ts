// Two tests of one file can share a suite and a name (Jest, mocha, Dart, NUnit, xUnit.net allow
// it: a loop or parameters that print alike). These formats never write a retry as a second
// entry, yet the normaliser folds a repeat that follows a failure as a retry, so such tests
// could vanish from the counts. Their readers number the later ones: "name #2", "name #3", in
// report order, which stays the same from run to run as long as the tests keep their order.
// An `identity` (Dart's location, TRX's test id) tells a rerun from a namesake.

export class DistinctNames {
  /** (suite, name, file) → identity of each distinct test seen with it, in order. */
  private readonly seen = new Map<string, (string | undefined)[]>();
  private renamed = 0;

  /**
   * The name to report for this entry. An entry with the `identity` of an earlier one is that
   * test again and keeps its name, so the normaliser folds it into the earlier entry's attempts.
   * Without an identity every repeat is a different test.
   */
  name(suite: string, name: string, file: string | undefined, identity?: string): string {
    const key = `${suite}\u0000${name}\u0000${file ?? ''}`;
    const identities = this.seen.get(key);
    if (!identities) {
      this.seen.set(key, [identity]);
      return name;
    }
    const earlier = identity === undefined ? -1 : identities.indexOf(identity);
    const index = earlier >= 0 ? earlier : identities.push(identity) - 1;
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
