/**
 * The explorer's production build: web/ -> dist/web/, the model core (src/model) and the shipped data
 * bundled in, the model in a Web Worker, and a service worker so the page works offline after the
 * first load. `worldorder explore` (npm start) builds it when needed and serves it.
 */
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { earlyWorker } from './early-worker-plugin.ts';
import { pageData } from './page-data-plugin.ts';
import { precompress } from './precompress-plugin.ts';
import { serviceWorker } from './sw-plugin.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  logLevel: 'warn',
  plugins: [react(), pageData(), earlyWorker(), serviceWorker(), precompress()],
  define: { __CODE_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: new URL('../dist/web', import.meta.url).pathname,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
  },
  worker: { format: 'es' },
  server: { fs: { allow: ['..'] } },
});
