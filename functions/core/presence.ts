import type { KeyObject } from 'node:crypto';
import { createHash, createHmac, createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import { Conflict, Forbidden, InvalidInput } from './errors';
import type { OpenSesi } from './checkin';
import { decideCheckin } from './checkin';
import type { CheckinStatus } from './checkin';

/**
 * Proof of presence (bukti kehadiran): a check-in proves that the owner's own phone tapped.
 *
 * - The **window ticket** (tiket): the server's word on who (NIP), which apel (sesi id, or
 *   none outside an apel) and when (server time), with an expiry, signed by a server secret
 *   (HMAC-SHA256). Stateless: nothing is stored, so it costs no DynamoDB request. It comes
 *   with GET /api/me and is also the challenge the phone signs.
 * - The **device key** (kunci perangkat): an ECDSA P-256 key pair the page makes with WebCrypto,
 *   non-extractable, kept in IndexedDB. The public key travels as a JWK (`{kty: 'EC', crv: 'P-256', x, y}`,
 *   what `crypto.subtle.exportKey('jwk')` gives) and is named by its RFC 7638 thumbprint
 *   (`kid`). A signature is WebCrypto's: raw r‖s (64 bytes), base64url.
 * - The **tap time** (waktu ketuk): the ticket's time plus the phone's monotonic time elapsed since it
 *   (`performance.now()`, never the phone's wall clock), capped at the arrival.
 */

// --- Window ticket -------------------------------------------------------------------------

export interface Ticket {
  /** NIP of the link it was given to. */
  nip: string;
  /** The apel it is for; null outside an apel (readiness answers). */
  sesiId: string | null;
  /** Server time it was made (ms since epoch). */
  at: number;
  /** After this instant (ms) a tap made on it no longer counts. */
  exp: number;
}

const TICKET_PREFIX = 't1';
const TICKET_FORM = /^t1\.([A-Za-z0-9_-]{16,400})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${TICKET_PREFIX}.${payload}`).digest();
}

/** `t1.<payload>.<mac>`, both base64url; the payload is `[nip, sesiId, at, exp]` as JSON. */
export function signTicket(secret: string, ticket: Ticket): string {
  const payload = Buffer.from(JSON.stringify([ticket.nip, ticket.sesiId, ticket.at, ticket.exp])).toString('base64url');
  return `${TICKET_PREFIX}.${payload}.${mac(secret, payload).toString('base64url')}`;
}

const malformedTicket = () => new InvalidInput('TIKET_TIDAK_VALID', 'Tiket kehadiran tidak berbentuk benar. Muat ulang halaman, lalu coba lagi.');

/**
 * The ticket, if one of `secrets` (the current one and those still accepted after a
 * rotation) made it. Malformed: 400; well-formed but not ours (tampered, or from
 * before a rotation): 403.
 */
export function readTicket(token: unknown, secrets: readonly string[]): Ticket {
  if (typeof token !== 'string') throw malformedTicket();
  const m = TICKET_FORM.exec(token);
  if (!m) throw malformedTicket();
  const [, payload, signature] = m as unknown as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  if (!secrets.some((s) => timingSafeEqual(mac(s, payload), given))) {
    throw new Forbidden('TIKET_TIDAK_SAH', 'Tiket kehadiran ini tidak dibuat oleh server ini atau sudah diubah. Muat ulang halaman, lalu coba lagi.');
  }
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw malformedTicket();
  }
  if (!Array.isArray(fields) || fields.length !== 4) throw malformedTicket();
  const [nip, sesiId, at, exp] = fields as unknown[];
  if (typeof nip !== 'string' || (sesiId !== null && typeof sesiId !== 'string') || !Number.isSafeInteger(at) || !Number.isSafeInteger(exp)) {
    throw malformedTicket();
  }
  return { nip, sesiId, at: at as number, exp: exp as number };
}

/** A ticket for `nip` given to another link (a forwarded queue, a copied request): 403. */
export function requireOwnTicket(ticket: Ticket, nip: string, sesiId: string | null): void {
  if (ticket.nip !== nip) throw new Forbidden('TIKET_ORANG_LAIN', 'Tiket kehadiran ini milik ASN lain. Buka tautan pribadi Anda sendiri.');
  if (ticket.sesiId !== sesiId) {
    throw new Forbidden('TIKET_SESI_LAIN', 'Tiket kehadiran ini untuk apel lain. Muat ulang halaman, lalu coba lagi.');
  }
}

// --- Device key ----------------------------------------------------------------------------

export interface DeviceKey {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

const COORDINATE = /^[A-Za-z0-9_-]{43}$/;
const badKey = () => new InvalidInput('KUNCI_TIDAK_VALID', 'Kunci perangkat tidak berbentuk benar (harus kunci publik ECDSA P-256). Muat ulang halaman.');

/** Kept per kid: importing a key costs more than verifying with it. */
const imported = new Map<string, KeyObject>();

/** The public key as the page sends it, checked to be a point of P-256; else 400. */
export function parseDeviceKey(raw: unknown): DeviceKey {
  if (!raw || typeof raw !== 'object') throw badKey();
  const { kty, crv, x, y } = raw as Record<string, unknown>;
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string' || !COORDINATE.test(x) || !COORDINATE.test(y)) throw badKey();
  const key: DeviceKey = { kty, crv, x, y };
  try {
    keyObject(key);
  } catch {
    throw badKey();
  }
  return key;
}

/** RFC 7638 thumbprint (SHA-256, base64url): the key's name in records and on the page. */
export function keyId(key: DeviceKey): string {
  return createHash('sha256').update(`{"crv":"P-256","kty":"EC","x":"${key.x}","y":"${key.y}"}`).digest('base64url');
}

function keyObject(key: DeviceKey): KeyObject {
  const kid = keyId(key);
  let k = imported.get(kid);
  if (!k) {
    k = createPublicKey({ key: { ...key }, format: 'jwk' });
    if (imported.size > 5000) imported.clear();
    imported.set(kid, k);
  }
  return k;
}

const SIGNATURE_FORM = /^[A-Za-z0-9_-]{86}$/;

/** Malformed signature: 400; a signature that the key did not make over `message`: 403. */
export function verifyDeviceSignature(key: DeviceKey, message: string, signature: unknown): void {
  if (typeof signature !== 'string' || !SIGNATURE_FORM.test(signature)) {
    throw new InvalidInput('TANDA_TANGAN_TIDAK_VALID', 'Tanda tangan perangkat tidak berbentuk benar. Muat ulang halaman, lalu coba lagi.');
  }
  const ok = verify('sha256', Buffer.from(message, 'utf8'), { key: keyObject(key), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!ok) throw new Forbidden('TANDA_TANGAN_SALAH', 'Tanda tangan perangkat tidak cocok. Muat ulang halaman, lalu coba lagi.');
}

/** What the phone signs for a check-in: the ticket and the elapsed time it claims. */
export function checkinMessage(ticket: string, elapsedMs: number): string {
  return `apel-wfa/hadir/1\n${ticket}\n${elapsedMs}`;
}

/** What the phone signs for "Saya siap" to a readiness check. */
export function readinessMessage(ticket: string, cekId: string): string {
  return `apel-wfa/siap/1\n${ticket}\n${cekId}`;
}

// --- Binding -------------------------------------------------------------------------------

/** The key bound to a link, as the link item keeps it. */
export interface BoundDevice {
  kid: string;
  key: DeviceKey;
  at: string;
}

/** What a request's proof says about the device, against the link's bound one (if any). */
export type DeviceVerdict =
  /** No proof given and none required yet (before `perangkatWajibSejak`, link unbound). */
  | { kind: 'tanpa' }
  /** Signed by the bound key. */
  | { kind: 'terikat'; kid: string }
  /** Signed by a key the link is not bound to yet, which this request binds. */
  | { kind: 'ikat'; kid: string; key: DeviceKey };

export const anotherDevice = () =>
  new Conflict(
    'PERANGKAT_LAIN',
    'Tautan ini sudah terpasang di ponsel lain. Permintaan untuk ponsel ini dikirim ke pimpinan OPD Anda; setelah disetujui, Anda bisa presensi dari sini.',
  );

/**
 * The binding rules. A bound link takes only its own key's signature (another key: 409
 * PERANGKAT_LAIN; none: 403). An unbound link binds to the first key that signs; before
 * `requiredFrom` (a local date) it also takes a request without proof (pages of an older
 * version, phones without WebCrypto), from then on not.
 */
export function judgeDevice(input: {
  bound: BoundDevice | undefined;
  key: DeviceKey | undefined;
  signed: boolean;
  today: string;
  requiredFrom: string | undefined;
}): DeviceVerdict {
  const { bound, key, signed } = input;
  const required = bound !== undefined || (input.requiredFrom !== undefined && input.today >= input.requiredFrom);
  if (!signed) {
    if (!required) return { kind: 'tanpa' };
    throw new Forbidden('BUKTI_DIPERLUKAN', 'Presensi harus ditandatangani oleh ponsel Anda. Muat ulang halaman dengan jaringan menyala, lalu coba lagi.');
  }
  if (bound) {
    if (key && keyId(key) !== bound.kid) throw anotherDevice();
    return { kind: 'terikat', kid: bound.kid };
  }
  if (!key) throw new InvalidInput('KUNCI_TIDAK_ADA', 'Ponsel ini belum terdaftar: kirim kunci perangkat bersama tanda tangan. Muat ulang halaman.');
  return { kind: 'ikat', kid: keyId(key), key };
}

// --- Tap time ------------------------------------------------------------------------------

export interface TapRules {
  /** A tap made longer than this after its ticket does not count (config `tiketBerlakuMenit`). */
  ticketMaxAgeMs: number;
  /** A tap made during the window is accepted until this long after the close (config `luringSampaiMenit`). */
  graceAfterCloseMs: number;
}

/** A tap delivered this long or longer after it was made is marked *luring* (kept on the phone, sent later). */
export const LURING_AFTER_MS = 30_000;

/** The most elapsed time a phone may claim: a day (more is a broken or forged request). */
const MAX_ELAPSED_MS = 86_400_000;

export interface Tap {
  status: CheckinStatus;
  /** When the phone was tapped, by the server's clock (ticket + elapsed, capped at arrival). */
  tapAt: Date;
  /** The ticket's time. */
  ticketAt: Date;
  /** Delivered late enough to call it *luring*. */
  luring: boolean;
}

/** Elapsed milliseconds as the phone sends them: a whole number from 0 to a day, else 400. */
export function parseElapsed(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 0 || raw > MAX_ELAPSED_MS) {
    throw new InvalidInput('WAKTU_KETUK_TIDAK_VALID', 'Waktu ketuk tidak berbentuk benar (milidetik sejak tiket, bilangan bulat). Muat ulang halaman.');
  }
  return raw;
}

/**
 * The tap-time rule. The tap happened at `ticket.at + elapsed`, never later than it arrived.
 * A tap made after the ticket's expiry (or longer than the configured age after it) does not
 * count: 403 TIKET_KEDALUWARSA, and the page fetches a fresh ticket. A tap made while the apel
 * was open counts as *hadir* or *terlambat* by its own time when it arrives up to
 * `graceAfterCloseMs` after the close; later: 409 TERLAMBAT_DIKIRIM. A tap made outside the
 * window is refused as any check-in (decideCheckin).
 */
export function decideTap(input: {
  ticket: Ticket;
  elapsedMs: number;
  arrival: Date;
  sesi: OpenSesi;
  rules: TapRules;
  formatClock: (d: Date) => string;
}): Tap {
  const { ticket, elapsedMs, arrival, sesi, rules, formatClock } = input;
  const tapAt = Math.min(ticket.at + elapsedMs, arrival.getTime());
  if (tapAt > ticket.exp || tapAt - ticket.at > rules.ticketMaxAgeMs) {
    throw new Forbidden(
      'TIKET_KEDALUWARSA',
      `Tiket kehadiran sudah kedaluwarsa (berlaku ${Math.round(rules.ticketMaxAgeMs / 60_000)} menit). Muat ulang halaman dengan jaringan menyala, lalu ketuk lagi.`,
    );
  }
  const closesAt = sesi.closesAt.getTime();
  if (arrival.getTime() >= closesAt + rules.graceAfterCloseMs && tapAt < closesAt) {
    throw new Conflict(
      'TERLAMBAT_DIKIRIM',
      `Ketukan pukul ${formatClock(new Date(tapAt))} baru terkirim pukul ${formatClock(arrival)}, lewat dari batas ${formatClock(new Date(closesAt + rules.graceAfterCloseMs))} untuk ketukan tanpa jaringan. Hubungi pimpinan OPD Anda.`,
    );
  }
  // Delivered after the close, within the grace: judged as if it had arrived when it was made.
  const judged = arrival.getTime() >= closesAt && tapAt < closesAt ? { ...sesi, state: 'dibuka' as const } : sesi;
  const status = decideCheckin(new Date(tapAt), judged, formatClock);
  return { status, tapAt: new Date(tapAt), ticketAt: new Date(ticket.at), luring: arrival.getTime() - tapAt >= LURING_AFTER_MS };
}
