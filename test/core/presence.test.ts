import { webcrypto } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import type { OpenSesi } from '../../functions/core/checkin';
import {
  checkinMessage,
  decideTap,
  judgeDevice,
  keyId,
  parseDeviceKey,
  parseElapsed,
  readTicket,
  requireOwnTicket,
  signTicket,
  verifyDeviceSignature,
} from '../../functions/core/presence';

const SECRET = 'rahasia-uji-0123456789abcdef0123456789';
const NIP = '199001012020121001';
const fmt = (d: Date) => d.toISOString().slice(11, 16);
const at = (hhmmss: string) => new Date(`2026-11-30T${hhmmss}+08:00`);
const sesi: OpenSesi = { slot: 'pagi', state: 'dibuka', opensAt: at('07:00:00'), onTimeUntil: at('07:30:00'), closesAt: at('08:00:00') };
const rules = { ticketMaxAgeMs: 30 * 60_000, graceAfterCloseMs: 120 * 60_000 };

/** A key pair as the page makes it (WebCrypto, P-256), and its signature format (raw r‖s). */
async function phoneKey() {
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  const sign = async (message: string) =>
    Buffer.from(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(message))).toString('base64url');
  return { jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, sign };
}

describe('window ticket', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('07:10:00'));
  });
  afterEach(() => vi.useRealTimers());

  it('reads back what the server signed, with any accepted secret', () => {
    const ticket = { nip: NIP, sesiId: '2026-11-30.pagi', at: Date.now(), exp: Date.now() + 30 * 60_000 };
    const token = signTicket(SECRET, ticket);
    expect(readTicket(token, ['lama', SECRET])).toEqual(ticket);
  });

  it('refuses a tampered ticket (403) and a malformed one (400)', () => {
    const token = signTicket(SECRET, { nip: NIP, sesiId: '2026-11-30.pagi', at: Date.now(), exp: Date.now() + 1 });
    const [p, payload, m] = token.split('.') as [string, string, string];
    const other = Buffer.from(JSON.stringify(['199001012020121002', '2026-11-30.pagi', Date.now(), Date.now() + 1])).toString('base64url');
    expect(() => readTicket(`${p}.${other}.${m}`, [SECRET])).toThrow(expect.objectContaining({ code: 'TIKET_TIDAK_SAH', kind: 'forbidden' }));
    expect(() => readTicket(token, ['secret-after-rotation'])).toThrow(expect.objectContaining({ code: 'TIKET_TIDAK_SAH' }));
    for (const bad of [undefined, 42, '', 'x', `${p}.${payload}`, `t2.${payload}.${m}`, `${p}.${payload}.${m}x`]) {
      expect(() => readTicket(bad, [SECRET])).toThrow(expect.objectContaining({ code: 'TIKET_TIDAK_VALID', kind: 'invalid' }));
    }
  });

  it("refuses another ASN's ticket and another sesi's", () => {
    const ticket = { nip: NIP, sesiId: '2026-11-30.pagi', at: Date.now(), exp: Date.now() + 1 };
    expect(() => requireOwnTicket(ticket, '199001012020121002', '2026-11-30.pagi')).toThrow(expect.objectContaining({ code: 'TIKET_ORANG_LAIN' }));
    expect(() => requireOwnTicket(ticket, NIP, '2026-11-30.sore')).toThrow(expect.objectContaining({ code: 'TIKET_SESI_LAIN' }));
    expect(() => requireOwnTicket(ticket, NIP, '2026-11-30.pagi')).not.toThrow();
  });
});

describe('device signature (WebCrypto ECDSA P-256, JWK, raw r‖s)', () => {
  it("verifies the phone's signature and refuses one over another message or by another key", async () => {
    const phone = await phoneKey();
    const stranger = await phoneKey();
    const key = parseDeviceKey(phone.jwk);
    const message = checkinMessage('t1.abc.def', 1234);
    expect(() => verifyDeviceSignature(key, message, undefined)).toThrow(expect.objectContaining({ code: 'TANDA_TANGAN_TIDAK_VALID' }));
    verifyDeviceSignature(key, message, await phone.sign(message));
    expect(() => verifyDeviceSignature(key, message, 'A'.repeat(86))).toThrow(expect.objectContaining({ code: 'TANDA_TANGAN_SALAH' }));
    await expect(phone.sign(checkinMessage('t1.abc.def', 1235)).then((s) => verifyDeviceSignature(key, message, s))).rejects.toMatchObject({ code: 'TANDA_TANGAN_SALAH' });
    await expect(stranger.sign(message).then((s) => verifyDeviceSignature(key, message, s))).rejects.toMatchObject({ code: 'TANDA_TANGAN_SALAH', kind: 'forbidden' });
  });

  it('refuses keys that are not P-256 public keys (400) and names a key by its RFC 7638 thumbprint', async () => {
    const { jwk } = await phoneKey();
    for (const bad of [null, 'kunci', { ...jwk, crv: 'P-384' }, { ...jwk, kty: 'RSA' }, { ...jwk, x: 'pendek' }, { ...jwk, y: jwk.x!.replace(/./, (c) => (c === 'A' ? 'B' : 'A')) }]) {
      expect(() => parseDeviceKey(bad)).toThrow(expect.objectContaining({ code: 'KUNCI_TIDAK_VALID' }));
    }
    const kid = keyId(parseDeviceKey(jwk));
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keyId(parseDeviceKey({ ...jwk, extra: 1 }))).toBe(kid);
  });
});

describe('binding rules', () => {
  const key = { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) } as const;
  const bound = { kid: keyId(key), key, at: '2026-11-30T00:00:00.000Z' };
  const other = { ...key, x: 'z'.repeat(43) };

  it('before the date, an unbound link works without proof and binds to the first key that signs', () => {
    expect(judgeDevice({ bound: undefined, key: undefined, signed: false, today: '2026-11-30', requiredFrom: '2027-01-04' })).toEqual({ kind: 'tanpa' });
    expect(judgeDevice({ bound: undefined, key, signed: true, today: '2026-11-30', requiredFrom: '2027-01-04' })).toEqual({ kind: 'ikat', kid: bound.kid, key });
  });

  it('from the date on, a check-in without proof is refused; an unbound link still binds on first use', () => {
    expect(() => judgeDevice({ bound: undefined, key: undefined, signed: false, today: '2027-01-04', requiredFrom: '2027-01-04' })).toThrow(
      expect.objectContaining({ code: 'BUKTI_DIPERLUKAN', kind: 'forbidden' }),
    );
    expect(judgeDevice({ bound: undefined, key, signed: true, today: '2027-01-04', requiredFrom: '2027-01-04' }).kind).toBe('ikat');
  });

  it('a bound link takes only its own key, whatever the date', () => {
    expect(() => judgeDevice({ bound, key: undefined, signed: false, today: '2026-11-30', requiredFrom: undefined })).toThrow(expect.objectContaining({ code: 'BUKTI_DIPERLUKAN' }));
    expect(() => judgeDevice({ bound, key: other, signed: true, today: '2026-11-30', requiredFrom: undefined })).toThrow(expect.objectContaining({ code: 'PERANGKAT_LAIN', kind: 'conflict' }));
    expect(judgeDevice({ bound, key, signed: true, today: '2026-11-30', requiredFrom: undefined })).toEqual({ kind: 'terikat', kid: bound.kid });
    expect(judgeDevice({ bound, key: undefined, signed: true, today: '2026-11-30', requiredFrom: undefined })).toEqual({ kind: 'terikat', kid: bound.kid });
  });
});

describe('the tap-time rule', () => {
  const ticketAt = (hhmmss: string) => {
    const t = at(hhmmss).getTime();
    return { nip: NIP, sesiId: '2026-11-30.pagi', at: t, exp: t + rules.ticketMaxAgeMs };
  };

  it('a tap at 07:29:50 that arrives at 07:30:05 (and even 07:45) is hadir, by ticket time plus elapsed', () => {
    const tap = decideTap({ ticket: ticketAt('07:20:00'), elapsedMs: 9 * 60_000 + 50_000, arrival: at('07:31:05'), sesi, rules, formatClock: fmt });
    expect(tap).toMatchObject({ status: 'hadir', luring: true });
    expect(tap.tapAt).toEqual(at('07:29:50'));
    expect(tap.ticketAt).toEqual(at('07:20:00'));
    expect(decideTap({ ticket: ticketAt('07:20:00'), elapsedMs: 590_000, arrival: at('07:29:55'), sesi, rules, formatClock: fmt })).toMatchObject({ status: 'hadir', luring: false });
  });

  it('caps the tap time at the arrival (a phone cannot claim to have tapped in the future)', () => {
    const tap = decideTap({ ticket: ticketAt('07:20:00'), elapsedMs: 20 * 60_000, arrival: at('07:35:00'), sesi, rules, formatClock: fmt });
    expect(tap.tapAt).toEqual(at('07:35:00'));
    expect(tap.status).toBe('terlambat');
  });

  it('a tap made longer than the configured age after its ticket does not count', () => {
    expect(() => decideTap({ ticket: ticketAt('07:00:00'), elapsedMs: 30 * 60_000 + 1, arrival: at('07:31:00'), sesi, rules, formatClock: fmt })).toThrow(
      expect.objectContaining({ code: 'TIKET_KEDALUWARSA', kind: 'forbidden' }),
    );
    // The ticket's own expiry counts too (made under a shorter configured age).
    const short = { ...ticketAt('07:00:00'), exp: at('07:05:00').getTime() };
    expect(() => decideTap({ ticket: short, elapsedMs: 6 * 60_000, arrival: at('07:06:00'), sesi, rules, formatClock: fmt })).toThrow(expect.objectContaining({ code: 'TIKET_KEDALUWARSA' }));
    expect(decideTap({ ticket: ticketAt('07:00:00'), elapsedMs: 30 * 60_000, arrival: at('07:30:00'), sesi, rules, formatClock: fmt }).status).toBe('hadir');
  });

  it('accepts a tap made in the window up to the grace after the close, then refuses it with a clear message', () => {
    const closed = { ...sesi, state: 'ditutup' as const };
    const late = decideTap({ ticket: ticketAt('07:50:00'), elapsedMs: 5 * 60_000, arrival: at('09:59:59'), sesi: closed, rules, formatClock: fmt });
    expect(late).toMatchObject({ status: 'terlambat', luring: true });
    expect(() => decideTap({ ticket: ticketAt('07:50:00'), elapsedMs: 5 * 60_000, arrival: at('10:00:00'), sesi: closed, rules, formatClock: fmt })).toThrow(
      expect.objectContaining({ code: 'TERLAMBAT_DIKIRIM', message: expect.stringContaining('lewat dari batas') }),
    );
    // A tap made after the close is refused as any check-in after the close.
    expect(() => decideTap({ ticket: ticketAt('07:55:00'), elapsedMs: 6 * 60_000, arrival: at('08:02:00'), sesi: closed, rules, formatClock: fmt })).toThrow(
      expect.objectContaining({ code: 'SESI_SUDAH_DITUTUP' }),
    );
  });

  it('a tap before the opening is refused as before', () => {
    const early = { nip: NIP, sesiId: '2026-11-30.pagi', at: at('06:50:00').getTime(), exp: at('07:20:00').getTime() };
    expect(() => decideTap({ ticket: early, elapsedMs: 60_000, arrival: at('06:51:00'), sesi, rules, formatClock: fmt })).toThrow(expect.objectContaining({ code: 'SESI_BELUM_DIBUKA' }));
  });

  it('refuses an elapsed time that is not a whole number of milliseconds from 0 to a day', () => {
    for (const bad of [-1, 1.5, '100', null, 86_400_001, Number.NaN]) expect(() => parseElapsed(bad)).toThrow(expect.objectContaining({ code: 'WAKTU_KETUK_TIDAK_VALID' }));
    expect(parseElapsed(0)).toBe(0);
  });
});

describe('config', () => {
  it('has the proof-of-presence keys with defaults, and refuses a wrong date', () => {
    const c = parseConfig({ regency: 'Kabupaten Uji' });
    expect(c).toMatchObject({ buktiKehadiran: 'perangkat', tiketBerlakuMenit: 30, luringSampaiMenit: 120 });
    expect(c.perangkatWajibSejak).toBeUndefined();
    expect(() => parseConfig({ regency: 'Kabupaten Uji', perangkatWajibSejak: '04/01/2027' })).toThrow(/perangkatWajibSejak/);
  });
});
