/**
 * The one transport to the HTTP API (docs/api.md, shapes in contract/): a fetch with the
 * link's token that retries what is safe to retry, and whose errors carry the server's
 * Indonesian message. Every page's API module calls `send` or `request`; `getMe` is here
 * because every page asks it first.
 */
import type { ResponseOf } from '../../../contract';
import { acceptToken } from './token';

/** A refusal or failure, with a message that can be shown to the ASN as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Each attempt is aborted after this long. */
  timeoutMs?: number;
  /** Called before waiting for attempt `n` (2, 3, …). */
  onRetry?: (attempt: number) => void;
  /** Extra request headers, e.g. `If-None-Match`. */
  headers?: Record<string, string>;
  /** The message when no answer arrived at all (network, time-out), once attempts are used up. */
  lost?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Statuses after which nothing was recorded or the gateway gave up: safe to try again. */
const RETRYABLE = new Set([429, 502, 503, 504]);

/**
 * How long to wait before attempt `attempt + 1`: at least `Retry-After` seconds when the server
 * sent it, else an exponential backoff (1, 2, 4, 8 s); plus jitter so that thousands of phones
 * that failed together do not all come back in the same second.
 */
export function retryDelayMs(attempt: number, retryAfter: string | null, random: () => number = Math.random): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter.trim());
  const base = Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 30) * 1000 : Math.min(1000 * 2 ** (attempt - 1), 8000);
  return Math.round(base + random() * Math.max(500, base / 2));
}

const NETWORK_MESSAGE =
  'Belum ada jawaban dari server. Periksa jaringan Anda, lalu coba lagi; kehadiran tidak akan tercatat dua kali.';

/** The server's `{error: {code, message}}`; a gateway's own answer (not JSON) says what it was. */
async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiError(res.status, body.error.code ?? 'TIDAK_DIKENAL', body.error.message);
  } catch {
    // not JSON (a gateway page): fall through to the generic message
  }
  const what =
    res.status === 404
      ? 'Alamat API tidak ditemukan (404).'
      : res.status === 413
        ? 'Berkas terlalu besar untuk dikirim (413).'
        : `Terjadi gangguan pada server (${res.status}).`;
  return new ApiError(res.status, 'TIDAK_DIKENAL', `${what} Coba lagi sebentar lagi.`);
}

export interface Timed<T> {
  body: T;
  /** Client clock when the answering attempt was sent and when its answer arrived. */
  sentAt: number;
  receivedAt: number;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A call to the API, retried while that is safe. `read` turns a successful answer (2xx, or
 * 304 to a conditional request) into the result; a body that cannot be read counts as a
 * network failure and is retried like one. Any other answer throws its `ApiError`. A call
 * that must not be repeated (it would change something twice) passes `attempts: 1`.
 */
/** How long the page's last answered request took, as this phone measured it (ms); sent with a check-in. */
export let lastRequestMs: number | undefined;

/** `body` may depend on the attempt (1, 2, …): a check-in says how many retries it needed. */
export async function send<T>(
  method: Method,
  path: string,
  token: string,
  body: unknown,
  read: (res: Response) => Promise<T>,
  options: RetryOptions = {},
): Promise<Timed<T>> {
  const {
    attempts = 5,
    timeoutMs = 10_000,
    onRetry,
    fetch: doFetch = fetch,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
  } = options;
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  for (let attempt = 1; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const sentAt = Date.now();
    let retryAfter: string | null = null;
    try {
      const res = await doFetch(`/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(typeof body === 'function' ? body(attempt) : body),
        signal: controller.signal,
        cache: 'no-store',
      });
      if (res.ok || res.status === 304) {
        const receivedAt = Date.now();
        lastRequestMs = receivedAt - sentAt;
        return { body: await read(res), sentAt, receivedAt };
      }
      if (!RETRYABLE.has(res.status) || attempt >= attempts) throw await errorFrom(res);
      retryAfter = res.headers.get('Retry-After');
    } catch (error) {
      if (error instanceof ApiError) throw error;
      // A network failure, a timeout (abort) or an unreadable body: try again while we may.
      if (attempt >= attempts) throw new ApiError(0, 'JARINGAN', options.lost ?? NETWORK_MESSAGE);
    } finally {
      clearTimeout(timer);
    }
    onRetry?.(attempt + 1);
    await sleep(retryDelayMs(attempt, retryAfter, random));
  }
}

/** A JSON call: see `send`. */
export function request<T>(method: Method, path: string, token: string, body?: unknown, options?: RetryOptions): Promise<Timed<T>> {
  return send(method, path, token, body, (res) => res.json() as Promise<T>, options);
}

/** GET /api/me as web/index.html's first script sent it, before this code had downloaded; `answer` is undefined unless it was a 2xx. */
interface EarlyMe {
  token: string;
  answer: Promise<{ body: ResponseOf<'GET /api/me'>; sentAt: number; perfSent: number; receivedAt: number; perfReceived: number } | undefined>;
}

/** The early GET /api/me's answer for `token`, taken once (a later load asks afresh); undefined if there was none, it failed, or it took over 10 s. */
async function earlyMe(token: string) {
  const w = window as unknown as { apelMe?: EarlyMe };
  const early = w.apelMe;
  if (early?.token !== token) return undefined;
  w.apelMe = undefined;
  return Promise.race([early.answer, new Promise<undefined>((resolve) => setTimeout(resolve, 10_000))]);
}

/** `/api/me`, with the offset of the server's clock from this phone's (ms, server minus client). */
export async function getMe(
  token: string,
  onRetry?: (attempt: number) => void,
): Promise<{ me: ResponseOf<'GET /api/me'>; clockOffset: number; ticketPerf: number }> {
  // ticketPerf: the monotonic clock (performance.now()) when the server made the answer's ticket, as near as the phone can tell.
  const early = await earlyMe(token);
  const { body, sentAt, receivedAt, ticketPerf } = early
    ? ((lastRequestMs = early.receivedAt - early.sentAt), { ...early, ticketPerf: (early.perfSent + early.perfReceived) / 2 })
    : await request<ResponseOf<'GET /api/me'>>('GET', '/me', token, undefined, { onRetry }).then((r) => ({ ...r, ticketPerf: performance.now() - (r.receivedAt - r.sentAt) / 2 }));
  // Every page asks this first: the server accepted the link, so it may replace the one kept (lib/token.ts).
  acceptToken(token);
  return { me: body, clockOffset: Date.parse(body.now) - (sentAt + receivedAt) / 2, ticketPerf };
}
