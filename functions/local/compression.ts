import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Compression of the site as CloudFront does it, for the local server (and so for every
 * local test of the phone experience): brotli or gzip, as the browser's
 * `Accept-Encoding` allows (brotli preferred), for text types from 1,000 bytes on
 * (CloudFront compresses nothing smaller), with `Vary: Accept-Encoding`. The build writes
 * `.br` and `.gz` beside each such file (web/vite.config.ts calls `precompressDir`) at the
 * highest levels, so nothing is compressed per request; a file without them (a test's
 * own web folder) is compressed once and kept in memory. The `.br`/`.gz` files are not
 * uploaded to S3 (infra/constructs/web-site.ts): CloudFront compresses by itself.
 */

export type Encoding = 'br' | 'gzip';

/** CloudFront's lower bound: smaller objects are sent as they are. */
export const MIN_COMPRESS_BYTES = 1000;

/** File types CloudFront compresses, of those the site has. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt', '.map']);

/** The suffix of the precompressed file beside the original. */
export const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

export function isCompressible(file: string, bytes: number): boolean {
  return bytes >= MIN_COMPRESS_BYTES && COMPRESSIBLE.has(extname(file));
}

/** The build's precompressed copies, as globs (left out of the S3 upload). */
export const PRECOMPRESSED_GLOBS = Object.values(SUFFIX).map((suffix) => `**/*${suffix}`);

/** True for the build's precompressed copies, which are never served under their own name. */
export function isPrecompressed(file: string): boolean {
  return file.endsWith(SUFFIX.br) || file.endsWith(SUFFIX.gzip);
}

/** The encoding to answer `Accept-Encoding` with: brotli if accepted, else gzip, else none (q=0 refuses). */
export function negotiate(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return undefined;
}

export function compress(data: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength },
      })
    : gzipSync(data, { level: 9 });
}

/** Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir` (the build output). */
export function precompressDir(dir: string): { files: number } {
  let files = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (!isPrecompressed(path) && isCompressible(path, stat.size)) {
        const data = readFileSync(path);
        for (const encoding of ['br', 'gzip'] as const) writeFileSync(path + SUFFIX[encoding], compress(data, encoding));
        files++;
      }
    }
  };
  walk(dir);
  return { files };
}

const inMemory = new Map<string, Buffer>();

/**
 * The body of `file` in `encoding`: the build's precompressed copy when it is there and
 * not older than the file, else compressed now and kept (keyed by size and time, so a
 * rebuilt file is compressed again).
 */
export function compressedBody(file: string, encoding: Encoding): Buffer {
  const source = statSync(file);
  const copy = file + SUFFIX[encoding];
  if (existsSync(copy) && statSync(copy).mtimeMs >= source.mtimeMs) return readFileSync(copy);
  const key = `${encoding}|${file}|${source.size}|${source.mtimeMs}`;
  let body = inMemory.get(key);
  if (!body) {
    body = compress(readFileSync(file), encoding);
    inMemory.set(key, body);
  }
  return body;
}
