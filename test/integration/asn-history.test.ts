import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as me } from '../../functions/handlers/me';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { openSesi } from '../../functions/store/sesi-store';
import { closeApel } from '../../functions/usecases/apel-session';
import { freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

// Monday 30 November 2026 and Tuesday 1 December (WITA = UTC+8): apel pagi 07:00–07:30–08:00.
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const [monPagi] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0]];
const [tuePagi] = plannedSesi('2026-12-01', config) as [ReturnType<typeof plannedSesi>[0]];
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const [head, staff, staff2] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0]];
let tokens: Map<string, string>;
const tok = (nip: string) => tokens.get(nip) as string;
const history = (nip: string, bulan?: string) => call(me, { path: `/api/me/riwayat${bulan ? `?bulan=${bulan}` : ''}`, token: tok(nip) });

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  vi.useFakeTimers({ toFake: ['Date'] });
  // Monday: staff late at 07:45:10, staff2 excused (sakit), the head on time; closed at 08:00.
  at('2026-11-29T23:00:00Z');
  await openSesi(monPagi, new Date());
  await call(opdApi, { method: 'POST', path: '/api/opd/setda/izin', token: tok(head.nip), body: { nip: staff2.nip, jenis: 'sakit', dari: '2026-11-30', sampai: '2026-11-30' } });
  at('2026-11-29T23:10:00Z');
  await call(checkin, { method: 'POST', path: '/api/checkins', token: tok(head.nip), body: { sesiId: monPagi.id } });
  at('2026-11-29T23:45:10Z');
  await call(checkin, { method: 'POST', path: '/api/checkins', token: tok(staff.nip), body: { sesiId: monPagi.id } });
  await closeApel('2026-11-30', 'pagi', new Date('2026-11-30T00:00:00Z'));
  // Tuesday: staff on time, staff2 absent; closed.
  at('2026-11-30T23:00:00Z');
  await openSesi(tuePagi, new Date());
  at('2026-11-30T23:20:00Z');
  await call(checkin, { method: 'POST', path: '/api/checkins', token: tok(staff.nip), body: { sesiId: tuePagi.id } });
  await closeApel('2026-12-01', 'pagi', new Date('2026-12-01T00:00:00Z'));
  at('2026-12-01T02:00:00Z'); // Tuesday 10:00 WITA
});

describe("the ASN's history of past months (GET /api/me/riwayat)", () => {
  it('lists each closed apel of the month with its code and minutes late, and totals per code', async () => {
    const res = await history(staff.nip, '2026-11');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      bulan: '2026-11',
      apel: [{ sesiId: monPagi.id, date: '2026-11-30', slot: 'pagi', label: 'Apel Pagi', kode: 'TL', menitTerlambat: 15 }],
      menitTerlambat: 15,
    });
    expect(res.body.jumlah).toMatchObject({ H: 0, TL: 1, TK: 0 });
  });

  it("gives the same codes and totals as the head's recap of the same month", async () => {
    const recap = await call(opdApi, { path: '/api/opd/setda/rekap?dari=2026-11-01&sampai=2026-11-30', token: tok(head.nip) });
    for (const person of [head, staff, staff2]) {
      const row = recap.body.asn.find((a: { nip: string }) => a.nip === person.nip);
      const mine = (await history(person.nip, '2026-11')).body;
      expect(mine.jumlah).toEqual(row.jumlah);
      expect(Object.fromEntries(mine.apel.map((a: { sesiId: string; kode: string }) => [a.sesiId, a.kode]))).toEqual(row.kode);
    }
    expect((await history(staff2.nip, '2026-11')).body.apel).toMatchObject([{ kode: 'S', menitTerlambat: null }]);
  });

  it('defaults to the current month in the regency zone and stops at today', async () => {
    const res = await history(staff2.nip);
    expect(res.body.bulan).toBe('2026-12');
    expect(res.body.apel).toMatchObject([{ sesiId: tuePagi.id, kode: 'TK' }]);
    expect((await history(staff.nip, '2027-01')).body.apel).toEqual([]);
  });

  it('refuses a malformed month with 400', async () => {
    const res = await history(staff.nip, '2026-13');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INPUT_TIDAK_VALID');
  });
});
