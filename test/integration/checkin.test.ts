import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as apelClock } from '../../functions/handlers/apel-clock';
import { issueLink, revokeLink } from '../../functions/store/link-store';
import { db } from '../../functions/store/client';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

// Monday 30 November 2026, apel pagi 07:00–07:30–08:00 WITA = 23:00–23:30–00:00 UTC.
const SESI = '2026-11-30.pagi';
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const [head, staff, staff2] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0]];
let tokens: Map<string, string>;
const token = (nip: string) => tokens.get(nip) as string;
const post = (tok: string | undefined, body: unknown) => call(checkin, { method: 'POST', path: '/api/checkins', token: tok, body });

let dynamoRequests = 0;
db.middlewareStack.add(
  (next) => (args) => {
    dynamoRequests++;
    return next(args);
  },
  { step: 'initialize', name: 'countRequests' },
);

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-11-29T23:00:00Z');
  expect((await apelClock({})).opened).toEqual(['2026-11-30.pagi']);
});

beforeEach(() => {
  dynamoRequests = 0;
});

afterEach(() => at('2026-11-29T23:00:00Z'));

describe('POST /api/checkins', () => {
  it('records hadir inside the on-time part of the window, in two DynamoDB requests', async () => {
    at('2026-11-29T23:12:03Z');
    const res = await post(token(head.nip), { sesiId: SESI });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      // No proof before perangkatWajibSejak: recorded as such (issue 15).
      checkin: { sesiId: SESI, nip: head.nip, opd: 'setda', status: 'hadir', at: '2026-11-29T23:12:03.000Z', bukti: 'tanpa' },
      repeat: false,
    });
    expect(dynamoRequests).toBe(2);
    const stored = (await allItems('checkins')).filter((i) => i.nip === head.nip);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'hadir', opd: 'setda', sesiId: SESI });
  });

  it('returns the first result to a repeat and writes nothing new, without an extra read', async () => {
    at('2026-11-29T23:45:00Z'); // later, when a first check-in would be terlambat
    const before = await allItems('checkins');

    const res = await post(token(head.nip), { sesiId: SESI });

    expect(res.status).toBe(200);
    expect(res.body.repeat).toBe(true);
    expect(res.body.checkin).toMatchObject({ status: 'hadir', at: '2026-11-29T23:12:03.000Z' });
    expect(dynamoRequests).toBe(2);
    expect(await allItems('checkins')).toEqual(before);
  });

  it('records terlambat from the minute after on-time-until (07:31:00)', async () => {
    at('2026-11-29T23:31:00.000Z');
    const res = await post(token(staff.nip), { sesiId: SESI });
    expect(res.status).toBe(201);
    expect(res.body.checkin.status).toBe('terlambat');
  });

  it('leaves exactly one record after 50 concurrent repeats by one ASN', async () => {
    at('2026-11-29T23:20:00Z');
    const results = await Promise.all(Array.from({ length: 50 }, () => post(token(staff2.nip), { sesiId: SESI })));

    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const stored = (await allItems('checkins')).filter((i) => i.nip === staff2.nip);
    expect(stored).toHaveLength(1);
    // Every one of the 50 answers is the record that was stored.
    const { sesiId, nip, opd, status, at: when } = stored[0]!;
    for (const r of results) expect(r.body.checkin).toEqual({ sesiId, nip, opd, status, at: when, bukti: 'tanpa' });
  });

  it('refuses a check-in before the window opens and writes nothing', async () => {
    const nip = ASNS[3]!.nip;
    at('2026-11-29T22:59:59.999Z');
    const before = await allItems('checkins');

    const res = await post(token(nip), { sesiId: SESI });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SESI_BELUM_DIBUKA');
    expect(await allItems('checkins')).toEqual(before);
  });

  it('refuses a check-in exactly at the close and writes nothing', async () => {
    const nip = ASNS[3]!.nip;
    at('2026-11-30T00:00:00.000Z');
    const before = await allItems('checkins');

    const res = await post(token(nip), { sesiId: SESI });

    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'SESI_SUDAH_DITUTUP', message: 'Apel pagi sudah ditutup pukul 08.00 WITA.' });
    expect(await allItems('checkins')).toEqual(before);
  });

  it('still tells a retry arriving after the close that the first check-in was recorded', async () => {
    at('2026-11-30T00:00:05Z');
    const res = await post(token(head.nip), { sesiId: SESI });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ repeat: true, checkin: { status: 'hadir' } });
  });

  it('refuses a sesi that was never opened', async () => {
    at('2026-12-02T00:10:00Z');
    const res = await post(token(ASNS[3]!.nip), { sesiId: '2026-12-02.pagi' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SESI_TIDAK_ADA');
  });

  it('refuses a revoked link at once, and a re-issued link replaces the old one', async () => {
    const asn = ASNS[3]!;
    at('2026-11-29T23:05:00Z');
    const old = token(asn.nip);
    await revokeLink(asn.nip);

    const revoked = await post(old, { sesiId: SESI });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('TAUTAN_TIDAK_BERLAKU');

    const fresh = await issueLink(asn);
    const again = await issueLink(asn);
    expect((await post(fresh, { sesiId: SESI })).status).toBe(401);
    expect((await post(again, { sesiId: SESI })).status).toBe(201);
    expect((await allItems('checkins')).filter((i) => i.nip === asn.nip)).toHaveLength(1);
  });

  it('answers bad input with 400 or 401 and a clear message, writing nothing', async () => {
    at('2026-11-29T23:05:00Z');
    const before = await allItems('checkins');
    const nip = ASNS[4]!.nip;

    const cases = [
      { res: await post(undefined, { sesiId: SESI }), status: 401, code: 'TAUTAN_TIDAK_ADA' },
      { res: await post('not-a-token', { sesiId: SESI }), status: 401, code: 'TAUTAN_TIDAK_BERLAKU' },
      { res: await post('A'.repeat(43), { sesiId: SESI }), status: 401, code: 'TAUTAN_TIDAK_BERLAKU' },
      {
        res: await call(checkin, { method: 'POST', path: '/api/checkins', token: token(nip), rawBody: '{"sesiId":' }),
        status: 400,
        code: 'JSON_TIDAK_VALID',
      },
      { res: await post(token(nip), {}), status: 400, code: 'INPUT_TIDAK_VALID' },
      { res: await post(token(nip), { sesiId: '2026-11-30.malam' }), status: 400, code: 'INPUT_TIDAK_VALID' },
      { res: await post(token(nip), { sesiId: 42 }), status: 400, code: 'INPUT_TIDAK_VALID' },
      { res: await post(token(nip), 'x'.repeat(20_000)), status: 413, code: 'ISI_TERLALU_BESAR' },
      { res: await post(token(nip), ['2026-11-30.pagi']), status: 400, code: 'INPUT_TIDAK_VALID' },
    ];

    for (const c of cases) {
      expect(c.res.status, c.code).toBe(c.status);
      expect(c.res.body.error.code).toBe(c.code);
      expect(c.res.body.error.message.length).toBeGreaterThan(10);
      expect(c.res.body.error.message).not.toMatch(/Invalid input/); // Indonesian, not the validator's English
    }
    expect(await allItems('checkins')).toEqual(before);
  });
});
