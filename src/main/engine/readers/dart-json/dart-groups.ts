// Dart names a group and a test by their full path ("Test 1 Test 1.1 Failing test"). We keep
// each group's own title ("Test 1.1") by removing its parent's name, so the suite can be
// written "Test 1 > Test 1.1" and the test name "Failing test".

interface Group {
  parentId: number | null;
  /** Full name as Dart writes it ("" for a file's root group). */
  name: string;
}

export class DartGroups {
  private readonly groups = new Map<number, Group>();

  add(id: number, parentId: number | null, name: string): void {
    this.groups.set(id, { parentId, name });
  }

  /** Suite path and short name of a test in the groups `groupIds` (outermost first). */
  place(fullName: string, groupIds: readonly number[]): { suite: string; name: string } {
    const titles: string[] = [];
    let parentName = '';
    let innermost = '';
    for (const id of groupIds) {
      const group = this.groups.get(id);
      if (!group || group.name === '') continue;
      titles.push(stripPrefix(group.name, parentName));
      parentName = group.name;
      innermost = group.name;
    }
    return { suite: titles.join(' > '), name: innermost === '' ? fullName : stripPrefix(fullName, innermost) };
  }

  clear(): void {
    this.groups.clear();
  }
}

function stripPrefix(name: string, prefix: string): string {
  if (prefix === '' || !name.startsWith(`${prefix} `)) return name;
  const rest = name.slice(prefix.length + 1);
  return rest === '' ? name : rest;
}
