// Which source file a test exercises, guessed from names the way people name tests: the test
// file or class named after the module (tests/test_models.py, UserServiceTest, cart.test.js,
// models_test.go) or living in the module's package (Go tests share their package's folder;
// `go test` names the suite by package path). Names are compared lower-case without separators,
// so user_service, user-service and UserService are one name.

/** "UserServiceTest" → "userservice"; "test_models.py" → "models"; "cart.test.js" → "cart". */
export function moduleStem(name: string): string {
  const base = name.split('/').pop() ?? name;
  const withoutExtensions = base.replace(/\.(test|spec|tests|specs)(?=\.|$)/i, '').replace(/\.[^.]*$/, '');
  const withoutMarkers = withoutExtensions
    .replace(/(Tests?|IT|Spec|Specs)$/, '') // Java/Kotlin/Scala class names, before lower-casing
    .replace(/^(tests?_|Tests?(?=[A-Z]))/, '')
    .replace(/(_tests?|_spec)$/i, '');
  return withoutMarkers.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Keys a source file answers to: its own stem, and its folder's name prefixed "pkg:". */
export function fileKeys(path: string): Set<string> {
  const parts = path.split('/');
  const keys = new Set<string>();
  const stem = moduleStem(path);
  if (stem !== '') keys.add(stem);
  const folder = parts[parts.length - 2];
  if (folder) keys.add(`pkg:${folder.toLowerCase()}`);
  return keys;
}

export interface NamedTest {
  suite: string;
  file: string | null;
}

/** Keys a test answers to: stems of its file and of its suite's last part, and their packages. */
export function testKeys(test: NamedTest): Set<string> {
  const keys = new Set<string>();
  if (test.file) {
    const stem = moduleStem(test.file);
    if (stem !== '') keys.add(stem);
    // A Go test file tests its whole package; elsewhere a folder holds tests of many modules.
    const parts = test.file.split('/');
    const folder = parts[parts.length - 2];
    if (folder && test.file.endsWith('_test.go')) keys.add(`pkg:${folder.toLowerCase()}`);
  }
  const suiteParts = test.suite.split(/[./:\\#›>]+|::/).map((part) => part.trim()).filter((part) => part !== '');
  const last = suiteParts[suiteParts.length - 1];
  if (last) {
    const stem = moduleStem(last);
    if (stem !== '') keys.add(stem);
    // `go test` suites are package paths: their last part is the package folder.
    if (/^[a-z0-9_]+$/.test(last) && test.suite.includes('/')) keys.add(`pkg:${last}`);
  }
  return keys;
}

export function related(file: ReadonlySet<string>, test: ReadonlySet<string>): boolean {
  for (const key of test) if (file.has(key)) return true;
  return false;
}
