// File paths of coverage reports become project-relative, the same for every format and machine.
import { describe, expect, it } from 'vitest';
import { CoveragePaths } from '../../../../../src/main/engine/coverage/paths/coverage-paths.js';
import { commonDirectory } from '../../../../../src/main/engine/coverage/paths/path-text.js';

/** A project at /home/me/shop holding these files (and their folders). */
function shop(...files: string[]): CoveragePaths {
  const present = new Set<string>(['/home/me/shop']);
  for (const file of files) {
    const parts = file.split('/');
    parts.forEach((_, index) => present.add(`/home/me/shop/${parts.slice(0, index + 1).join('/')}`));
  }
  return new CoveragePaths({ root: '/home/me/shop', exists: (path) => present.has(path) });
}

describe('coverage paths', () => {
  it('drops the project root from absolute paths (Istanbul, lcov, Clover)', () => {
    expect(shop().normalise('/home/me/shop/src/cart.js')).toBe('src/cart.js');
    expect(shop().normalise('file:///home/me/shop/src/cart.js')).toBe('src/cart.js');
  });

  it('keeps relative paths relative (coverage.py JSON and lcov, c8 lcov), tidied', () => {
    expect(shop().normalise('core/models.py')).toBe('core/models.py');
    expect(shop().normalise('./core/../core/models.py')).toBe('core/models.py');
    expect(shop().normalise('core\\models.py')).toBe('core/models.py');
  });

  it('joins Cobertura filenames to their <source>', () => {
    expect(shop().normalise('money.py', { sourceRoots: ['/home/me/shop/calc'] })).toBe('calc/money.py');
    // coverage.py with relative_files = true writes a relative source.
    expect(shop().normalise('money.py', { sourceRoots: ['calc'] })).toBe('calc/money.py');
    // Placeholders and junk name no folder (gocover-cobertura's "$GOMODCACHE").
    expect(shop().normalise('doc/man_docs.go', { sourceRoots: ['$GOMODCACHE'] })).toBe('doc/man_docs.go');
    expect(shop().normalise('Main.java', { sourceRoots: ['--source'] })).toBe('Main.java');
  });

  it('with several sources, takes the one where the file is', () => {
    const paths = shop('lib/b.py');
    expect(paths.normalise('b.py', { sourceRoots: ['/home/me/shop/src', '/home/me/shop/lib'] })).toBe('lib/b.py');
    expect(paths.normalise('a.py', { sourceRoots: ['/home/me/shop/src', '/home/me/shop/lib'] })).toBe('src/a.py');
  });

  it("places another machine's absolute paths under the project: by the project's folder name", () => {
    expect(shop().normalise('/builds/ci/shop/src/cart.js')).toBe('src/cart.js');
    // GitHub Actions checks out to .../shop/shop: the last one is the project...
    expect(shop().normalise('/home/runner/work/shop/shop/src/cart.js')).toBe('src/cart.js');
    // ...unless the file says otherwise (a package named like its project).
    expect(shop('shop/models.py').normalise('/ci/shop/shop/models.py')).toBe('shop/models.py');
    expect(shop().normalise('C:\\agent\\_work\\1\\shop\\src\\Cart.cs')).toBe('src/Cart.cs');
  });

  it('or by the longest tail that exists here', () => {
    expect(shop('src/cart.js').normalise('/var/lib/jenkins/workspace/job-42/src/cart.js')).toBe('src/cart.js');
    // A bare file name proves nothing.
    expect(shop('setup.py').normalise('/elsewhere/pkg/setup.py')).toBe('/elsewhere/pkg/setup.py');
  });

  it('a Cobertura <source> from another machine', () => {
    expect(shop('calc/money.py').normalise('money.py', { sourceRoots: ['/tmp/ci/shop/calc'] })).toBe('calc/money.py');
    expect(shop().normalise('money.py', { sourceRoots: ['/tmp/ci/elsewhere/calc'] })).toBe('money.py');
  });

  it('drops a Go module path and "_" (go test outside a module)', () => {
    expect(shop().normalise('example.com/shop/price/price.go', { stripPrefix: 'example.com/shop/' })).toBe('price/price.go');
    expect(shop().normalise('_/home/me/shop/price/price.go')).toBe('price/price.go');
  });

  it('the common directory of a set of paths', () => {
    expect(commonDirectory(['github.com/spf13/cobra/args.go', 'github.com/spf13/cobra/doc/md_docs.go'])).toBe('github.com/spf13/cobra/');
    expect(commonDirectory(['a/b/c.go', 'a/bb/c.go'])).toBe('a/');
    expect(commonDirectory(['x.go', 'a/y.go'])).toBe('');
    expect(commonDirectory([])).toBe('');
  });
});
