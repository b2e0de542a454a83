import { beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as adminApi } from '../../functions/handlers/admin-api';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { issueLink } from '../../functions/store/link-store';
import { importAsns } from '../../functions/store/roster-store';
import { freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

const [head, staff] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0]];
let tokens: Map<string, string>;
let adminToken: string;

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T01:00:00Z'));
  const admin = { ...staff, nip: '198001012005011001', nama: 'Admin BKPSDM', role: 'admin' as const };
  await importAsns([admin]);
  adminToken = await issueLink(admin);
});

describe('the audit trail (GET /api/admin/audit)', () => {
  it('sends the names of the people its lines name: the actor and the ASN of the record', async () => {
    const body = { nip: staff.nip, jenis: 'sakit', dari: '2026-11-30', sampai: '2026-11-30' };
    expect((await call(opdApi, { method: 'POST', path: '/api/opd/setda/izin', token: tokens.get(head.nip)!, body })).status).toBe(201);

    const res = await call(adminApi, { path: '/api/admin/audit?bulan=2026-11', token: adminToken });

    expect(res.status).toBe(200);
    expect(res.body.audit.map((l: { action: string }) => l.action)).toContain('izin.catat');
    expect(res.body.nama).toMatchObject({ [head.nip]: head.nama, [staff.nip]: staff.nama });
  });

  it("files a change under the regency's month: 1 December 07:05 WITA (30 November in UTC) is in December", async () => {
    vi.setSystemTime(new Date('2026-11-30T23:05:00Z'));
    const body = { nip: staff.nip, jenis: 'izin', dari: '2026-12-01', sampai: '2026-12-01', catatan: 'Urusan keluarga' };
    expect((await call(opdApi, { method: 'POST', path: '/api/opd/setda/izin', token: tokens.get(head.nip)!, body })).status).toBe(201);
    const lines = async (bulan: string) =>
      (await call(adminApi, { path: `/api/admin/audit?bulan=${bulan}&aksi=izin.catat`, token: adminToken })).body.audit.map((l: { at: string }) => l.at);

    expect(await lines('2026-12')).toEqual(['2026-11-30T23:05:00.000Z']);
    expect(await lines('2026-11')).not.toContain('2026-11-30T23:05:00.000Z');
    // 30 November 23:59 WITA (15:59 UTC) stays in November.
    vi.setSystemTime(new Date('2026-11-30T15:59:00Z'));
    expect((await call(opdApi, { method: 'POST', path: '/api/opd/setda/izin', token: tokens.get(head.nip)!, body: { ...body, jenis: 'sakit' } })).status).toBe(201);
    expect(await lines('2026-11')).toContain('2026-11-30T15:59:00.000Z');
    expect(await lines('2026-12')).toEqual(['2026-11-30T23:05:00.000Z']);
  });
});
