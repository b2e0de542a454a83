import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCompressible, negotiate, precompressDir } from '../../functions/local/compression';
import { startServer } from '../../functions/local/server';
import { WEB_DIST_DIR } from '../../infra/paths';

/** A GET with exactly the headers given (fetch would add its own Accept-Encoding and decode the body). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local server compresses the site as CloudFront does', () => {
  let web: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  // Text that compresses, well over CloudFront's 1,000-byte floor.
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ nip: "1985030${i}", nama: "ASN ${i}" }`).join(', ')}];\n`;
  const style = `.card { padding: 1rem; }\n`.repeat(100);

  beforeAll(async () => {
    // Prepare: a site folder like web/dist, one asset precompressed by the build step, one not.
    web = mkdtempSync(join(tmpdir(), 'apel-compress-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Apel</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(web, 'assets', 'app.js'), script);
    writeFileSync(join(web, 'assets', 'app.css'), style);
    writeFileSync(join(web, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
    server = await startServer({ port: 0, webDir: web, routes: {} as never });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('sends brotli when the browser accepts it, gzip otherwise, and the same bytes once decoded', async () => {
    const br = await get(`${server.url}/assets/app.js`, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(`${server.url}/assets/app.js`, { 'accept-encoding': 'gzip, deflate' });

    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    for (const res of [br, gz]) {
      expect(res.status).toBe(200);
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(Number(res.headers['content-length'])).toBe(res.body.byteLength);
      expect(res.body.byteLength).toBeLessThan(script.length / 3);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      // Still the site's headers: compression changes nothing else.
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('sends the file as it is to a client that accepts no compression, or refuses both with q=0', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br;q=0' }] as Record<string, string>[]) {
      const res = await get(`${server.url}/assets/app.js`, headers);

      expect(res.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.body.toString()).toBe(script);
    }
  });

  it('leaves small files and images alone, as CloudFront does below 1,000 bytes and for binary types', async () => {
    const html = await get(`${server.url}/`, { 'accept-encoding': 'gzip, br' });
    const png = await get(`${server.url}/assets/logo.png`, { 'accept-encoding': 'gzip, br' });

    expect(html.headers['content-encoding']).toBeUndefined();
    expect(html.body.toString()).toContain('<title>Apel</title>');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.byteLength).toBe(4096);
  });

  it("serves the build's precompressed copies, and never under their own name", async () => {
    // Prepare: the build step writes .br/.gz beside the CSS; mark the copy so it is recognisable.
    precompressDir(web);
    const css = join(web, 'assets', 'app.css');
    expect(readdirSync(join(web, 'assets')).sort()).toEqual(['app.css', 'app.css.br', 'app.css.gz', 'app.js', 'app.js.br', 'app.js.gz', 'logo.png']);
    const marked = '/* from the build */\n' + style;
    writeFileSync(`${css}.gz`, gzipSync(marked));

    // Act
    const res = await get(`${server.url}/assets/app.css`, { 'accept-encoding': 'gzip' });
    const direct = await get(`${server.url}/assets/app.css.gz`, { 'accept-encoding': 'gzip' });

    // Assert: the copy is what went out; asking for the copy itself gets the page, as S3 (which never gets the copies) would.
    expect(gunzipSync(res.body).toString()).toBe(marked);
    expect(direct.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('compresses a file again after it changed, not an old copy', async () => {
    const file = join(web, 'assets', 'app.js');
    const before = await get(`${server.url}/assets/app.js`, { 'accept-encoding': 'br' });
    const changed = script.replace('ASN 0', 'ASN nol');
    writeFileSync(file, changed);
    const later = new Date(statSync(`${file}.br`).mtimeMs + 5000);
    utimesSync(file, later, later);

    const after = await get(`${server.url}/assets/app.js`, { 'accept-encoding': 'br' });

    expect(brotliDecompressSync(before.body).toString()).toBe(script);
    expect(brotliDecompressSync(after.body).toString()).toBe(changed);
  });
});

describe('compression rules', () => {
  it('prefers brotli, honours q-values and the wildcard', () => {
    expect(negotiate('gzip, deflate, br')).toBe('br');
    expect(negotiate('br;q=0, gzip')).toBe('gzip');
    expect(negotiate('*')).toBe('br');
    expect(negotiate('*;q=0')).toBeUndefined();
    expect(negotiate('deflate')).toBeUndefined();
    expect(negotiate(undefined)).toBeUndefined();
  });

  it('compresses text from 1,000 bytes on, nothing binary', () => {
    expect(isCompressible('a.js', 1000)).toBe(true);
    expect(isCompressible('a.js', 999)).toBe(false);
    expect(isCompressible('a.css', 5000)).toBe(true);
    expect(isCompressible('a.png', 5000)).toBe(false);
  });

  it.runIf(statSync(WEB_DIST_DIR, { throwIfNoEntry: false }))('has the build write .br and .gz beside every compressible asset of web/dist', () => {
    const assets = readdirSync(join(WEB_DIST_DIR, 'assets'));
    const originals = assets.filter((f) => !/\.(br|gz)$/.test(f) && isCompressible(f, statSync(join(WEB_DIST_DIR, 'assets', f)).size));

    expect(originals.length).toBeGreaterThan(0);
    for (const f of originals) expect(assets, f).toEqual(expect.arrayContaining([`${f}.br`, `${f}.gz`]));
  });
});
