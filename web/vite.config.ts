import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { precompressDir } from '../functions/local/compression.js';
import { pwa } from './vite-pwa';

function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'apel-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    closeBundle: () => void precompressDir(outDir),
  };
}

/** The ASN's site. Build: `vite build --config web/vite.config.ts` → web/dist. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // .br and .gz beside each asset, so the local server sends what CloudFront would without compressing per request
  // (in the folder built, so that a build with --outDir, e.g. a variant for `npm run bench:phone`, has them too).
  plugins: [preact(), pwa(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cheap Android phones may run an old Chrome or WebView.
    target: ['es2019', 'chrome70', 'safari13'],
    // Every browser a phone runs (Chrome 66+, Safari 17+) knows <link rel=modulepreload>; where one
    // does not, the chunk is still fetched when imported. The polyfill cost ~0.4 kB of the check-in page.
    modulePreload: { polyfill: false },
  },
  server: {
    // The local runtime (`npm start`) serves the API on port 3000.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
