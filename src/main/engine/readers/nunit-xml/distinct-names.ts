// NUnit and xUnit.net never write a retry as a second entry of the same test (they report the
// final result only), so two entries with the same class and name in one report are different
// cases whose display names collide, e.g. parameters that print alike ("Test(System.Func`2[...])").
// The normaliser would fold them as retries and they would vanish from the counts, so the
// second and later get " #2", " #3"... in report order. TRX passes the test id: a repeat with
// the id of an earlier entry is that test run again and keeps its name (the normaliser then keeps
// it as an attempt). Shared by nunit-xml, xunit-xml and trx; readers/json/distinct-names.ts is
// the same idea for the JSON formats.

export class DistinctNames {
  /** (suite, name) → identity of each distinct test seen with it, in order. */
  private readonly seen = new Map<string, (string | undefined)[]>();
  private renamed = 0;

  name(suite: string, name: string, identity?: string): string {
    const key = `${suite}\u0000${name}`;
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
      : `${this.renamed} test(s) have the same suite and name as an earlier test; numbered "#2", "#3"… to keep them apart`;
  }
}
