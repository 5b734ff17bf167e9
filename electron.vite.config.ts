// Builds the three parts of the app into out/:
// - main: the Electron app (index) and the `vigil` command line (cli, run by plain node via
//   bin/vigil.js, so it must never import electron), ESM because package.json says "module";
//   and the parse worker both start for large reports;
// - preload: CommonJS, because sandboxed preloads cannot be ES modules;
// - renderer: the React UI, served by Electron's app protocol or by `vigil serve`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/electron/main.ts'),
          cli: resolve(root, 'src/main/cli/main.ts'),
          // Its own entry: started as a worker thread by a large ingest (ingest/stream/).
          'parse-worker': resolve(root, 'src/main/engine/ingest/stream/parse-worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only 'electron' and a few builtins: bundle the rest.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
