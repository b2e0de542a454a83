import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { passkeyChallenge, passkeyMessage } from '../../functions/core/passkey';
import { plannedSesi } from '../../functions/core/sesi';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import type { SoftAuthenticator } from '../support/authenticator';
import { softAuthenticator } from '../support/authenticator';
import { ASNS, seedRoster } from '../support/roster';

/**
 * Passkey mode on DynamoDB Local (issue 15 §2): the bound phone registers a passkey (the
 * `passkey` function, @simplewebauthn/server), then each check-in also carries an assertion
 * with user verification, checked on the hot path with node:crypto in its 2 DynamoDB requests;
 * replays, tampering, another sesi, another passkey and a missing fingerprint write nothing.
 * The RP id and origin come from the site's configured address, never from the request.
 */

// The deployment's config with passkey mode on, and its site address, before any handler loads.
const SITE = 'https://apel.bolselkab.go.id';
const site = { rpId: 'apel.bolselkab.go.id', origin: SITE };
process.env.APEL_CONFIG = JSON.stringify({ ...JSON.parse(process.env.APEL_CONFIG!), buktiKehadiran: 'passkey' });
process.env.APEL_SITE_URL = SITE;
const { handler: checkin } = await import('../../functions/handlers/checkin');
const { handler: me } = await import('../../functions/handlers/me');
const { handler: passkeyApi } = await import('../../functions/handlers/passkey');
const { handler: opdApi } = await import('../../functions/handlers/opd-api');
const { db } = await import('../../functions/store/client');
const { openSesi } = await import('../../functions/store/sesi-store');

// Monday 30 November 2026, apel pagi 07:00–07:30–08:00 WITA, apel sore after it.
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG));
const [pagi, sore] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0], ReturnType<typeof plannedSesi>[0]];
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const [head, staff, staff2, kominfo] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0]];
let tokens: Map<string, string>;
const tok = (nip: string) => tokens.get(nip) as string;

/** The phone's own key (WebCrypto ECDSA P-256), as the page makes it. */
async function deviceKey() {
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const { kty, crv, x, y } = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  const sign = async (message: string) =>
    Buffer.from(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(message))).toString('base64url');
  return { kunci: { kty, crv, x, y }, sign };
}
type Device = Awaited<ReturnType<typeof deviceKey>>;

const getMe = async (nip: string) => (await call(me, { path: '/api/me', token: tok(nip) })).body;
const bind = (nip: string, d: Device) => call(me, { method: 'POST', path: '/api/perangkat', token: tok(nip), body: { kunci: d.kunci } });
const options = (nip: string) => call(passkeyApi, { method: 'POST', path: '/api/passkey/opsi', token: tok(nip) });
const register = (nip: string, body: unknown) => call(passkeyApi, { method: 'POST', path: '/api/passkey', token: tok(nip), body });

/** A registration as the page sends it: options, the phone's signature, the authenticator's answer. */
async function registration(nip: string, d: Device, a: SoftAuthenticator, change: { uv?: boolean; rpId?: string; origin?: string } = {}) {
  const { tiket, opsi } = (await options(nip)).body;
  return { tiket, tanda: await d.sign(passkeyMessage(tiket)), respons: a.register({ challenge: opsi.challenge, ...site, ...change }) };
}

/** A check-in signed by the phone and, when `a` is given, with the passkey's assertion over the same message. */
async function signed(d: Device, tiket: string, ms: number, sesiId: string, a?: SoftAuthenticator, change: Parameters<SoftAuthenticator['assert']>[0] | object = {}) {
  const message = `apel-wfa/hadir/1\n${tiket}\n${ms}`;
  const passkey = a?.assert({ challenge: passkeyChallenge(message), ...site, ...change });
  return { sesiId, bukti: { tiket, ms, tanda: await d.sign(message), ...(passkey ? { passkey } : {}) } };
}
const post = (nip: string, body: unknown) => call(checkin, { method: 'POST', path: '/api/checkins', token: tok(nip), body });
const checkinsOf = async (nip: string) => (await allItems('checkins')).filter((c) => c.nip === nip);
const passkeyOnLink = async (nip: string) => (await allItems('links')).find((l) => l.nip === nip && String(l.pk).startsWith('LINK#'))?.passkey;

let requests = 0;
beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  db.middlewareStack.add((next) => (args) => (requests++, next(args)), { step: 'initialize', name: 'countRequests' });
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-11-29T23:00:00Z');
  await openSesi(pagi, new Date());
});

describe('registering a passkey', () => {
  it('refuses before the link is bound to this phone (409), and a malformed, unsigned, unverified or foreign registration (400/403), writing nothing', async () => {
    at('2026-11-29T23:01:00Z');
    const phone = await deviceKey();
    const a = softAuthenticator();
    expect([(await options(staff2.nip)).status, (await options(staff2.nip)).body.error.code]).toEqual([409, 'PERANGKAT_BELUM_TERIKAT']);
    await bind(staff2.nip, phone);

    const good = await registration(staff2.nip, phone, a);
    const other = await deviceKey();
    const theirs = (await getMe(head.nip)).bukti.tiket as string;
    const cases: Array<[unknown, number, string]> = [
      ['passkey', 400, 'INPUT_TIDAK_VALID'],
      [{ ...good, respons: { id: a.id } }, 400, 'PASSKEY_TIDAK_VALID'],
      [{ ...good, respons: { ...good.respons, response: { ...good.respons.response, attestationObject: 'AAAA' } } }, 400, 'PASSKEY_TIDAK_VALID'],
      [{ ...good, tiket: 'tiket' }, 400, 'TIKET_TIDAK_VALID'],
      [{ ...good, tiket: theirs, tanda: await phone.sign(passkeyMessage(theirs)) }, 403, 'TIKET_ORANG_LAIN'],
      [{ ...good, tanda: await other.sign(passkeyMessage(good.tiket)) }, 403, 'TANDA_TANGAN_SALAH'],
      [await registration(staff2.nip, phone, a, { uv: false }), 403, 'PASSKEY_TANPA_VERIFIKASI'],
      [await registration(staff2.nip, phone, a, { rpId: 'localhost' }), 403, 'PASSKEY_TIDAK_COCOK'],
      [await registration(staff2.nip, phone, a, { origin: 'https://evil.example' }), 403, 'PASSKEY_TIDAK_COCOK'],
    ];
    for (const [body, status, code] of cases) {
      const res = await register(staff2.nip, body);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    // An hour on, the registration's ticket has expired.
    at('2026-11-30T00:05:00Z');
    expect((await register(staff2.nip, good)).body.error.code).toBe('TIKET_KEDALUWARSA');
    expect(await passkeyOnLink(staff2.nip)).toBeUndefined();
  });

  it('registers from the bound phone: options name the configured site and require user verification; GET /api/me and the roll show it', async () => {
    at('2026-11-29T23:02:00Z');
    const phone = await deviceKey();
    await bind(staff.nip, phone);
    const a = softAuthenticator();

    const { body: o } = await options(staff.nip);
    const res = await register(staff.nip, { tiket: o.tiket, tanda: await phone.sign(passkeyMessage(o.tiket)), respons: a.register({ challenge: o.opsi.challenge, ...site }) });

    expect(o.opsi).toMatchObject({ rp: { id: site.rpId }, authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required' } });
    expect(o.opsi.challenge).toBe(passkeyChallenge(passkeyMessage(o.tiket)));
    expect([res.status, res.body]).toEqual([201, { passkey: a.id }]);
    expect((await getMe(staff.nip)).bukti.passkey).toBe(a.id);
    expect(await passkeyOnLink(staff.nip)).toMatchObject({ id: a.id, alg: -7, n: 0 });
    const roll = await call(opdApi, { path: '/api/opd/setda/apel', token: tok(head.nip) });
    expect(roll.body.perangkat).toMatchObject({ terikat: 2, passkey: 1 });
    passkeys.set(staff.nip, { phone, a });
  });
});

const passkeys = new Map<string, { phone: Device; a: SoftAuthenticator }>();

describe('checking in with a passkey', () => {
  it('refuses a check-in without the assertion once a passkey is registered (403 PASSKEY_DIPERLUKAN), writing nothing', async () => {
    at('2026-11-29T23:05:00Z');
    const { phone } = passkeys.get(staff.nip)!;
    const { tiket } = (await getMe(staff.nip)).bukti;

    const res = await post(staff.nip, await signed(phone, tiket, 1000, pagi.id));

    expect([res.status, res.body.error.code]).toEqual([403, 'PASSKEY_DIPERLUKAN']);
    expect(await checkinsOf(staff.nip)).toEqual([]);
  });

  it('refuses another sesi, another passkey, no fingerprint, tampered and malformed assertions (400/403), writing nothing', async () => {
    at('2026-11-29T23:06:00Z');
    const { phone, a } = passkeys.get(staff.nip)!;
    const { tiket } = (await getMe(staff.nip)).bukti;
    const good = await signed(phone, tiket, 500, pagi.id, a);
    const flipped = Buffer.from(good.bukti.passkey!.response.signature, 'base64url');
    flipped[12] = flipped[12]! ^ 1;
    const cases: Array<[unknown, number, string]> = [
      [{ ...good, bukti: { ...good.bukti, passkey: 'sidik' } }, 400, 'PASSKEY_TIDAK_VALID'],
      [{ ...good, bukti: { ...good.bukti, passkey: { id: a.id, response: {} } } }, 400, 'PASSKEY_TIDAK_VALID'],
      // The assertion of another message: signed for another elapsed time, or made for another sesi's ticket.
      [{ ...good, bukti: { ...good.bukti, passkey: (await signed(phone, tiket, 501, pagi.id, a)).bukti.passkey } }, 403, 'PASSKEY_TIDAK_COCOK'],
      [{ ...good, bukti: { ...good.bukti, passkey: a.assert({ challenge: passkeyChallenge('apel-wfa/hadir/1\nt1.lain\n500'), ...site }) } }, 403, 'PASSKEY_TIDAK_COCOK'],
      [await signed(phone, tiket, 500, pagi.id, softAuthenticator()), 403, 'PASSKEY_LAIN'],
      [await signed(phone, tiket, 500, pagi.id, a, { uv: false }), 403, 'PASSKEY_TANPA_VERIFIKASI'],
      [await signed(phone, tiket, 500, pagi.id, a, { rpId: 'localhost', origin: 'http://localhost:3000' }), 403, 'PASSKEY_TIDAK_COCOK'],
      [{ ...good, bukti: { ...good.bukti, passkey: { ...good.bukti.passkey!, response: { ...good.bukti.passkey!.response, signature: flipped.toString('base64url') } } } }, 403, 'PASSKEY_TIDAK_COCOK'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(staff.nip, body);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    expect(await checkinsOf(staff.nip)).toEqual([]);
  });

  it("records a check-in with the phone's key and the passkey as bukti 'passkey' in 2 DynamoDB requests; a replay is the same answer, nothing written", async () => {
    at('2026-11-29T23:07:00Z');
    const { phone, a } = passkeys.get(staff.nip)!;
    const { tiket } = (await getMe(staff.nip)).bukti;
    at('2026-11-29T23:07:02Z');
    const body = await signed(phone, tiket, 2000, pagi.id, a);

    requests = 0;
    const res = await post(staff.nip, body);
    const spent = requests;
    const replay = await post(staff.nip, body);

    expect(spent).toBe(2);
    expect(res.status).toBe(201);
    expect(res.body.checkin).toMatchObject({ status: 'hadir', bukti: 'passkey', ketukPada: '2026-11-29T23:07:02.000Z' });
    expect([replay.status, replay.body.repeat, replay.body.checkin.at]).toEqual([200, true, res.body.checkin.at]);
    expect(await checkinsOf(staff.nip)).toHaveLength(1);
    // The authenticator counts its signatures: the link keeps the count of the one recorded.
    expect(await passkeyOnLink(staff.nip)).toMatchObject({ id: a.id, n: Buffer.from(body.bukti.passkey!.response.authenticatorData, 'base64url').readUInt32BE(33) });
    const roll = await call(opdApi, { path: '/api/opd/setda/apel', token: tok(head.nip) });
    expect(roll.body.rows.find((r: { nip: string }) => r.nip === staff.nip)).toMatchObject({ status: 'hadir', bukti: 'passkey' });
  });

  it('refuses an assertion whose counter did not go up, a copied authenticator (409 PASSKEY_DIULANG), writing nothing', async () => {
    at('2026-11-30T07:50:00Z');
    await openSesi(sore, new Date());
    const { phone, a } = passkeys.get(staff.nip)!;
    const { tiket } = (await getMe(staff.nip)).bukti;
    const before = await passkeyOnLink(staff.nip);

    const res = await post(staff.nip, await signed(phone, tiket, 100, sore.id, a, { counter: 1 }));

    expect([res.status, res.body.error.code]).toEqual([409, 'PASSKEY_DIULANG']);
    expect((await checkinsOf(staff.nip)).map((c) => c.sesiId)).toEqual([pagi.id]);
    expect(await passkeyOnLink(staff.nip)).toEqual(before);
  });

  it("falls back to the phone's key where no passkey is registered (a phone without a platform authenticator): bukti 'perangkat'", async () => {
    at('2026-11-29T23:08:00Z');
    const phone = await deviceKey();
    const { tiket } = (await getMe(kominfo.nip)).bukti;

    const res = await post(kominfo.nip, { ...(await signed(phone, tiket, 10, pagi.id)), bukti: { ...(await signed(phone, tiket, 10, pagi.id)).bukti, kunci: phone.kunci } });

    expect(res.status).toBe(201);
    expect(res.body.checkin.bukti).toBe('perangkat');
  });
});
