// Lint is where the layers of DEVELOPERS.md are enforced (as VS Code does with its folder
// rules): the engine never sees electron, the renderer never sees Node, shared sees nothing.
import tseslint from 'typescript-eslint';

const ELECTRON = { name: 'electron', message: 'Only src/main/electron and src/preload may import electron.' };
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'better-sqlite3', 'chokidar'];

function restrict(paths, patterns) {
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench/data/**', 'test/fixtures/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/main/engine/**', 'src/main/cli/**', 'src/main/serve/**'],
    rules: restrict([ELECTRON], [
      { group: ['**/electron/**', '**/renderer/**', '**/preload/**'], message: 'The engine, CLI and server are electron-free and UI-free.' },
    ]),
  },
  {
    files: ['src/main/engine/**'],
    rules: restrict([ELECTRON], [
      { group: ['**/electron/**', '**/renderer/**', '**/preload/**', '**/cli/**', '**/serve/**'], message: 'The engine depends on nothing above it.' },
    ]),
  },
  {
    files: ['src/renderer/**'],
    rules: restrict([ELECTRON], [
      { group: NODE_BUILTINS, message: 'The renderer runs sandboxed: no Node APIs.' },
      { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to the engine only through EngineApi (src/shared).' },
    ]),
  },
  {
    files: ['src/shared/**'],
    rules: restrict([ELECTRON], [
      { group: [...NODE_BUILTINS, '**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared is plain types and pure functions for every layer.' },
    ]),
  },
  {
    files: ['src/preload/**'],
    rules: restrict([], [
      { group: [...NODE_BUILTINS, '**/main/**', '**/renderer/**'], message: 'The preload exposes EngineApi and nothing more.' },
    ]),
  },
);
