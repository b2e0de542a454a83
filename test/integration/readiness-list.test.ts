import { beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

// Monday 30 November 2026 (a WFA day; working hours 07:00–16:30 WITA = 23:00–08:30 UTC the day before).
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const [head, staff, staff2] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0]];
let tokens: Map<string, string>;
const asHead = (method: string, path: string, body?: unknown) => call(opdApi, { method, path, token: tokens.get(head.nip)!, body });

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  vi.useFakeTimers({ toFake: ['Date'] });
});

describe("the heads' readiness checks (GET /api/opd/{opd}/kesiapan)", () => {
  it('says before "Mulai" why a check cannot start: outside working hours, or not a WFA day', async () => {
    at('2026-11-29T22:00:00Z'); // Monday 06:00 WITA
    expect((await asHead('GET', '/api/opd/setda/kesiapan')).body.tidakBisaMulai).toBe('Cek kesiapan hanya dapat berlangsung antara pukul 07.00 WITA dan 16.30 WITA.');
    at('2026-12-02T02:00:00Z'); // Wednesday 10:00 WITA
    expect((await asHead('GET', '/api/opd/setda/kesiapan')).body.tidakBisaMulai).toBe('Cek kesiapan hanya dapat dimulai pada hari WFA.');
    at('2026-11-30T01:00:00Z'); // Monday 09:00 WITA
    expect((await asHead('GET', '/api/opd/setda/kesiapan')).body.tidakBisaMulai).toBeNull();
  });

  it('lists who has not answered by name, leaving out staff on an excuse that day', async () => {
    at('2026-11-30T01:00:00Z');
    expect((await asHead('POST', '/api/opd/setda/izin', { nip: staff2.nip, jenis: 'cuti', dari: '2026-11-30', sampai: '2026-11-30' })).status).toBe(201);
    expect((await asHead('POST', '/api/opd/setda/kesiapan', { menit: 15 })).status).toBe(201);
    const [cek] = (await asHead('GET', '/api/opd/setda/kesiapan')).body.cek;
    expect(cek.belum.map((b: { nama: string }) => b.nama)).toEqual([head.nama, staff.nama]);
  });
});
