/**
 * The HTTP API (docs/api.md): types of its answers and a fetch that retries what is safe to
 * retry. Every call carries the link's token; errors carry the server's Indonesian message.
 */

export type SesiState = 'terjadwal' | 'dibuka' | 'ditutup';
export type SesiStatus = 'hadir' | 'terlambat' | 'tidak_hadir' | 'belum';

export interface SesiView {
  id: string;
  date: string;
  slot: 'pagi' | 'sore' | 'demo';
  label: string;
  opensAt: string;
  onTimeUntil: string;
  closesAt: string;
  state: SesiState;
  demo: boolean;
  status: SesiStatus;
  checkedInAt: string | null;
  /** The work plan (pagi) or output (sore) sent with this ASN's check-in. */
  laporan?: string | null;
  seragamDikonfirmasi?: boolean | null;
}

/** Whether the check-in of a slot asks for today's work plan (pagi) or output (sore). */
export type LaporanRule = 'wajib' | 'opsional' | 'tidak';

/** A readiness check (cek kesiapan) of the ASN's OPD that is running or just ended. */
export interface KesiapanView {
  id: string;
  pesan: string;
  mulai: string;
  batas: string;
  dijawabPada: string | null;
}

export interface Me {
  now: string;
  regency: string;
  timeZone: string;
  zoneLabel: string;
  asn: { nip: string; nama: string; jabatan: string; status: string; role: string };
  opd: { kode: string; nama: string; wfa: boolean };
  today: SesiView[];
  week: SesiView[];
  /** Today's uniform, e.g. `PDH khaki`, or null. */
  seragam?: string | null;
  laporan?: { pagi: LaporanRule; sore: LaporanRule };
  /** The meeting link of each apel (the OPD's own, else the regency's). */
  tautanApel?: { pagi: string | null; sore: string | null };
  kesiapan?: KesiapanView | null;
}

export type PlannedSesi = Pick<SesiView, 'id' | 'date' | 'slot' | 'label' | 'opensAt' | 'onTimeUntil' | 'closesAt'>;

export interface Libur {
  date: string;
  jenis: 'libur_nasional' | 'cuti_bersama' | string;
  keterangan: string;
}

export interface Schedule {
  now: string;
  timeZone: string;
  zoneLabel: string;
  sesi: PlannedSesi[];
  libur: Libur[];
}

export interface Checkin {
  sesiId: string;
  nip: string;
  status: 'hadir' | 'terlambat';
  at: string;
  laporan?: string | null;
}

export interface CheckinResult {
  checkin: Checkin;
  repeat: boolean;
}

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

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiError(res.status, body.error.code ?? 'TIDAK_DIKENAL', body.error.message);
  } catch {
    // not JSON (a gateway page): fall through to the generic message
  }
  return new ApiError(res.status, 'TIDAK_DIKENAL', `Terjadi gangguan pada server (${res.status}). Coba lagi sebentar lagi.`);
}

export interface Timed<T> {
  body: T;
  /** Client clock when the answering attempt was sent and when its answer arrived. */
  sentAt: number;
  receivedAt: number;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A call to the API, retried while that is safe. `read` turns a successful answer (2xx, or
 * 304 to a conditional request) into the result; a body that cannot be read counts as a
 * network failure and is retried like one. Any other answer throws its `ApiError`.
 */
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
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        cache: 'no-store',
      });
      if (res.ok || res.status === 304) return { body: await read(res), sentAt, receivedAt: Date.now() };
      if (!RETRYABLE.has(res.status) || attempt >= attempts) throw await errorFrom(res);
      retryAfter = res.headers.get('Retry-After');
    } catch (error) {
      if (error instanceof ApiError) throw error;
      // A network failure, a timeout (abort) or an unreadable body: try again while we may.
      if (attempt >= attempts) throw new ApiError(0, 'JARINGAN', NETWORK_MESSAGE);
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

/** `/api/me`, with the offset of the server's clock from this phone's (ms, server minus client). */
export async function getMe(token: string, onRetry?: (attempt: number) => void): Promise<{ me: Me; clockOffset: number }> {
  const { body, sentAt, receivedAt } = await request<Me>('GET', '/me', token, undefined, { onRetry });
  return { me: body, clockOffset: Date.parse(body.now) - (sentAt + receivedAt) / 2 };
}

export async function getSchedule(token: string): Promise<Schedule> {
  return (await request<Schedule>('GET', '/schedule', token)).body;
}

/** What the ASN sends with a check-in besides the sesi (docs/api.md, "ASN additions"). */
export interface CheckinExtras {
  laporan?: string;
  seragam?: boolean;
}

/** Safe to retry: the server returns the first result for a repeated check-in. */
export async function postCheckin(
  token: string,
  sesiId: string,
  extras: CheckinExtras = {},
  onRetry?: (attempt: number) => void,
): Promise<CheckinResult> {
  return (await request<CheckinResult>('POST', '/checkins', token, { sesiId, ...extras }, { onRetry })).body;
}

/** "Saya siap" to a readiness check; safe to retry (a repeat answers with the first time). */
export async function answerKesiapan(token: string, cekId: string): Promise<{ dijawabPada: string }> {
  return (await request<{ dijawabPada: string }>('POST', `/kesiapan/${encodeURIComponent(cekId)}`, token)).body;
}
