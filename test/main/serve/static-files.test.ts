import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveStaticFile } from '../../../src/main/serve/static-files.js';

let dir: string;
let ui: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-static-'));
  ui = join(dir, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<html></html>');
  writeFileSync(join(ui, 'assets', 'a b.js'), '');
  writeFileSync(join(dir, 'secret'), 'x');
  symlinkSync(join(dir, 'secret'), join(ui, 'leak'));
  symlinkSync(dir, join(ui, 'parent'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveStaticFile', () => {
  it('maps / to index.html and decodes escapes', () => {
    expect(resolveStaticFile(ui, '/')).toMatchObject({ kind: 'file', path: expect.stringMatching(/index\.html$/) });
    expect(resolveStaticFile(ui, '/assets/a%20b.js')).toMatchObject({ kind: 'file' });
  });

  it('says not-found for missing files and folders', () => {
    expect(resolveStaticFile(ui, '/missing.js')).toEqual({ kind: 'not-found' });
    expect(resolveStaticFile(ui, '/assets')).toEqual({ kind: 'not-found' });
  });

  it.each(['/../secret', '/..%2fsecret', '/%2e%2e/secret', '/assets/..%2f..%2fsecret', '/..%5csecret', '/leak', '/parent/secret', '/a%00b', '/%zz'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticFile(ui, path).kind).toBe('bad-path');
    },
  );
});

describe('contentType', () => {
  it('knows the types a Vite build emits', () => {
    expect(contentType('a.js')).toMatch(/javascript/);
    expect(contentType('a.CSS')).toMatch(/text\/css/);
    expect(contentType('a.unknown')).toBe('application/octet-stream');
  });
});
