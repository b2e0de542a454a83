import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Excuse } from '../../functions/core/attendance';
import { InvalidInput } from '../../functions/core/errors';
import type { ReminderSesi, StoredSubscription } from '../../functions/core/reminder';
import {
  MAX_SUBSCRIPTIONS_PER_LINK,
  awaited,
  lateReminderDue,
  parseSubscription,
  pushOutcome,
  reminderPayload,
  reminderTtlSeconds,
  retryDelaySeconds,
  withSubscription,
} from '../../functions/core/reminder';

const at = (hhmmss: string) => new Date(`2026-11-30T${hhmmss}+08:00`);
const sesi: ReminderSesi = { id: '2026-11-30.pagi', slot: 'pagi', state: 'dibuka', opensAt: at('07:00:00'), onTimeUntil: at('07:30:00'), closesAt: at('08:00:00') };

/** A subscription as a browser makes it: a P-256 key pair's public point and 16 random bytes. */
function browserSubscription(endpoint = 'https://fcm.googleapis.com/fcm/send/abc:def') {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } };
}

function refusal(input: unknown): string {
  try {
    parseSubscription(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInput);
    return (e as InvalidInput).message;
  }
  throw new Error('accepted');
}

describe('a push subscription from the page', () => {
  it('accepts what PushSubscription.toJSON() gives', () => {
    const sub = browserSubscription();
    expect(parseSubscription(sub)).toEqual({ endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth });
  });

  it('refuses an endpoint that is not https, has credentials or is too long', () => {
    const { keys } = browserSubscription();
    expect(refusal({ endpoint: 'http://push.example/x', keys })).toMatch(/https/);
    expect(refusal({ endpoint: 'javascript:alert(1)', keys })).toMatch(/https/);
    expect(refusal({ endpoint: 'https://user:pw@push.example/x', keys })).toMatch(/https/);
    expect(refusal({ endpoint: `https://push.example/${'a'.repeat(1100)}`, keys })).toMatch(/1024/);
    expect(refusal({ endpoint: 'bukan url', keys })).toMatch(/URL/);
  });

  it('refuses keys of the wrong length, not base64url, or not a point on P-256', () => {
    const { endpoint, keys } = browserSubscription();
    expect(refusal({ endpoint, keys: { ...keys, auth: randomBytes(15).toString('base64url') } })).toMatch(/keys\.auth harus 16 bita/);
    expect(refusal({ endpoint, keys: { ...keys, p256dh: randomBytes(33).toString('base64url') } })).toMatch(/keys\.p256dh harus 65 bita/);
    expect(refusal({ endpoint, keys: { ...keys, p256dh: `${keys.p256dh.slice(0, -2)}+/` } })).toMatch(/base64url/);
    const offCurve = Buffer.alloc(65, 1);
    offCurve[0] = 4;
    expect(refusal({ endpoint, keys: { ...keys, p256dh: offCurve.toString('base64url') } })).toMatch(/bukan kunci publik P-256/);
    expect(refusal({ endpoint })).toMatch(/keys/);
    expect(refusal('teks')).toMatch(/objek JSON/);
  });
});

describe('the subscriptions kept per link', () => {
  const stored = (n: number): StoredSubscription => ({ endpoint: `https://push.example/${n}`, p256dh: 'p', auth: 'a', kunci: 'k', dibuat: `2026-11-0${n}T00:00:00Z` });

  it(`keeps at most ${MAX_SUBSCRIPTIONS_PER_LINK}: a fourth device replaces the one subscribed longest ago`, () => {
    const kept = withSubscription([stored(2), stored(1), stored(3)], stored(4));
    expect(kept.map((s) => s.endpoint)).toEqual(['https://push.example/2', 'https://push.example/3', 'https://push.example/4']);
  });

  it('replaces the same endpoint instead of adding it twice', () => {
    const renewed = { ...stored(1), auth: 'baru', dibuat: '2026-11-05T00:00:00Z' };
    expect(withSubscription([stored(1), stored(2)], renewed)).toEqual([stored(2), renewed]);
  });
});

describe('when the reminder before lateness is due', () => {
  it('from 10 minutes before the on-time limit to its end, once the apel is open', () => {
    expect(lateReminderDue(at('07:20:59'), sesi, 10)).toBe(false);
    expect(lateReminderDue(at('07:21:00'), sesi, 10)).toBe(true);
    expect(lateReminderDue(at('07:30:59'), sesi, 10)).toBe(true);
    expect(lateReminderDue(at('07:31:00'), sesi, 10)).toBe(false);
  });

  it('never for a closed sesi or with 0 minutes, and not before the opening', () => {
    expect(lateReminderDue(at('07:25:00'), { ...sesi, state: 'ditutup' }, 10)).toBe(false);
    expect(lateReminderDue(at('07:25:00'), sesi, 0)).toBe(false);
    expect(lateReminderDue(at('07:05:00'), { ...sesi, opensAt: at('07:10:00') }, 60)).toBe(false);
  });
});

describe('who is still awaited', () => {
  const staff = [{ nip: 'a' }, { nip: 'b' }, { nip: 'c' }, { nip: 'd' }];
  const sakit: Excuse = { id: 'x', nip: 'c', opd: 'O', jenis: 'sakit', dari: '2026-11-30', sampai: '2026-12-01', catatan: '', oleh: 'h', at: '', ditarik: null };

  it('the expected staff without a check-in or an excuse of the date', () => {
    expect(awaited({ staff, checkedIn: new Set(['b']), excuses: [sakit], date: '2026-11-30' })).toEqual(['a', 'd']);
    expect(awaited({ staff, checkedIn: new Set(), excuses: [sakit], date: '2026-12-02' })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('nobody when a disruption freed everyone', () => {
    expect(awaited({ staff, checkedIn: new Set(), excuses: [], date: '2026-11-30', disruption: { mode: 'bebaskan', keterangan: 'listrik padam' } })).toEqual([]);
  });
});

describe('the notification', () => {
  it('names the apel and the on-time limit in the regency zone, opens the page without a token', () => {
    const p = reminderPayload('terlambat', sesi, 'Asia/Makassar');
    expect(p).toEqual({
      title: 'Pengingat Apel Pagi',
      body: 'Anda belum presensi Apel Pagi. Tepat waktu sampai 07.30 WITA; sesudahnya tercatat terlambat.',
      url: '/',
      tag: '2026-11-30.pagi.terlambat',
    });
    expect(reminderPayload('buka', sesi, 'Asia/Makassar').title).toBe('Apel Pagi dibuka');
    expect(reminderPayload('pimpinan', sesi, 'Asia/Makassar').body).toMatch(/^Pimpinan mengingatkan/);
  });

  it('lives at the push service until the apel closes', () => {
    expect(reminderTtlSeconds(at('07:00:00'), sesi.closesAt)).toBe(3600);
    expect(reminderTtlSeconds(at('07:59:50'), sesi.closesAt)).toBe(60);
  });
});

describe("a push service's answer", () => {
  it('201 sent, 404/410 gone, 429/5xx/no answer later, the rest given up', () => {
    expect([201, 404, 410, 429, 503, undefined, 400, 403, 413].map(pushOutcome)).toEqual([
      'terkirim', 'hilang', 'hilang', 'coba_lagi', 'coba_lagi', 'coba_lagi', 'gagal', 'gagal', 'gagal',
    ]);
  });

  it('waits as Retry-After says (seconds or a date), else 30 s growing fourfold, at most 15 minutes', () => {
    const now = at('07:10:00');
    expect(retryDelaySeconds(1, '120', now)).toBe(120);
    expect(retryDelaySeconds(1, new Date(now.getTime() + 45_000).toUTCString(), now)).toBe(45);
    expect([1, 2, 3].map((n) => retryDelaySeconds(n, undefined, now))).toEqual([30, 120, 480]);
    expect(retryDelaySeconds(1, '99999', now)).toBe(900);
  });
});
