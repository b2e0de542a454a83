import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Asn } from '../../functions/core/roster';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import { handler as adminApi } from '../../functions/handlers/admin-api';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { issueLink } from '../../functions/store/link-store';
import { importAsns } from '../../functions/store/roster-store';
import { openSesi } from '../../functions/store/sesi-store';
import { closeApel } from '../../functions/usecases/apel-session';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

/**
 * The evaluation on DynamoDB Local: the close writes one aggregate per OPD and sesi, the
 * page adds them up; a late excuse and a head's assessment update them; bad input is 400
 * with nothing written. Monday 30 November 2026, WITA (UTC+8).
 */

const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const [pagi, sore] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0], ReturnType<typeof plannedSesi>[0]];
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const [head, hendra, sofyan, zulkifli, fatimahDinkes] = ASNS as [Asn, Asn, Asn, Asn, Asn];
let tokens: Map<string, string>;
let adminToken: string;
const tok = (nip: string) => tokens.get(nip) as string;
const evaluation = (token: string, q: string) => call(opdApi, { path: `/api/opd/evaluasi?${q}`, token });
const tap = (nip: string, sesiId: string, extra: object = {}) => call(checkin, { method: 'POST', path: '/api/checkins', token: tok(nip), body: { sesiId, ...extra } });
const DAY = 'dari=2026-11-30&sampai=2026-11-30';

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  const admin: Asn = { ...hendra, nip: '198001012005011001', nama: 'Admin BKPSDM', role: 'admin' };
  // Where two of setda's staff live (the roster's kecamatan); nobody else's is known.
  await importAsns([admin, { ...hendra, kecamatan: 'Bolaang Uki' }, { ...sofyan, kecamatan: 'Tomini' }]);
  adminToken = await issueLink(admin);
  vi.useFakeTimers({ toFake: ['Date'] });

  // Apel pagi: Hendra on time with a plan, Sofyan 12 minutes late after a retry, Zulkifli on time; the head and Dinkes absent.
  at('2026-11-29T23:00:00Z');
  await openSesi(pagi, new Date());
  at('2026-11-29T23:10:00Z');
  expect((await tap(hendra.nip, pagi.id, { laporan: 'Menyusun laporan', jaringan: { ms: 850, ulang: 0 } })).status).toBe(201);
  at('2026-11-29T23:20:00Z');
  expect((await tap(zulkifli.nip, pagi.id, { jaringan: { ms: 2400 } })).status).toBe(201);
  at('2026-11-29T23:42:10Z');
  expect((await tap(sofyan.nip, pagi.id, { jaringan: { ms: 5100, ulang: 1 } })).status).toBe(201);
  at('2026-11-30T00:01:00Z');
  await closeApel('2026-11-30', 'pagi', new Date());

  // Apel sore: Hendra with an output.
  at('2026-11-30T07:50:00Z');
  await openSesi(sore, new Date());
  expect((await tap(hendra.nip, sore.id, { laporan: 'Laporan selesai' })).status).toBe(201);
  at('2026-11-30T08:31:00Z');
  await closeApel('2026-11-30', 'sore', new Date());
});

describe('the evaluation of a day', () => {
  it('adds up the close aggregates: attendance, punctuality, minutes late, TK, per group, and the network the phones measured', async () => {
    const res = await evaluation(adminToken, DAY);
    expect(res.status).toBe(200);
    expect(res.body.cakupan).toBe('kabupaten');
    expect(res.body.demo).toBe(false);
    const pagiOnly = res.body.kelompok;
    // 2 sesi × 6 ASN expected (the admin works in setda); 4 check-ins (3 pagi + 1 sore), 1 late.
    expect(pagiOnly.semua.ini).toMatchObject({ sesi: 6, expected: 12, kode: { H: 3, TL: 1, TK: 8 }, kehadiran: 1 / 3, ketepatan: 0.75, telatMedian: 12, telatP90: 12 });
    expect(pagiOnly.wfa.ini).toMatchObject({ expected: 10, kode: { H: 3, TL: 1 } });
    expect(pagiOnly.dikecualikan.ini).toMatchObject({ expected: 2, kehadiran: 0 });
    expect(pagiOnly.semua.ini).toMatchObject({ rencana: 1 / 3, hasil: 1, jaringanDiukur: 3, jaringanMedianMs: 2400, jaringanP90Ms: 5100, denganUlang: 0.25 });
    const setda = res.body.opd.find((o: { opd: string }) => o.opd === 'setda');
    expect(setda).toMatchObject({ nama: 'Sekretariat Daerah', wfa: true, ini: { expected: 8, kode: { H: 2, TL: 1, TK: 5 } } });
    expect(res.body.mingguan).toEqual([expect.objectContaining({ minggu: '2026-11-30' })]);
    // The network by where the ASN of WFA OPDs live, in duration classes: Hendra (pagi 850 ms → ≤ 1 s, sore
    // unmeasured), Sofyan (5.1 s after a retry → ≤ 10 s), Zulkifli unknown (2.4 s → ≤ 3 s).
    const net = (presensi: number, medianMs: number, denganUlang: number) => expect.objectContaining({ presensi, diukur: 1, medianMs, p90Ms: medianMs, denganUlang });
    expect(res.body.infrastruktur.perKecamatan).toEqual([
      { kecamatan: 'Bolaang Uki', ini: net(2, 1000, 0), sebelum: expect.objectContaining({ presensi: 0 }) },
      { kecamatan: 'Tomini', ini: net(1, 10_000, 1), sebelum: expect.objectContaining({ presensi: 0 }) },
      { kecamatan: null, ini: net(1, 3000, 0), sebelum: expect.objectContaining({ presensi: 0 }) },
    ]);
  });

  it('counts a late excuse: a sick note recorded the next day turns the head\'s TK into S', async () => {
    at('2026-12-01T01:00:00Z');
    const excuse = await call(opdApi, { method: 'POST', path: '/api/opd/setda/izin', token: tok(head.nip), body: { nip: head.nip, jenis: 'sakit', dari: '2026-11-30', sampai: '2026-11-30' } });
    expect(excuse.status).toBe(201);
    const setda = (await evaluation(adminToken, DAY)).body.opd.find((o: { opd: string }) => o.opd === 'setda');
    expect(setda.ini.kode).toMatchObject({ TK: 3, S: 2 });
    const withdrawn = await call(opdApi, { method: 'DELETE', path: `/api/opd/setda/izin/${excuse.body.izin.id}`, token: tok(head.nip) });
    expect(withdrawn.status).toBe(200);
    const again = (await evaluation(adminToken, DAY)).body.opd.find((o: { opd: string }) => o.opd === 'setda');
    expect(again.ini.kode).toMatchObject({ TK: 5, S: 0 });
  });

  it("counts the head's assessment of an output after the close, once, and audits it", async () => {
    at('2026-12-01T01:05:00Z');
    const path = `/api/opd/setda/penilaian/${sore.id}/${hendra.nip}`;
    const first = await call(opdApi, { method: 'PUT', path, token: tok(head.nip), body: { nilai: 'sesuai' } });
    expect(first.status).toBe(200);
    expect(first.body.penilaian).toMatchObject({ nilai: 'sesuai', oleh: head.nip });
    expect((await call(opdApi, { method: 'PUT', path, token: tok(head.nip), body: { nilai: 'sebagian' } })).status).toBe(200);
    const setda = (await evaluation(adminToken, DAY)).body.opd.find((o: { opd: string }) => o.opd === 'setda');
    expect(setda.ini.nilai).toEqual({ sesuai: 0, sebagian: 1, tidak_sesuai: 0 });
    expect(setda.ini.dinilai).toBe(1);
    const lines = (await allItems('audit')).filter((l) => l.action === 'penilaian.catat');
    expect(lines).toHaveLength(2);
    // Another OPD's head may not assess here, nor a pagi check-in.
    expect((await call(opdApi, { method: 'PUT', path: `/api/opd/setda/penilaian/${pagi.id}/${hendra.nip}`, token: tok(head.nip), body: { nilai: 'sesuai' } })).status).toBe(400);
    expect((await call(opdApi, { method: 'PUT', path, token: tok(head.nip), body: { nilai: 'bagus' } })).status).toBe(400);
  });
});

describe('access and bad input', () => {
  it("shows a head their own OPD only, and refuses another OPD's", async () => {
    const own = await evaluation(tok(head.nip), DAY);
    expect(own.status).toBe(200);
    expect(own.body.cakupan).toBe('opd');
    expect(own.body.opd.map((o: { opd: string }) => o.opd)).toEqual(['setda']);
    expect((await evaluation(tok(head.nip), `${DAY}&opd=diskominfo`)).status).toBe(403);
    expect((await evaluation(tok(hendra.nip), DAY)).status).toBe(403);
  });

  it.each([
    ['dates out of order', 'dari=2026-12-01&sampai=2026-11-01', 'TANGGAL_TIDAK_VALID'],
    ['a period longer than a year', 'dari=2025-01-01&sampai=2026-11-30', 'TANGGAL_TIDAK_VALID'],
    ['an impossible date', 'dari=2026-02-30&sampai=2026-03-01', 'TANGGAL_TIDAK_VALID'],
    ['an unknown OPD', `${DAY}&opd=dinas-tidak-ada`, 'OPD_TIDAK_ADA'],
    ['an unknown period name', 'periode=2026-13', 'PERIODE_TIDAK_VALID'],
  ])('answers 400 in Indonesian for %s', async (_what, q, code) => {
    const before = (await allItems('sessions')).length;
    const res = await evaluation(adminToken, q);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/tanggal|periode|OPD|hari/i);
    expect((await allItems('sessions')).length).toBe(before);
  });

  it('exports the same figures as CSV for Excel id-ID (semicolons, decimal comma)', async () => {
    const res = await call(opdApi, { path: `/api/opd/evaluasi.csv?${DAY}`, token: adminToken });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/csv/);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const setda = res.text.split('\r\n').find((l) => l.startsWith('"setda"'))!;
    expect(setda).toContain('"Sekretariat Daerah";"WFA";"2";"8";"2";"1";"5"');
    expect(setda).toContain('"37,5"');
  });
});

describe('office days from the e-presensi upload', () => {
  const csv = [
    'Data presensi kantor Desember 2026',
    'NIP;Nama;Tanggal;Jam Masuk;Jam Pulang',
    `${hendra.nip};Hendra;02/12/2026;07.25;16.02`,
    `${sofyan.nip};Sofyan;02/12/2026;07.48;16.10`,
    `${head.nip};Fatimah;02/12/2026;;`,
    `${zulkifli.nip};Zulkifli;02/12/2026;08:05:10;16:00`,
    '199999999999999999;Orang lain;02/12/2026;07.00;16.00',
    `${hendra.nip};Hendra;31/02/2026;07.00;16.00`,
  ].join('\r\n');

  it('previews without writing, then writes one aggregate per OPD and day, shown beside the WFA days', async () => {
    at('2026-12-02T09:00:00Z');
    const before = (await allItems('sessions')).length;
    const preview = await call(adminApi, { method: 'POST', path: '/api/admin/epresensi/pratinjau', token: adminToken, body: { csv } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ total: 6, valid: 4, kurang: [], kolom: { nip: 'NIP', tanggal: 'Tanggal', masuk: 'Jam Masuk', pulang: 'Jam Pulang' } });
    expect(preview.body.problems.map((p: { line: number }) => p.line)).toEqual([7, 8]);
    expect(preview.body.hari).toEqual([{ tanggal: '2026-12-02', opd: 2, hadir: 1, terlambat: 2 }]);
    expect((await allItems('sessions')).length).toBe(before);

    const done = await call(adminApi, { method: 'POST', path: '/api/admin/epresensi/impor', token: adminToken, body: { csv } });
    expect(done.status).toBe(200);
    expect(done.body.ditulis).toBe(2);
    const res = await evaluation(adminToken, 'dari=2026-11-30&sampai=2026-12-02');
    expect(res.body.kelompok.wfa.kantor).toMatchObject({ sesi: 2, expected: 5, kode: { H: 1, TL: 2, TK: 2 }, kehadiran: 0.6, ketepatan: 1 / 3, telatMedian: 18, telatP90: 35 });
    // The apel figures are unchanged by the office days.
    expect(res.body.kelompok.semua.ini.sesi).toBe(6);
  });

  it('refuses a file without the date column with a reason, and an admin-only route for a head', async () => {
    const bad = await call(adminApi, { method: 'POST', path: '/api/admin/epresensi/impor', token: adminToken, body: { csv: 'NIP;Jam Masuk\n197702112007041002;07.20\n' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('KOLOM_KURANG');
    expect((await call(adminApi, { method: 'POST', path: '/api/admin/epresensi/pratinjau', token: tok(head.nip), body: { csv } })).status).toBe(403);
  });
});
