import { createPublicKey } from 'node:crypto';
import type { AttendanceStatus, Disruption, Excuse } from './attendance';
import { attendanceStatus, excuseOn } from './attendance';
import { InvalidInput } from './errors';
import { clockIn } from './format';
import type { SesiSlot } from './sesi';
import { SLOT_LABELS } from './sesi';

/**
 * Reminders (pengingat): a Web Push notification when an apel opens, a few minutes before
 * it turns late (config `pengingatMenit`) to those not yet checked in, and when a head taps
 * "Kirim pengingat" on the live roll. This file holds the rules; the sending is
 * usecases/reminders/ and the wire is RFC 8030 (push), RFC 8291 (payload encryption,
 * aes128gcm) and RFC 8292 (VAPID), done by the `web-push` library.
 */

/** A browser's push subscription as the server keeps it (PushSubscription.toJSON(), checked). */
export interface PushSubscription {
  endpoint: string;
  /** The browser's P-256 public key, uncompressed point (65 bytes), base64url. */
  p256dh: string;
  /** The 16-byte authentication secret, base64url. */
  auth: string;
}

/** A kept subscription: which VAPID key it was made with (rotation) and when. */
export interface StoredSubscription extends PushSubscription {
  /** The VAPID public key (base64url) the browser subscribed with; the sender signs with that key's pair. */
  kunci: string;
  dibuat: string;
}

/**
 * At most this many devices per personal link (a phone, its home-screen app, a laptop). A
 * fourth replaces the one subscribed longest ago: a phone reset or a new browser must not
 * leave the ASN unable to switch reminders on, and the dropped one would soon be gone anyway.
 */
export const MAX_SUBSCRIPTIONS_PER_LINK = 3;

/** Longest endpoint accepted; real ones (FCM, Mozilla, Apple, Windows) are 150–500 characters. */
const MAX_ENDPOINT = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

const invalid = (message: string) => new InvalidInput('LANGGANAN_TIDAK_VALID', message);

function base64urlBytes(value: unknown, field: string, length: number): string {
  if (typeof value !== 'string' || !BASE64URL.test(value)) {
    throw invalid(`Langganan pengingat tidak valid: ${field} harus base64url.`);
  }
  const unpadded = value.replace(/=+$/, '');
  const bytes = Buffer.from(unpadded, 'base64url');
  // A length that is not a whole number of bytes, or stray bits, do not round-trip.
  if (bytes.length !== length || bytes.toString('base64url') !== unpadded) {
    throw invalid(`Langganan pengingat tidak valid: ${field} harus ${length} bita.`);
  }
  return unpadded;
}

/**
 * Checks what the page sends (`PushSubscription.toJSON()`: `{ endpoint, keys: { p256dh, auth } }`):
 * an https endpoint without credentials, a P-256 public key that is a point on the curve
 * (uncompressed, 65 bytes) and a 16-byte secret. Anything else is refused with the reason,
 * before anything is stored.
 */
export function parseSubscription(input: unknown): PushSubscription {
  if (!input || typeof input !== 'object') throw invalid('Langganan pengingat tidak valid: harus objek JSON.');
  const { endpoint, keys } = input as { endpoint?: unknown; keys?: unknown };
  if (typeof endpoint !== 'string' || endpoint.length > MAX_ENDPOINT) {
    throw invalid(`Langganan pengingat tidak valid: alamat (endpoint) harus teks paling panjang ${MAX_ENDPOINT} karakter.`);
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalid('Langganan pengingat tidak valid: alamat (endpoint) bukan URL.');
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password || url.hash) {
    throw invalid('Langganan pengingat tidak valid: alamat (endpoint) harus https:// tanpa nama pengguna atau fragmen.');
  }
  if (!keys || typeof keys !== 'object') throw invalid('Langganan pengingat tidak valid: kunci (keys) tidak ada.');
  const { p256dh, auth } = keys as { p256dh?: unknown; auth?: unknown };
  const point = base64urlBytes(p256dh, 'keys.p256dh', 65);
  if (!isP256Point(Buffer.from(point, 'base64url'))) {
    throw invalid('Langganan pengingat tidak valid: keys.p256dh bukan kunci publik P-256.');
  }
  return { endpoint: url.href === endpoint ? endpoint : url.href, p256dh: point, auth: base64urlBytes(auth, 'keys.auth', 16) };
}

/** An uncompressed point (0x04 ‖ x ‖ y) that lies on P-256 (node:crypto refuses any other). */
function isP256Point(bytes: Buffer): boolean {
  if (bytes[0] !== 0x04) return false;
  try {
    createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: bytes.subarray(1, 33).toString('base64url'), y: bytes.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The link's subscriptions after adding one: the same endpoint again (the browser renewed
 * its keys, or the VAPID key was rotated) replaces its earlier entry; past the limit the
 * oldest goes.
 */
export function withSubscription(existing: readonly StoredSubscription[], added: StoredSubscription): StoredSubscription[] {
  const others = existing.filter((s) => s.endpoint !== added.endpoint);
  return [...others, added].sort((a, b) => a.dibuat.localeCompare(b.dibuat)).slice(-MAX_SUBSCRIPTIONS_PER_LINK);
}

/** Why a reminder is sent: the apel opened, it turns late soon, or a head asked. */
export type ReminderReason = 'buka' | 'terlambat' | 'pimpinan';

/** An open sesi as the apel clock sees it. */
export interface ReminderSesi {
  id: string;
  slot: SesiSlot;
  state: 'dibuka' | 'ditutup';
  opensAt: Date;
  onTimeUntil: Date;
  closesAt: Date;
}

/**
 * Whether the "soon late" reminder of an open sesi is due at `now`: from `minutes` before
 * the on-time limit until it (a tick missed by an outage is caught up within that span, and
 * none is sent once it would only announce lateness). The apel clock asks every minute; a
 * conditional marker makes it happen once. `minutes` 0 turns it off; a window that opens
 * less than `minutes` before its limit gets it right at the opening (after the opening's).
 */
export function lateReminderDue(now: Date, sesi: ReminderSesi, minutes: number): boolean {
  if (minutes <= 0 || sesi.state !== 'dibuka') return false;
  const t = now.getTime();
  const limit = sesi.onTimeUntil.getTime() + 59_999; // on time up to the end of that minute
  return t >= limit - minutes * 60_000 && t < limit && t >= sesi.opensAt.getTime();
}

/**
 * Who is still waited for in a sesi: the expected staff without a check-in and without an
 * excuse covering the date, and nobody when a disruption freed everyone. The same rule as
 * the live roll's "belum hadir" (core/attendance.ts).
 */
export function awaited(a: {
  staff: readonly { nip: string }[];
  checkedIn: ReadonlySet<string>;
  excuses: readonly Excuse[];
  date: string;
  disruption?: Disruption | undefined;
}): string[] {
  return a.staff
    .filter((s) => {
      const status: AttendanceStatus = attendanceStatus({
        checkin: a.checkedIn.has(s.nip) ? 'hadir' : undefined,
        excuse: excuseOn(a.excuses, s.nip, a.date),
        closed: false,
        disruption: a.disruption,
      });
      return status === 'belum_hadir';
    })
    .map((s) => s.nip);
}

/** What the phone shows, and where a tap leads: the check-in page (the page reads its own stored link). */
export interface ReminderPayload {
  title: string;
  body: string;
  /** The page's address without any token: the service worker opens it, the page uses the link it keeps. */
  url: string;
  /** One notification per sesi and reason on the phone: a repeat replaces it instead of stacking. */
  tag: string;
}

export function reminderPayload(reason: ReminderReason, sesi: Pick<ReminderSesi, 'id' | 'slot' | 'onTimeUntil'>, timeZone: string): ReminderPayload {
  const label = SLOT_LABELS[sesi.slot];
  const onTime = clockIn(timeZone)(sesi.onTimeUntil);
  const body =
    reason === 'buka'
      ? `${label} sudah dibuka. Presensi tepat waktu sampai ${onTime}.`
      : reason === 'terlambat'
        ? `Anda belum presensi ${label}. Tepat waktu sampai ${onTime}; sesudahnya tercatat terlambat.`
        : `Pimpinan mengingatkan: Anda belum presensi ${label}. Tepat waktu sampai ${onTime}.`;
  return { title: reason === 'buka' ? `${label} dibuka` : `Pengingat ${label}`, body, url: '/', tag: `${sesi.id}.${reason}` };
}

/**
 * Seconds a push service may keep the message for an offline phone: until the apel closes
 * (a reminder after the close only confuses), at least one minute.
 */
export function reminderTtlSeconds(now: Date, closesAt: Date): number {
  return Math.max(60, Math.floor((closesAt.getTime() - now.getTime()) / 1000));
}

/** What to do with a push service's answer (RFC 8030 §5, §8.4 and the services' documentation). */
export type PushOutcome = 'terkirim' | 'hilang' | 'coba_lagi' | 'gagal';

export function pushOutcome(status: number | undefined): PushOutcome {
  if (status === undefined) return 'coba_lagi'; // no answer: network error or time-out
  if (status >= 200 && status < 300) return 'terkirim';
  // The subscription expired or the user switched it off: remove it.
  if (status === 404 || status === 410) return 'hilang';
  // Too many requests, or the service is down: later.
  if (status === 429 || status >= 500) return 'coba_lagi';
  // 400 (bad request), 401/403 (VAPID refused), 413 (too large): sending again would not help.
  return 'gagal';
}

/** Attempts per subscription and message before giving up (the first one included). */
export const MAX_PUSH_ATTEMPTS = 4;

/**
 * How long to wait before attempt `attempt + 1`: the service's Retry-After when it gave one
 * (seconds or an HTTP date), else 30 s, 2 min, 8 min; never more than SQS's 15 minutes.
 */
export function retryDelaySeconds(attempt: number, retryAfter: string | undefined, now: Date): number {
  let seconds = 30 * 4 ** Math.max(0, attempt - 1);
  if (retryAfter) {
    const n = /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : (Date.parse(retryAfter) - now.getTime()) / 1000;
    if (Number.isFinite(n) && n >= 0) seconds = Math.ceil(n);
  }
  return Math.min(900, Math.max(1, seconds));
}
