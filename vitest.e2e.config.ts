// The end-to-end tests (test/e2e): the built app served by `vigil serve`, driven in Debian's
// Chromium by playwright-core, and the Electron smoke test. One file at a time: each starts its
// own server and browser, and the 100,000-test run wants the machine to itself.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
