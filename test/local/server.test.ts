import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../functions/http/response';
import { startServer } from '../../functions/local/server';

let server: { url: string; close: () => Promise<void> };
let seen: { routeKey: string; body?: string; authorization?: string; pathParameters?: unknown } | undefined;

beforeAll(async () => {
  const web = mkdtempSync(join(tmpdir(), 'web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Apel WFA</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  server = await startServer({
    port: 0,
    webDir: web,
    routes: {
      checkin: async () => async (event) => {
        seen = { routeKey: event.routeKey, body: event.body, authorization: event.headers.authorization };
        return json(201, { ok: true });
      },
      opd: async () => async (event) => {
        seen = { routeKey: event.routeKey, pathParameters: event.pathParameters };
        return json(200, { ok: true });
      },
    },
  });
});
afterAll(() => server.close());

/** A raw request, so paths like /../ reach the server unnormalised. */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'GET', path }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local server', () => {
  it('hands /api/* to the handler as an API Gateway v2 event', async () => {
    const res = await fetch(`${server.url}/api/checkins`, {
      method: 'POST',
      headers: { Authorization: 'Bearer abc', 'content-type': 'application/json' },
      body: '{"sesiId":"2026-11-30.pagi"}',
    });
    expect(res.status).toBe(201);
    expect(seen).toEqual({ routeKey: 'POST /api/checkins', body: '{"sesiId":"2026-11-30.pagi"}', authorization: 'Bearer abc' });
  });

  it('matches route templates as API Gateway does and passes the path parameters, decoded', async () => {
    const res = await fetch(`${server.url}/api/opd/dinas%20x/izin/abc`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(seen).toEqual({ routeKey: 'DELETE /api/opd/{opd}/izin/{izinId}', pathParameters: { opd: 'dinas x', izinId: 'abc' } });
    expect((await fetch(`${server.url}/api/opd//izin/abc`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(`${server.url}/api/opd/x/izin`, { method: 'PATCH' })).status).toBe(404);
  });

  it('answers an unknown API route with a 404 shaped like API Gateway\'s', async () => {
    const res = await fetch(`${server.url}/api/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Not Found' });
  });

  it('serves the built site, and never a file outside it', async () => {
    expect((await get('/assets/app.js')).type).toMatch(/javascript/);
    const escape = await get('/../../../../etc/passwd');
    expect(escape.body).toContain('<title>Apel WFA</title>');
    expect(escape.body).not.toContain('root:');
  });

  it('answers a malformed address with 400, not 500', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });
});
