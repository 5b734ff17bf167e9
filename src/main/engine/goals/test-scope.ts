// Which tests a goal's `suite` or `path` names. Reports write suites and files in many shapes
// (`users`, `tests.api.TestUsers`, `src/db.test.js`, `/ci/build/src/db.test.js`), so matching
// is on whole segments: a suite matches itself and its children; a path matches a file whose
// path ends with it or a folder that appears in it; `*` and `**` glob within and across folders.
import type { TestScope } from './goals-file.js';

interface ScopedTest {
  suite: string;
  file: string | null;
}

function suiteMatches(suite: string, wanted: string): boolean {
  if (suite === wanted) return true;
  // A child suite: "users" covers "users > admin", "users.admin", "users/admin", "users::admin".
  return suite.startsWith(wanted) && /^[\s.:/>›#-]/.test(suite.slice(wanted.length));
}

function globRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/?|\*)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`(?:^|/)${body}$`);
}

function pathMatches(file: string | null, wanted: string): boolean {
  if (file === null) return false;
  const path = file.replace(/\\/g, '/');
  const pattern = wanted.replace(/\\/g, '/').replace(/^\.\//, '');
  if (pattern.includes('*')) return globRegExp(pattern).test(path);
  if (pattern.endsWith('/')) return `/${path}`.includes(`/${pattern}`);
  return path === pattern || path.endsWith(`/${pattern}`) || `/${path}`.includes(`/${pattern}/`);
}

export function inScope(test: ScopedTest, scope: TestScope): boolean {
  if (scope.suite !== undefined) return suiteMatches(test.suite, scope.suite);
  if (scope.path !== undefined) return pathMatches(test.file, scope.path);
  return true;
}

export function describeScope(scope: TestScope): string {
  if (scope.suite !== undefined) return `suite '${scope.suite}'`;
  if (scope.path !== undefined) return `path '${scope.path}'`;
  return 'all tests';
}
