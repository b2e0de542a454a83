import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import type { Asn } from '../../functions/core/roster';
import { plannedSesi } from '../../functions/core/sesi';
import { MAX_RESPONSES_PER_MINUTE } from '../../functions/core/survey';
import { handler as adminApi } from '../../functions/handlers/admin-api';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { handler as survei } from '../../functions/handlers/survei';
import { db } from '../../functions/store/client';
import { issueLink } from '../../functions/store/link-store';
import { importAsns } from '../../functions/store/roster-store';
import { openSesi } from '../../functions/store/sesi-store';
import { closeApel } from '../../functions/usecases/apel-session';
import { surveyResults } from '../../functions/usecases/survey/results';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

// Monday 30 November 2026, WITA (UTC+8): a WFA day. Wednesday 2 December: an office day.
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const [pagi] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0]];
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const [head, staff, staff2] = ASNS as [Asn, Asn, Asn];
const admin: Asn = { ...staff, nip: '198001012005011001', nama: 'Admin BKPSDM', role: 'admin' };
let tokens: Map<string, string>;
let adminToken: string;

const all4 = { persyaratan: 4, prosedur: 4, waktu: 4, biaya: 4, produk: 4, kompetensi: 4, perilaku: 4, pengaduan: 4, sarana: 4 };
const all3 = { persyaratan: 3, prosedur: 3, waktu: 3, biaya: 3, produk: 3, kompetensi: 3, perilaku: 3, pengaduan: 3, sarana: 3 };
const device = (n: number) => `perangkat-uji-${String(n).padStart(6, '0')}`;
const answer = (opd: string, body: unknown) => call(survei, { method: 'POST', path: `/api/survei/${opd}`, body });
const surveyItems = async () => (await allItems('survey')).filter((i) => String(i.pk).startsWith('SKM#')).length;

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  await importAsns([admin]);
  adminToken = await issueLink(admin);
  vi.useFakeTimers({ toFake: ['Date'] });
});

describe('the public survey page (no link)', () => {
  it('shows the OPD, the nine elements of PermenPAN-RB 14/2017 and the 1–4 scale', async () => {
    const res = await call(survei, { path: '/api/survei/dinkes' });
    expect(res.status).toBe(200);
    expect(res.body.opd).toEqual({ kode: 'dinkes', nama: 'Dinas Kesehatan' });
    expect(res.body.unsur.map((u: { id: string }) => u.id)).toEqual(['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana']);
    expect(res.body.skala.map((s: { nilai: number }) => s.nilai)).toEqual([1, 2, 3, 4]);
  });

  it('records one answer in one DynamoDB request, and only one per device, OPD and day', async () => {
    at('2026-11-30T01:00:00Z'); // Monday 09:00 WITA
    const send = vi.spyOn(db, 'send');
    const first = await answer('dinkes', { perangkat: device(1), jawaban: all4, komentar: '  Pelayanan <b>cepat</b>, terima kasih 👍  ' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({ tercatat: true, tanggal: '2026-11-30' });
    expect(send).toHaveBeenCalledTimes(1);
    send.mockRestore();

    const again = await answer('dinkes', { perangkat: device(1), jawaban: all3 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SURVEI_SUDAH_DIISI');
    expect((await answer('dinkes', { perangkat: device(2), jawaban: all3 })).status).toBe(201);
    // The same device may answer for another OPD, and again the next day.
    expect((await answer('setda', { perangkat: device(1), jawaban: all3 })).status).toBe(201);
    at('2026-12-02T01:00:00Z'); // Wednesday: an office day
    expect((await answer('dinkes', { perangkat: device(1), jawaban: all3 })).status).toBe(201);
    expect(await surveyItems()).toBe(4);
    // No device id is stored, only its hash salted with the OPD and the day.
    expect(JSON.stringify(await allItems('survey'))).not.toContain(device(1));
  });

  it.each([
    ['an answer of 5', { perangkat: device(9), jawaban: { ...all4, waktu: 5 } }],
    ['an answer of 0', { perangkat: device(9), jawaban: { ...all4, biaya: 0 } }],
    ['an answer as text', { perangkat: device(9), jawaban: { ...all4, sarana: '4' } }],
    ['a missing element', { perangkat: device(9), jawaban: { ...all4, sarana: undefined } }],
    ['an element that is not one of the nine', { perangkat: device(9), jawaban: { ...all4, parkir: 4 } }],
    ['a comment over 500 characters', { perangkat: device(9), jawaban: all4, komentar: 'x'.repeat(501) }],
    ['a comment with a text-direction override', { perangkat: device(9), jawaban: all4, komentar: 'bagus \u202Eedoc' }],
    ['no device id', { jawaban: all4 }],
    ['a field that is personal data', { perangkat: device(9), jawaban: all4, nama: 'Budi' }],
  ])('refuses %s with 400 and an Indonesian message, writing nothing', async (_what, body) => {
    const before = await surveyItems();
    const res = await answer('dinkes', body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.message).toMatch(/harus|paling banyak|tidak|karakter/);
    expect(await surveyItems()).toBe(before);
  });

  it('refuses an unknown OPD with 400, writing nothing', async () => {
    const before = await surveyItems();
    const res = await answer('dinasx', { perangkat: device(9), jawaban: all4 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('OPD_TIDAK_DIKENAL');
    expect((await call(survei, { path: '/api/survei/dinasx' })).status).toBe(400);
    expect(await surveyItems()).toBe(before);
  });

  it(`takes at most ${MAX_RESPONSES_PER_MINUTE} answers per OPD per minute (429, Retry-After), then again the next minute`, async () => {
    at('2026-12-02T02:00:10Z');
    for (let i = 0; i < MAX_RESPONSES_PER_MINUTE; i++) expect((await answer('setda', { perangkat: device(100 + i), jawaban: all4 })).status).toBe(201);
    const over = await answer('setda', { perangkat: device(999), jawaban: all4 });
    expect(over.status).toBe(429);
    expect(over.headers['Retry-After']).toBe('60');
    // Another OPD is not held back.
    expect((await answer('diskominfo', { perangkat: device(999), jawaban: all4 })).status).toBe(201);
    at('2026-12-02T02:01:00Z');
    expect((await answer('setda', { perangkat: device(999), jawaban: all4 })).status).toBe(201);
  });
});

describe('survey results per OPD', () => {
  it('gives IKM and grade per OPD, WFA days beside office days, eligible beside exempt OPDs, and says when answers are too few', async () => {
    const r = await surveyResults([], '2026-11-01', '2026-12-31', config);
    const dinkes = r.opd.find((o) => o.kode === 'dinkes')!;
    expect(dinkes).toMatchObject({ wfa: false, semua: { jawaban: 3, cukup: false }, hariWfa: { jawaban: 2, ikm: 87.5, mutu: 'B' }, hariKantor: { jawaban: 1, ikm: 75, mutu: 'C' } });
    const setda = r.opd.find((o) => o.kode === 'setda')!;
    expect(setda).toMatchObject({ wfa: true, semua: { jawaban: 1 + MAX_RESPONSES_PER_MINUTE + 1, cukup: true }, hariWfa: { jawaban: 1, ikm: 75 } });
    expect(r.kelompok.dikecualikan.jawaban).toBe(3);
    expect(r.kelompok.wfa.jawaban).toBe(setda.semua.jawaban + 1);
    expect(r.minimumJawaban).toBe(30);
    await expect(surveyResults([], '2026-12-31', '2026-11-01', config)).rejects.toMatchObject({ code: 'TANGGAL_TIDAK_VALID' });
    await expect(surveyResults([], '2026-01-01', '2027-01-02', config)).rejects.toMatchObject({ code: 'TANGGAL_TIDAK_VALID' });
  });

  it("shows a head their OPD's results and comments as plain text, cleaned", async () => {
    const res = await call(opdApi, { path: '/api/opd/dinkes/survei?dari=2026-11-01&sampai=2026-12-31', token: adminToken });
    expect(res.status).toBe(200);
    expect(res.body.hasil.opd).toHaveLength(1);
    expect(res.body.komentar).toEqual([{ date: '2026-11-30', at: '2026-11-30T01:00:00.000Z', komentar: 'Pelayanan <b>cepat</b>, terima kasih 👍' }]);
    expect((await call(opdApi, { path: '/api/opd/setda/survei?dari=2026-12-31&sampai=2026-11-01', token: tokens.get(head.nip)! })).status).toBe(400);
  });
});

describe("npm start's demo past", () => {
  it('seeds answers on working days, more at the exempt (public-service) OPDs, with comments marked (contoh)', async () => {
    const { seedDemoSurvey } = await import('../../functions/local/demo-survey');
    const { OPDS } = await import('../support/roster');
    const n = await seedDemoSurvey(OPDS, '2026-10-05', '2026-10-30', config);
    const r = await surveyResults([], '2026-10-01', '2026-10-31', config);
    expect(r.contoh).toBe(true);
    expect(r.opd.reduce((s, o) => s + o.semua.jawaban, 0)).toBe(n);
    expect(r.kelompok.dikecualikan.jawaban).toBeGreaterThan(r.opd.find((o) => o.kode === 'setda')!.semua.jawaban);
    expect(r.opd.every((o) => o.semua.ikm === null || (o.semua.ikm >= 25 && o.semua.ikm <= 100))).toBe(true);
    const comments = await call(opdApi, { path: '/api/opd/dinkes/survei?dari=2026-10-01&sampai=2026-10-31', token: adminToken });
    expect(comments.body.komentar.every((k: { komentar: string }) => k.komentar.endsWith('(contoh)'))).toBe(true);
    // The real period's results say nothing of demo data.
    expect((await surveyResults([], '2026-11-01', '2026-12-31', config)).contoh).toBeUndefined();
  });
});

describe('Rekap TPP', () => {
  beforeAll(async () => {
    at('2026-11-29T23:00:00Z');
    await openSesi(pagi, new Date());
    at('2026-11-29T23:10:00Z'); // on time
    expect((await call(checkin, { method: 'POST', path: '/api/checkins', token: tokens.get(head.nip)!, body: { sesiId: pagi.id } })).status).toBe(201);
    at('2026-11-29T23:41:30Z'); // 07:41:30, 11 minutes late: TL1
    expect((await call(checkin, { method: 'POST', path: '/api/checkins', token: tokens.get(staff.nip)!, body: { sesiId: pagi.id } })).status).toBe(201);
    // staff2 does not come: TK
    await closeApel('2026-11-30', 'pagi', new Date('2026-11-30T00:01:00Z'));
    at('2026-12-02T03:00:00Z');
  });

  it("gives each ASN of an OPD the heads' recap codes, TL bands, minutes late and the deduction", async () => {
    const res = await call(opdApi, { path: '/api/opd/setda/tpp?bulan=2026-11', token: tokens.get(head.nip)! });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = Object.fromEntries(res.body.asn.map((a: { nip: string }) => [a.nip, a]));
    expect(rows[head.nip]).toMatchObject({ jumlah: { H: 1, TL: 0, TK: 0 }, potongan: 0 });
    expect(rows[staff.nip]).toMatchObject({ jumlah: { TL: 1 }, tl: { TL1: 1, TL2: 0 }, menitTerlambat: 11, potongan: 0.5 });
    expect(rows[staff2.nip]).toMatchObject({ jumlah: { TK: 1 }, potongan: 2 });
    // The admin of this file is on setda's roster too, absent: 0 + 0.5 + 2 + 2 over 4 ASN.
    expect(res.body.ringkasan).toMatchObject({ kode: 'setda', asn: 4, apel: 1, kenaPotongan: 3, rataPotongan: 1.13 });
    expect(res.body.aturan.dasar).toMatch(/Permentan 68\/2012/);

    // The same numbers as the heads' recaps of the same days.
    const recap = await call(opdApi, { path: '/api/opd/setda/rekap?dari=2026-11-01&sampai=2026-11-30', token: tokens.get(head.nip)! });
    for (const a of recap.body.asn) expect(rows[a.nip].jumlah, a.nama).toEqual(a.jumlah);
  });

  it('gives the admin the regency per OPD, and CSVs for Excel id-ID with the NIP as text', async () => {
    const res = await call(adminApi, { path: '/api/admin/tpp?bulan=2026-11', token: adminToken });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.opd.map((o: { kode: string }) => o.kode).sort()).toEqual(['dinkes', 'diskominfo', 'setda']);
    expect(res.body.total).toMatchObject({ asn: 6, jumlah: { H: 1, TL: 1, TK: 4 } });
    expect(res.body.asn).toBeUndefined();

    const csv = await call(adminApi, { path: '/api/admin/tpp.csv?bulan=2026-11', token: adminToken });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.startsWith('\ufeff"Bulan";"NIP";"Nama";"Jabatan";"Kode OPD";"OPD";"H";"TL";"TK";"I";"S";"C";"DL";"TB";"DB";"TL1";"TL2";"TL3";"TL4";"Menit terlambat";"Luring";"Potongan TPP (%)"\r\n')).toBe(true);
    expect(csv.text).toContain(`"2026-11";"=""${staff.nip}""";"${staff.nama}";"Pelaksana";"setda";"Sekretariat Daerah";"0";"1";"0";"0";"0";"0";"0";"0";"0";"1";"0";"0";"0";"11";"0";"0,5"\r\n`);
    const perOpd = await call(adminApi, { path: '/api/admin/tpp.csv?bulan=2026-11&isi=opd', token: adminToken });
    expect(perOpd.text).toContain('"2026-11";"setda";"Sekretariat Daerah";"WFA";"4";"1";"1";"1";"2";');
    expect(perOpd.text).toContain('"2026-11";"dinkes";"Dinas Kesehatan";"Dikecualikan";');
  });

  it('counts the check-ins delivered later (luring, issue 15) that still count as H or TL', async () => {
    // Monday 7 September 2026, apel pagi: the head's tap was kept on the phone and delivered after the window.
    const { closeSesi } = await import('../../functions/store/sesi-store');
    const { recapOpd } = await import('../../functions/core/recap');
    const [september] = plannedSesi('2026-09-07', config) as [ReturnType<typeof plannedSesi>[0]];
    await openSesi(september, september.opensAt);
    const setda = ASNS.filter((a) => a.opd === 'setda');
    const tap = new Date(september.opensAt.getTime() + 5 * 60_000).toISOString();
    await closeSesi(september.id, [recapOpd('setda', true, setda, new Map([[head.nip, { status: 'hadir' as const, at: tap, luring: true }]]))], september.closesAt);
    const res = await call(opdApi, { path: '/api/opd/setda/tpp?bulan=2026-09', token: tokens.get(head.nip)! });
    const row = res.body.asn.find((a: { nip: string }) => a.nip === head.nip);
    expect(row).toMatchObject({ jumlah: { H: 1 }, luring: 1, potongan: 0 });
    expect(res.body.ringkasan.luring).toBe(1);
  });

  it.each([['2026-13'], ['26-11'], ['2027-01']])('refuses the month %s with 400', async (bulan) => {
    const res = await call(adminApi, { path: `/api/admin/tpp?bulan=${bulan}`, token: adminToken });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BULAN_TIDAK_VALID');
    expect((await call(opdApi, { path: `/api/opd/setda/tpp.csv?bulan=${bulan}`, token: tokens.get(head.nip)! })).status).toBe(400);
  });
});
