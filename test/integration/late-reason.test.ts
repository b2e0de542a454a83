import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as me } from '../../functions/handlers/me';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { db } from '../../functions/store/client';
import { openSesi } from '../../functions/store/sesi-store';
import { closeApel } from '../../functions/usecases/apel-session';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

/**
 * Issue 14 point 3: a late ASN leaves a short reason (PUT /api/me/alasan/{sesiId}) that
 * their head sees in the live roll at the next poll (the OPD's notes version is put with
 * it, so the poll is not a 304), in the recap and in the recap CSV. The check-in itself
 * stays at its 2 DynamoDB requests.
 */

// Monday 30 November 2026 (WITA = UTC+8): apel pagi 07:00–07:30–08:00 = 23:00–23:30–00:00 UTC on the 29th.
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const [pagi] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0]];
const [head, late, onTime] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0]];
let tokens: Map<string, string>;
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const reason = (nip: string, alasan: unknown, sesi = pagi.id) =>
  call(me, { method: 'PUT', path: `/api/me/alasan/${sesi}`, token: tokens.get(nip)!, body: { alasan } });
const tapIn = (nip: string) => call(checkin, { method: 'POST', path: '/api/checkins', token: tokens.get(nip)!, body: { sesiId: pagi.id } });
const roll = (etag?: string) =>
  call(opdApi, { path: '/api/opd/setda/apel', token: tokens.get(head.nip)!, ...(etag ? { headers: { 'if-none-match': etag } } : {}) });
const rowOf = (body: { rows: Array<{ nip: string }> }, nip: string) => body.rows.find((r) => r.nip === nip) as Record<string, unknown>;

const sent: string[] = [];
db.middlewareStack.add(
  (next, context) => (args) => {
    sent.push(String(context.commandName));
    return next(args);
  },
  { step: 'initialize', name: 'lateReasonCount' },
);

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-11-29T23:00:00Z');
  await openSesi(pagi, new Date());
  at('2026-11-29T23:05:00Z');
  expect((await tapIn(onTime.nip)).status).toBe(201);
});
afterAll(() => void vi.useRealTimers());

describe("a late ASN's reason", () => {
  it('is refused before the ASN has checked in, and for an on-time check-in', async () => {
    expect(await reason(late.nip, 'Ban motor bocor')).toMatchObject({ status: 409, body: { error: { code: 'BELUM_PRESENSI' } } });
    expect(await reason(onTime.nip, 'Ban motor bocor')).toMatchObject({ status: 409, body: { error: { code: 'TIDAK_TERLAMBAT' } } });
  });

  it('reaches the head at the next poll of the roll, while the check-in keeps its 2 DynamoDB requests', async () => {
    at('2026-11-29T23:40:00Z'); // 07:40 WITA: late
    sent.length = 0;
    expect((await tapIn(late.nip)).body.checkin).toMatchObject({ status: 'terlambat' });
    expect(sent).toHaveLength(2);

    at('2026-11-29T23:41:00Z');
    const before = await roll();
    expect(rowOf(before.body, late.nip)).toMatchObject({ status: 'terlambat', alasanTerlambat: null });
    at('2026-11-29T23:41:15Z');
    expect((await roll(String(before.headers.etag))).status).toBe(304);

    const saved = await reason(late.nip, '  Ban motor bocor di jalan Molibagu  ');
    expect(saved).toMatchObject({ status: 200, body: { alasanTerlambat: 'Ban motor bocor di jalan Molibagu' } });
    at('2026-11-29T23:41:30Z');
    const after = await roll(String(before.headers.etag));
    expect(after.status).toBe(200);
    expect(rowOf(after.body, late.nip)).toMatchObject({ alasanTerlambat: 'Ban motor bocor di jalan Molibagu' });
    // The ASN's own page shows what they sent.
    const mine = (await call(me, { path: '/api/me', token: tokens.get(late.nip)! })).body.today.find((s: { id: string }) => s.id === pagi.id);
    expect(mine).toMatchObject({ status: 'terlambat', alasanTerlambat: 'Ban motor bocor di jalan Molibagu' });
  });

  it('is free text under the one rule: hidden characters, too short or too long are refused and nothing is written', async () => {
    const checkinsBefore = JSON.stringify(await allItems('checkins'));
    expect(await reason(late.nip, 'Macet\u202Etotal')).toMatchObject({ status: 400, body: { error: { code: 'INPUT_TIDAK_VALID' } } });
    expect(await reason(late.nip, 'ok')).toMatchObject({ status: 400 });
    expect(await reason(late.nip, 'x'.repeat(201))).toMatchObject({ status: 400 });
    expect(await reason(late.nip, 42)).toMatchObject({ status: 400 });
    expect(JSON.stringify(await allItems('checkins'))).toBe(checkinsBefore);
  });

  it('is in the recap and its CSV after the close, and can no longer be changed', async () => {
    at('2026-11-30T00:01:00Z'); // 08:01 WITA
    expect((await reason(late.nip, 'Terlambat karena hujan deras')).body).toMatchObject({ error: { code: 'SESI_SUDAH_DITUTUP' } });
    await closeApel(pagi.date, pagi.slot, new Date());

    const rekap = await call(opdApi, { path: '/api/opd/setda/rekap?dari=2026-11-30&sampai=2026-11-30', token: tokens.get(head.nip)! });
    const person = rekap.body.asn.find((a: { nip: string }) => a.nip === late.nip);
    expect(person).toMatchObject({ kode: { [pagi.id]: 'TL' }, alasan: { [pagi.id]: 'Ban motor bocor di jalan Molibagu' } });
    expect(rekap.body.asn.find((a: { nip: string }) => a.nip === onTime.nip).alasan).toEqual({});
    const csv = await call(opdApi, { path: '/api/opd/setda/rekap.csv?dari=2026-11-30&sampai=2026-11-30', token: tokens.get(head.nip)! });
    expect(csv.text).toContain(`"${late.nama}";"Pelaksana";"TL";"0";"1";"0";"0";"0";"0";"0";"0";"0";"Sen 30-11 Pagi: Ban motor bocor di jalan Molibagu"`);
    // The closed roll (from the recap) still shows it.
    expect(rowOf((await roll()).body, late.nip)).toMatchObject({ alasanTerlambat: 'Ban motor bocor di jalan Molibagu' });
  });
});
