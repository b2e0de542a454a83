import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as me } from '../../functions/handlers/me';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { handler as apelClock } from '../../functions/handlers/apel-clock';
import { db } from '../../functions/store/client';
import { openSesi } from '../../functions/store/sesi-store';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

/**
 * Proof of presence on DynamoDB Local (issue 15): a link binds to the first phone that signs,
 * another phone is refused and waits for the head, who approves (audited); replays, tampering
 * and other people's tickets write nothing; a tap kept on the phone counts at its own time.
 */

// Monday 30 November 2026, apel pagi 07:00–07:30–08:00 WITA (23:00–23:30–00:00 UTC on the 29th).
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const [pagi, sore] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0], ReturnType<typeof plannedSesi>[0]];
const [required] = plannedSesi('2027-01-04', config) as [ReturnType<typeof plannedSesi>[0]];
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const [head, staff, staff2, kominfo, dinkes] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0]];
let tokens: Map<string, string>;
const tok = (nip: string) => tokens.get(nip) as string;

/** A phone as the page makes it: WebCrypto ECDSA P-256, non-extractable private key, JWK public key. */
async function phone() {
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const { kty, crv, x, y } = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  const sign = async (message: string) =>
    Buffer.from(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(message))).toString('base64url');
  return { kunci: { kty, crv, x, y }, sign };
}
type Phone = Awaited<ReturnType<typeof phone>>;

const getMe = async (nip: string) => (await call(me, { path: '/api/me', token: tok(nip) })).body;
/** A signed check-in: the ticket of GET /api/me, `ms` after it, with the key when `withKey`. */
async function signedBody(p: Phone, tiket: string, ms: number, sesiId: string, withKey = true) {
  return { sesiId, bukti: { tiket, ms, tanda: await p.sign(`apel-wfa/hadir/1\n${tiket}\n${ms}`), ...(withKey ? { kunci: p.kunci } : {}) } };
}
const post = (nip: string, body: unknown) => call(checkin, { method: 'POST', path: '/api/checkins', token: tok(nip), body });
const checkinsOf = async (nip: string) => (await allItems('checkins')).filter((c) => c.nip === nip);

let requests = 0;
beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  db.middlewareStack.add((next) => (args) => (requests++, next(args)), { step: 'initialize', name: 'countRequests' });
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-11-29T23:00:00Z');
  await openSesi(pagi, new Date());
  await openSesi(required, new Date());
});

describe('binding a link to one phone', () => {
  let first: Phone;
  let second: Phone;

  it('hands out a window ticket with GET /api/me, and the first signed check-in binds the link in its 2 DynamoDB requests', async () => {
    first = await phone();
    at('2026-11-29T23:05:00Z');
    const page = await getMe(staff.nip);
    expect(page.bukti).toMatchObject({ sesiId: pagi.id, perangkat: null, menunggu: null, wajib: false, berlakuMenit: 30 });
    at('2026-11-29T23:05:03Z');
    const body = await signedBody(first, page.bukti.tiket, 3000, pagi.id);
    requests = 0;
    const res = await post(staff.nip, body);
    expect(requests).toBe(2);
    expect(res.status).toBe(201);
    expect(res.body.checkin).toMatchObject({ status: 'hadir', bukti: 'perangkat', ketukPada: '2026-11-29T23:05:03.000Z', tiketPada: '2026-11-29T23:05:00.000Z' });
    expect(res.body.checkin.luring).toBeUndefined();
    expect((await getMe(staff.nip)).bukti.perangkat).toBe(res.body.checkin.kid);

    // A replay of the same signed request writes nothing new.
    const again = await post(staff.nip, body);
    expect(again.status).toBe(200);
    expect(again.body.repeat).toBe(true);
    expect(await checkinsOf(staff.nip)).toHaveLength(1);
  });

  it('refuses another phone (409 PERANGKAT_LAIN, nothing written); its registration waits for the head, who sees it on the roll', async () => {
    second = await phone();
    at('2026-11-29T23:40:00Z');
    const page = await getMe(staff.nip);
    const refused = await post(staff.nip, await signedBody(second, page.bukti.tiket, 100, pagi.id));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PERANGKAT_LAIN');
    expect(refused.body.error.message).toMatch(/ponsel lain/);

    const asked = await call(me, { method: 'POST', path: '/api/perangkat', token: tok(staff.nip), body: { kunci: second.kunci } });
    expect(asked.status).toBe(202);
    expect(asked.body.status).toBe('menunggu');
    expect((await getMe(staff.nip)).bukti.menunggu).toBe(asked.body.perangkat);

    const roll = await call(opdApi, { path: '/api/opd/setda/apel', token: tok(head.nip) });
    expect(roll.body.perangkat).toEqual({ terikat: 1, passkey: 0, menunggu: [{ nip: staff.nip, nama: staff.nama, kid: asked.body.perangkat, at: '2026-11-29T23:40:00.000Z' }] });
    expect(roll.body.rows.find((r: { nip: string }) => r.nip === staff.nip).luring).toBe(false);
  });

  it("lets only a head of the ASN's OPD (or an admin) decide; the approval is audited and the old phone stops working", async () => {
    const kid = (await getMe(staff.nip)).bukti.menunggu as string;
    const otherHead = await call(opdApi, { method: 'POST', path: `/api/opd/setda/perangkat/${staff.nip}`, token: tok(kominfo.nip), body: { kid, setuju: true } });
    expect(otherHead.status).toBe(403);
    const bad = await call(opdApi, { method: 'POST', path: `/api/opd/setda/perangkat/${staff.nip}`, token: tok(head.nip), body: { kid: 'pendek', setuju: true } });
    expect(bad.status).toBe(400);
    const stale = await call(opdApi, { method: 'POST', path: `/api/opd/setda/perangkat/${staff.nip}`, token: tok(head.nip), body: { kid: 'A'.repeat(43), setuju: true } });
    expect(stale.status).toBe(404);
    expect((await allItems('audit')).filter((a) => String(a.action).startsWith('perangkat'))).toHaveLength(0);

    at('2026-11-29T23:41:00Z');
    const ok = await call(opdApi, { method: 'POST', path: `/api/opd/setda/perangkat/${staff.nip}`, token: tok(head.nip), body: { kid, setuju: true } });
    expect(ok.status).toBe(200);
    const audit = (await allItems('audit')).filter((a) => a.action === 'perangkat.setujui');
    expect(audit).toEqual([expect.objectContaining({ opd: 'setda', target: `asn:${staff.nip}`, actor: expect.objectContaining({ nip: head.nip }) })]);
    expect((await getMe(staff.nip)).bukti).toMatchObject({ perangkat: kid, menunggu: null, wajib: true });
    const roll = await call(opdApi, { path: '/api/opd/setda/apel', token: tok(head.nip) });
    expect(roll.body.perangkat.menunggu).toEqual([]);

    // Sore: the old phone is now "another phone"; the new one checks in without sending its key.
    at('2026-11-30T07:50:00Z');
    await openSesi(sore, new Date());
    const page = await getMe(staff.nip);
    expect((await post(staff.nip, await signedBody(first, page.bukti.tiket, 10, sore.id))).body.error.code).toBe('PERANGKAT_LAIN');
    expect((await post(staff.nip, { sesiId: sore.id })).body.error.code).toBe('BUKTI_DIPERLUKAN');
    expect((await post(staff.nip, await signedBody(second, page.bukti.tiket, 10, sore.id, false))).status).toBe(201);
  });

  it('two phones racing to bind one link: one wins, the other is refused and can ask for approval', async () => {
    at('2026-11-29T23:10:00Z');
    const [a, b] = [await phone(), await phone()];
    const { tiket } = (await getMe(staff2.nip)).bukti;
    const results = await Promise.all([post(staff2.nip, await signedBody(a, tiket, 5, pagi.id)), post(staff2.nip, await signedBody(b, tiket, 6, pagi.id))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await checkinsOf(staff2.nip)).toHaveLength(1);
  });
});

describe('refusals write nothing', () => {
  it('refuses malformed proofs (400) and tampered, foreign, other-sesi and expired tickets (403)', async () => {
    at('2026-11-29T23:15:00Z');
    const p = await phone();
    const mine = (await getMe(kominfo.nip)).bukti.tiket as string;
    const theirs = (await getMe(head.nip)).bukti.tiket as string;
    const good = await signedBody(p, mine, 10, pagi.id);
    const cases: Array<[unknown, number, string]> = [
      [{ ...good, bukti: { ...good.bukti, kunci: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } } }, 400, 'KUNCI_TIDAK_VALID'],
      [{ ...good, bukti: { ...good.bukti, tanda: 'bukan-tanda-tangan' } }, 400, 'TANDA_TANGAN_TIDAK_VALID'],
      [{ ...good, bukti: { ...good.bukti, tiket: 'tiket' } }, 400, 'TIKET_TIDAK_VALID'],
      [{ ...good, bukti: { ...good.bukti, ms: -5 } }, 400, 'WAKTU_KETUK_TIDAK_VALID'],
      [{ ...good, bukti: 'tanda' }, 400, 'INPUT_TIDAK_VALID'],
      [{ ...good, bukti: { ...good.bukti, ms: 11 } }, 403, 'TANDA_TANGAN_SALAH'],
      [await signedBody(p, mine.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`), 10, pagi.id), 403, 'TIKET_TIDAK_SAH'],
      [await signedBody(p, theirs, 10, pagi.id), 403, 'TIKET_ORANG_LAIN'],
      [await signedBody(p, mine, 10, '2026-11-30.sore'), 403, 'TIKET_SESI_LAIN'],
      [await signedBody(p, mine, 31 * 60_000, pagi.id), 403, 'TIKET_KEDALUWARSA'],
    ];
    at('2026-11-29T23:59:00Z');
    for (const [body, status, code] of cases) {
      const res = await post(kominfo.nip, body);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    expect(await checkinsOf(kominfo.nip)).toEqual([]);
    expect((await getMe(kominfo.nip)).bukti.perangkat).toBeNull();
  });

  it('from perangkatWajibSejak on, a check-in without proof is refused; a signed one binds', async () => {
    at('2027-01-03T23:10:00Z');
    const refused = await post(dinkes.nip, { sesiId: required.id });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'BUKTI_DIPERLUKAN']);
    const page = await getMe(dinkes.nip);
    expect(page.bukti.wajib).toBe(true);
    expect((await post(dinkes.nip, await signedBody(await phone(), page.bukti.tiket, 1, required.id))).status).toBe(201);
  });
});

describe('a tap kept on the phone', () => {
  it('counts at ticket time + elapsed: tapped 07:29:50, delivered 07:31:05 is hadir, marked luring on the roll and, after the grace, in the recap', async () => {
    const p = await phone();
    await call(me, { method: 'POST', path: '/api/perangkat', token: tok(head.nip), body: { kunci: p.kunci } });
    at('2026-11-29T23:20:00Z');
    const { tiket } = (await getMe(head.nip)).bukti;
    at('2026-11-29T23:31:05Z');
    const res = await post(head.nip, await signedBody(p, tiket, 9 * 60_000 + 50_000, pagi.id, false));
    expect(res.status).toBe(201);
    expect(res.body.checkin).toMatchObject({ status: 'hadir', luring: true, ketukPada: '2026-11-29T23:29:50.000Z', at: '2026-11-29T23:31:05.000Z' });
    const roll = await call(opdApi, { path: '/api/opd/setda/apel', token: tok(head.nip) });
    expect(roll.body.rows.find((r: { nip: string }) => r.nip === head.nip)).toMatchObject({ status: 'hadir', luring: true, checkedInAt: '2026-11-29T23:29:50.000Z' });
  });

  it('is accepted after the close until luringSampaiMenit, then refused; the apel clock makes the recap again with it', async () => {
    const p = await phone();
    await call(me, { method: 'POST', path: '/api/perangkat', token: tok(kominfo.nip), body: { kunci: p.kunci } });
    at('2026-11-29T23:50:00Z');
    const { tiket } = (await getMe(kominfo.nip)).bukti;
    at('2026-11-30T00:01:00Z');
    await apelClock({});
    // Closed at 08:01; delivered at 10:00:30, after 08:00 + 120 min: too late.
    at('2026-11-30T02:00:30Z');
    const late = await post(kominfo.nip, await signedBody(p, tiket, 5 * 60_000, pagi.id, false));
    expect([late.status, late.body.error.code]).toEqual([409, 'TERLAMBAT_DIKIRIM']);
    at('2026-11-30T01:59:00Z');
    const inTime = await post(kominfo.nip, await signedBody(p, tiket, 5 * 60_000, pagi.id, false));
    expect(inTime.status).toBe(201);
    expect(inTime.body.checkin).toMatchObject({ status: 'terlambat', luring: true, ketukPada: '2026-11-29T23:55:00.000Z' });

    at('2026-11-30T02:01:00Z');
    await apelClock({});
    const recap = await call(opdApi, { path: '/api/opd/diskominfo/rekap?dari=2026-11-30&sampai=2026-11-30', token: tok(kominfo.nip) });
    expect(recap.status).toBe(403);
    const byHead = await call(opdApi, { path: '/api/opd/setda/rekap?dari=2026-11-30&sampai=2026-11-30', token: tok(head.nip) });
    expect(byHead.body.asn.find((a: { nip: string }) => a.nip === head.nip)).toMatchObject({ luring: [pagi.id] });
    const csv = await call(opdApi, { path: '/api/opd/setda/rekap.csv?dari=2026-11-30&sampai=2026-11-30', token: tok(head.nip) });
    expect(csv.text).toContain('Luring (tanpa jaringan)');
    expect(csv.text).toMatch(/Fatimah Tuliabu.*Sen 30-11 Pagi/);
  });
});
