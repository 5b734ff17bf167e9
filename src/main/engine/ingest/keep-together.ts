// Clusters that hold reports of one group become one cluster: the reports of a stored run that
// new reports join stay one run whatever their times say (a stream that grew keeps the run of its
// earlier lines even when its new lines came minutes later). See join-runs.ts.
export function mergeKeptTogether<T>(clusters: T[][], pathOf: (item: T) => string, keepTogether: readonly (readonly string[])[]): T[][] {
  if (keepTogether.length === 0 || clusters.length < 2) return clusters;
  const clusterOf = new Map<string, number>();
  clusters.forEach((cluster, index) => cluster.forEach((item) => clusterOf.set(pathOf(item), index)));
  // Union-find over cluster indexes: a group may span several clusters, and groups may chain.
  const parent = clusters.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] ?? at;
    return at;
  };
  for (const group of keepTogether) {
    const roots = group.flatMap((path) => {
      const index = clusterOf.get(path);
      return index === undefined ? [] : [root(index)];
    });
    const first = roots[0];
    if (first === undefined) continue;
    for (const index of roots) parent[root(index)] = root(first);
  }
  const merged = new Map<number, T[]>();
  clusters.forEach((cluster, index) => {
    const at = root(index);
    merged.set(at, [...(merged.get(at) ?? []), ...cluster]);
  });
  return [...merged.values()];
}
