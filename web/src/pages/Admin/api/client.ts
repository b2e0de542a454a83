import type { RetryOptions } from '../../../lib/api';
import { send } from '../../../lib/api';

/**
 * The admin console's calls to `/api/admin/...`, through the one transport (lib/api.ts).
 * Reads are retried like the ASN page's (429, 502–504, network); changes are sent once,
 * because a gateway time-out (504) may come after the change was made: the admin sees the
 * message and decides, with the form still filled in. A read can be conditional
 * (`If-None-Match`), answering `undefined` on 304.
 */

// Imports of thousands of rows take a while; API Gateway gives up at 30 s anyway.
const READ: RetryOptions = { attempts: 4, timeoutMs: 15_000, lost: 'Tidak ada jawaban dari server. Periksa jaringan Anda, lalu coba lagi.' };
const CHANGE: RetryOptions = {
  attempts: 1,
  timeoutMs: 35_000,
  lost: 'Jawaban server tidak sampai, jadi belum pasti perubahan ini tersimpan. Muat ulang data untuk memeriksanya sebelum mencoba lagi.',
};

const json = <T>(res: Response) => res.json() as Promise<T>;

export async function get<T>(token: string, path: string): Promise<T> {
  return (await send('GET', `/admin${path}`, token, undefined, json<T>, READ)).body;
}

/** A read that answers `{ body: undefined }` when it has not changed since `etag`. */
export async function getIfChanged<T>(token: string, path: string, etag: string | undefined): Promise<{ body: T | undefined; etag: string | null }> {
  const read = async (res: Response) =>
    res.status === 304 ? { body: undefined, etag: etag ?? null } : { body: await json<T>(res), etag: res.headers.get('ETag') };
  return (await send('GET', `/admin${path}`, token, undefined, read, { ...READ, ...(etag ? { headers: { 'If-None-Match': etag } } : {}) })).body;
}

export async function change<T>(token: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return (await send(method, `/admin${path}`, token, body, json<T>, CHANGE)).body;
}

export const enc = encodeURIComponent;
