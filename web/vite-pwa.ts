import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/**
 * The installable page (issue 15), added to the build by web/vite.config.ts: the web app manifest
 * (Indonesian name, standalone, icons), the icons (PNG, drawn here: no image files in the repo),
 * and the service worker web/src/sw.ts bundled by esbuild into /sw.js with the list of files
 * that make the check-in page's shell. A small hand-written worker rather than vite-plugin-pwa
 * (Workbox): it keeps a handful of files, never an API answer, and others add listeners to it.
 */

const THEME = '#0b3d6e';

export const MANIFEST = {
  name: 'Apel WFA — presensi apel virtual ASN',
  short_name: 'Apel WFA',
  description: 'Presensi apel pagi dan sore ASN pada hari Work From Anywhere.',
  lang: 'id',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  background_color: '#ffffff',
  theme_color: THEME,
  icons: [
    { src: '/ikon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/ikon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/ikon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** A PNG of `size` px: a white check mark on the theme's blue (`inset`: the safe zone of a maskable icon). */
export function iconPng(size: number, inset = 0): Buffer {
  const [r, g, b] = [0x0b, 0x3d, 0x6e];
  const s = (v: number) => v * size;
  const pad = s(inset);
  const a = { x: pad + s(0.27) * (1 - 2 * inset), y: pad + s(0.52) * (1 - 2 * inset) };
  const m = { x: pad + s(0.43) * (1 - 2 * inset), y: pad + s(0.68) * (1 - 2 * inset) };
  const z = { x: pad + s(0.74) * (1 - 2 * inset), y: pad + s(0.34) * (1 - 2 * inset) };
  const width = s(0.085) * (1 - 2 * inset);
  const dist = (px: number, py: number, p: { x: number; y: number }, q: { x: number; y: number }) => {
    const t = Math.max(0, Math.min(1, ((px - p.x) * (q.x - p.x) + (py - p.y) * (q.y - p.y)) / ((q.x - p.x) ** 2 + (q.y - p.y) ** 2)));
    return Math.hypot(px - (p.x + t * (q.x - p.x)), py - (p.y + t * (q.y - p.y)));
  };
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const on = Math.min(dist(x, y, a, m), dist(x, y, m, z)) < width;
      raw.set(on ? [255, 255, 255] : [r, g, b], y * (size * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

export function pwa(): Plugin {
  return {
    name: 'apel-pwa',
    apply: 'build',
    // The proof-of-presence chunk signs the tap: fetched beside the entry script rather than after it ran (issue 13's
    // phone), and run as a module script of its own just before it, so that the phone's key comes out of IndexedDB
    // while the page starts rather than after its first renders (the page's own import of it gets the same module).
    // It imports nothing (test/web/bundle.test.ts), so it runs without the entry; a failure to load it leaves the page
    // running unsigned, as before.
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const presence = Object.values(ctx.bundle ?? {}).find((item) => item.type === 'chunk' && item.name === 'presence');
        const entry = /<script type="module" crossorigin src="\/assets\/index-[^"]+"><\/script>/.exec(html);
        if (presence && !entry) throw new Error('index.html: the entry script was not found to put the proof-of-presence chunk before it');
        const withPresence = presence && entry ? html.replace(entry[0], `<script type="module" crossorigin src="/${presence.fileName}"></script>\n    ${entry[0]}`) : html;
        // Comments are for readers of web/index.html, not bytes every phone downloads.
        return withPresence.replace(/\s*<!--[\s\S]*?-->/g, '');
      },
    },
    async generateBundle(_options, bundle) {
      const icons = { 'ikon-192.png': iconPng(192), 'ikon-512.png': iconPng(512), 'ikon-maskable-512.png': iconPng(512, 0.1) };
      for (const [fileName, source] of Object.entries(icons)) this.emitFile({ type: 'asset', fileName, source });
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: JSON.stringify(MANIFEST, null, 2) });

      // The shell: index.html, the entry's script and stylesheets, and the proof-of-presence chunk (needed to tap offline).
      const shell = new Set(['/index.html', '/manifest.webmanifest', '/ikon-192.png']);
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        if (item.isEntry || item.name === 'presence') {
          shell.add(`/${item.fileName}`);
          for (const css of (item as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []) shell.add(`/${css}`);
        }
      }
      const list = [...shell].sort();
      const version = createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 12);
      const out = await build({
        entryPoints: [fileURLToPath(new URL('src/sw.ts', import.meta.url))],
        bundle: true,
        minify: true,
        format: 'iife',
        target: ['es2019', 'chrome70'],
        write: false,
        define: { SHELL: JSON.stringify(list), VERSION: JSON.stringify(version) },
      });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: out.outputFiles[0]!.text });
    },
  };
}
