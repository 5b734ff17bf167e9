// Which class a test-case belongs to, and its name within that class. NUnit 3 says so
// (classname=, name=). NUnit 2 only gives the full name ("Ns.Fixture.Method(args)") and the
// nesting of <test-suite name=...> elements, whose names are sometimes short ("MockTestFixture")
// and sometimes full ("UnitTests.MainClassTest").

export interface SuiteFrame {
  type?: string;
  name?: string;
  fullname?: string;
  classname?: string;
}

export interface SuiteAndName {
  suite: string;
  name: string;
}

// Suites that group the cases of one method, not a class.
const METHOD_SUITES = new Set(['ParameterizedTest', 'ParameterizedMethod', 'Theory', 'GenericMethod']);

/** `frames` are the enclosing <test-suite>s, outermost first. */
export function suiteAndName(
  attributes: { name?: string; fullname?: string; classname?: string },
  frames: readonly SuiteFrame[],
): SuiteAndName {
  const name = attributes.name ?? '';
  const classname = attributes.classname?.trim();
  if (classname) return { suite: classname, name: stripPrefix(name, classname) };

  const fullName = attributes.fullname ?? name;
  for (let index = frames.length - 1; index >= 0; index -= 1) {
    const frame = frames[index];
    if (!frame || frame.type === 'Assembly' || METHOD_SUITES.has(frame.type ?? '')) continue;
    const owner = frame.classname ?? frame.fullname;
    if (owner && fullName.startsWith(`${owner}.`) && fullName.length > owner.length + 1) {
      return { suite: owner, name: fullName.slice(owner.length + 1) };
    }
    const at = frame.name ? segmentAt(fullName, frame.name) : -1;
    if (at >= 0 && frame.name) {
      const end = at + frame.name.length;
      return { suite: fullName.slice(0, end), name: fullName.slice(end + 1) };
    }
  }
  // No enclosing suite names the test's class: keep the nearest class-like suite as it is.
  const nearest = [...frames].reverse().find((frame) => frame.type !== 'Assembly' && !METHOD_SUITES.has(frame.type ?? ''));
  return { suite: nearest?.fullname ?? nearest?.name ?? '', name: fullName };
}

function stripPrefix(name: string, prefix: string): string {
  return name.startsWith(`${prefix}.`) && name.length > prefix.length + 1 ? name.slice(prefix.length + 1) : name;
}

/**
 * Where `segment` appears in `fullName` as whole dotted segments followed by ".Something", inside
 * the namespace/class part (before any argument list), or -1.
 */
function segmentAt(fullName: string, segment: string): number {
  const needle = `${segment}.`;
  let from = 0;
  for (;;) {
    const at = fullName.indexOf(needle, from);
    if (at < 0) return -1;
    const boundary = at === 0 || fullName[at - 1] === '.';
    const inNamespace = !fullName.slice(0, at).includes('(');
    if (boundary && inNamespace && fullName.length > at + needle.length) return at;
    from = at + 1;
  }
}
