import { ApiError, retryDelayMs } from '../../../lib/api';

/**
 * The admin console's calls to `/api/admin/...`. Reads are retried like the ASN page's
 * (429, 502–504, network); changes are sent once, because a gateway time-out (504) may
 * come after the change was made: the admin sees the message and decides, with the form
 * still filled in. A read can be conditional (`If-None-Match`), answering `undefined` on 304.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const RETRYABLE = new Set([429, 502, 503, 504]);
const READ_ATTEMPTS = 4;

const NETWORK_MESSAGE = 'Tidak ada jawaban dari server. Periksa jaringan Anda, lalu coba lagi.';
const UNSURE_MESSAGE =
  'Jawaban server tidak sampai, jadi belum pasti perubahan ini tersimpan. Muat ulang data untuk memeriksanya sebelum mencoba lagi.';

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiError(res.status, body.error.code ?? 'TIDAK_DIKENAL', body.error.message);
  } catch {
    // a gateway answer that is not ours: the generic message below
  }
  const what =
    res.status === 404
      ? 'Alamat API tidak ditemukan (404).'
      : res.status === 413
        ? 'Berkas terlalu besar untuk dikirim (413).'
        : `Terjadi gangguan pada server (${res.status}).`;
  return new ApiError(res.status, 'TIDAK_DIKENAL', `${what} Coba lagi sebentar lagi.`);
}

interface Answer<T> {
  body: T | undefined;
  etag: string | null;
}

async function call<T>(token: string, method: Method, path: string, body?: unknown, etag?: string): Promise<Answer<T>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-None-Match'] = etag;
  const read = method === 'GET';
  for (let attempt = 1; ; attempt++) {
    let retryAfter: string | null = null;
    const controller = new AbortController();
    // Imports of thousands of rows take a while; API Gateway gives up at 30 s anyway.
    const timer = setTimeout(() => controller.abort(), read ? 15_000 : 35_000);
    try {
      const res = await fetch(`/api/admin${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        cache: 'no-store',
      });
      if (res.status === 304) return { body: undefined, etag: etag ?? null };
      if (res.ok) return { body: (await res.json()) as T, etag: res.headers.get('ETag') };
      if (!read || !RETRYABLE.has(res.status) || attempt >= READ_ATTEMPTS) throw await errorOf(res);
      retryAfter = res.headers.get('Retry-After');
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (!read) throw new ApiError(0, 'JARINGAN', UNSURE_MESSAGE);
      if (attempt >= READ_ATTEMPTS) throw new ApiError(0, 'JARINGAN', NETWORK_MESSAGE);
    } finally {
      clearTimeout(timer);
    }
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt, retryAfter)));
  }
}

export async function get<T>(token: string, path: string): Promise<T> {
  return (await call<T>(token, 'GET', path)).body as T;
}

/** A read that answers `{ body: undefined }` when it has not changed since `etag`. */
export function getIfChanged<T>(token: string, path: string, etag: string | undefined): Promise<Answer<T>> {
  return call<T>(token, 'GET', path, undefined, etag);
}

export async function change<T>(token: string, method: Exclude<Method, 'GET'>, path: string, body?: unknown): Promise<T> {
  return (await call<T>(token, method, path, body)).body as T;
}

/** A query string from the set values only: `?opd=setda&q=ani`. */
export function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const enc = encodeURIComponent;
