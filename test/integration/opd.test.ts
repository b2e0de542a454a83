import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { plannedSesi } from '../../functions/core/sesi';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as me } from '../../functions/handlers/me';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { openSesi } from '../../functions/store/sesi-store';
import { closeApel } from '../../functions/usecases/apel-session';
import { allItems, freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

// Monday 30 November 2026 (WITA = UTC+8): apel pagi 07:00–07:30–08:00 = 23:00–23:30–00:00 UTC on the 29th.
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const [pagi, sore] = plannedSesi('2026-11-30', config) as [ReturnType<typeof plannedSesi>[0], ReturnType<typeof plannedSesi>[0]];
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const [head, staff, staff2, kominfo] = ASNS as [(typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0], (typeof ASNS)[0]];
let tokens: Map<string, string>;
const tok = (nip: string) => tokens.get(nip) as string;
const asHead = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call(opdApi, { method, path, token: tok(head.nip), body, ...(headers ? { headers } : {}) });
const roll = (sesi?: string) => asHead('GET', `/api/opd/setda/apel${sesi ? `?sesi=${sesi}` : ''}`);
const rowOf = (body: { rows: Array<{ nip: string }> }, nip: string) => body.rows.find((r) => r.nip === nip) as Record<string, any>;
const records = async () => (await allItems('records')).length;
const auditLines = () => allItems('audit');

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-11-29T23:00:00Z');
  await openSesi(pagi, new Date());
});
afterEach(() => at('2026-11-29T23:00:00Z'));

describe('live roll', () => {
  it('lists every expected ASN of the OPD as belum hadir when the apel opens, polling every few seconds', async () => {
    const res = await roll();
    expect(res.status).toBe(200);
    expect(res.body.sesi).toMatchObject({ id: pagi.id, state: 'dibuka' });
    expect(res.body.seragam).toBe('PDH khaki');
    expect(res.body.refreshSeconds).toBeGreaterThan(0);
    expect(res.body.rows.map((r: { nip: string }) => r.nip).sort()).toEqual([head.nip, staff.nip, staff2.nip].sort());
    expect(res.body.counts).toMatchObject({ expected: 3, belumHadir: 3, hadir: 0 });
    expect(res.body.hariIni.map((s: { id: string }) => s.id)).toEqual([pagi.id, sore.id]);
  });

  it('answers 304 while nothing changed, and the new roll once an ASN checks in with their plan and uniform', async () => {
    const first = await roll();
    const etag = String(first.headers.etag);
    at('2026-11-29T23:01:00Z');
    expect((await asHead('GET', '/api/opd/setda/apel', undefined, { 'if-none-match': etag })).status).toBe(304);

    at('2026-11-29T23:10:00Z');
    const checked = await call(checkin, {
      method: 'POST',
      path: '/api/checkins',
      token: tok(staff.nip),
      body: { sesiId: pagi.id, laporan: 'Menyusun laporan keuangan', seragam: true },
    });
    expect(checked.status).toBe(201);
    const after = await asHead('GET', '/api/opd/setda/apel', undefined, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(rowOf(after.body, staff.nip)).toMatchObject({
      status: 'hadir',
      kode: 'H',
      checkedInAt: '2026-11-29T23:10:00.000Z',
      laporan: 'Menyusun laporan keuangan',
      seragamDikonfirmasi: true,
    });
    expect(after.body.counts).toMatchObject({ hadir: 1, belumHadir: 2 });
  });

  it('refuses a malformed sesi parameter with 400', async () => {
    expect((await roll('kemarin')).status).toBe(400);
  });
});

describe('a repeat check-in when the plan is required', () => {
  it('returns the first tap from a second phone that sent no plan, instead of refusing it', async () => {
    const { checkIn, checkinCaller } = await import('../../functions/usecases/check-in');
    const { hashToken } = await import('../../functions/core/token');
    const caller = async (nip: string) => (await checkinCaller(hashToken(tok(nip)), pagi.id))!;
    at('2026-11-29T23:20:00Z');
    const first = await checkIn(await caller(staff.nip), pagi.id, new Date(), String, { laporanRule: () => 'wajib' });
    expect(first.repeat).toBe(true); // checked in earlier in this file, with a plan
    await expect(checkIn(await caller(staff2.nip), pagi.id, new Date(), String, { laporanRule: () => 'wajib' })).rejects.toThrow(/rencana kerja/);
  });
});

describe('excuses', () => {
  it('records sakit over a date range, shows it in the roll and the audit trail', async () => {
    const res = await asHead('POST', '/api/opd/setda/izin', {
      nip: staff2.nip,
      jenis: 'sakit',
      dari: '2026-11-30',
      sampai: '2026-12-01',
      catatan: 'Surat dokter menyusul',
    });
    expect(res.status).toBe(201);
    expect(res.body.izin).toMatchObject({ nip: staff2.nip, jenis: 'sakit', oleh: head.nip, ditarik: null });
    expect(rowOf((await roll()).body, staff2.nip)).toMatchObject({ status: 'sakit', kode: 'S', izin: { jenis: 'sakit' } });

    const line = (await auditLines()).find((l) => l.action === 'izin.catat');
    expect(line).toMatchObject({ actor: { nip: head.nip, role: 'pimpinan' }, opd: 'setda', after: { nip: staff2.nip, jenis: 'sakit' } });
    const listed = await asHead('GET', '/api/opd/setda/izin?dari=2026-11-01&sampai=2026-11-30');
    expect(listed.body.izin.map((e: { id: string }) => e.id)).toEqual([res.body.izin.id]);
  });

  it("shows the excuses of this week on the ASN's own page, and not once withdrawn", async () => {
    const res = await asHead('POST', '/api/opd/setda/izin', { nip: staff.nip, jenis: 'cuti', dari: '2026-11-27', sampai: '2026-11-30', catatan: 'Cuti tahunan' });
    const page = async () => (await call(me, { path: '/api/me', token: tok(staff.nip) })).body.izin;
    expect(await page()).toEqual([{ id: res.body.izin.id, jenis: 'cuti', dari: '2026-11-27', sampai: '2026-11-30', catatan: 'Cuti tahunan', oleh: head.nip, olehNama: head.nama }]);
    expect((await asHead('DELETE', `/api/opd/setda/izin/${res.body.izin.id}`)).status).toBe(200);
    expect(await page()).toEqual([]);
  });

  it.each([
    ['dates in the wrong order', { nip: '197702112007041002', jenis: 'izin', dari: '2026-12-02', sampai: '2026-12-01' }, 'TANGGAL_TIDAK_VALID'],
    ['an ASN of another OPD', { nip: '196610171993121005', jenis: 'izin', dari: '2026-12-01', sampai: '2026-12-01' }, 'ASN_BUKAN_OPD_INI'],
    ['an overlong note', { nip: '197702112007041002', jenis: 'izin', dari: '2026-12-01', sampai: '2026-12-01', catatan: 'x'.repeat(501) }, 'INPUT_TIDAK_VALID'],
    ['an unknown kind', { nip: '197702112007041002', jenis: 'liburan', dari: '2026-12-01', sampai: '2026-12-01' }, 'INPUT_TIDAK_VALID'],
    ['a malformed date', { nip: '197702112007041002', jenis: 'izin', dari: '2026-02-30', sampai: '2026-12-01' }, 'INPUT_TIDAK_VALID'],
  ])('refuses %s with 400 and writes nothing', async (_, body, code) => {
    const [beforeRecords, beforeAudit] = [await records(), (await auditLines()).length];
    const res = await asHead('POST', '/api/opd/setda/izin', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[a-z]/);
    expect([await records(), (await auditLines()).length]).toEqual([beforeRecords, beforeAudit]);
  });

  it('counts an excused ASN who checks in anyway as hadir', async () => {
    const excused = await asHead('POST', '/api/opd/setda/izin', { nip: head.nip, jenis: 'dinas_luar', dari: '2026-11-30', sampai: '2026-11-30' });
    expect(excused.status).toBe(201);
    at('2026-11-29T23:40:00Z');
    expect((await call(checkin, { method: 'POST', path: '/api/checkins', token: tok(head.nip), body: { sesiId: pagi.id } })).status).toBe(201);
    expect(rowOf((await roll()).body, head.nip)).toMatchObject({ status: 'terlambat', kode: 'TL' });
    // Withdrawn: kept, with who withdrew it, and audited with before and after.
    const withdrawn = await asHead('DELETE', `/api/opd/setda/izin/${excused.body.izin.id}`);
    expect(withdrawn.body.izin.ditarik).toMatchObject({ oleh: head.nip });
    expect((await asHead('DELETE', `/api/opd/setda/izin/${excused.body.izin.id}`)).status).toBe(409);
    const line = (await auditLines()).find((l) => l.action === 'izin.tarik');
    expect(line).toMatchObject({ before: { ditarik: null }, after: { ditarik: { oleh: head.nip } } });
    // Not an id the server makes: refused by its form before anything is read.
    expect((await asHead('DELETE', '/api/opd/setda/izin/bukan-id')).status).toBe(400);
  });
});

describe('uniform marks', () => {
  it('lets the head mark a check-in not compliant, and unmark it, each audited', async () => {
    const path = `/api/opd/setda/seragam/${pagi.id}/${staff.nip}`;
    const marked = await asHead('PUT', path, { patuh: false, catatan: 'Tidak memakai PDH' });
    expect(marked.status).toBe(200);
    expect(rowOf((await roll()).body, staff.nip).tidakPatuh).toMatchObject({ catatan: 'Tidak memakai PDH', oleh: head.nip });
    // The mark and its note reach the ASN's own page, beside their uniform confirmation.
    const mine = async () => (await call(me, { path: '/api/me', token: tok(staff.nip) })).body.today.find((s: { id: string }) => s.id === pagi.id);
    expect(await mine()).toMatchObject({ seragamDikonfirmasi: true, tidakPatuh: { catatan: 'Tidak memakai PDH', at: expect.any(String) } });
    expect((await asHead('PUT', path, { patuh: true })).body).toEqual({ tidakPatuh: null });
    expect((await mine()).tidakPatuh).toBeNull();
    expect(rowOf((await roll()).body, staff.nip).tidakPatuh).toBeNull();
    expect((await auditLines()).filter((l) => l.action === 'seragam.tandai')).toHaveLength(2);
  });

  it('refuses a mark without a note, or for someone who did not check in, writing nothing', async () => {
    const before = (await auditLines()).length;
    expect((await asHead('PUT', `/api/opd/setda/seragam/${pagi.id}/${staff.nip}`, { patuh: false })).status).toBe(400);
    expect((await asHead('PUT', `/api/opd/setda/seragam/${pagi.id}/${staff2.nip}`, { patuh: false, catatan: 'x' })).status).toBe(404);
    expect((await auditLines()).length).toBe(before);
    expect((await allItems('checkins')).some((c) => c.nip === staff2.nip)).toBe(false);
  });
});

describe('readiness checks', () => {
  it('reach the OPD staff, who answer once within the time; the head sees who answered', async () => {
    at('2026-11-30T01:00:00Z'); // 09:00 WITA
    const started = await asHead('POST', '/api/opd/setda/kesiapan', { menit: 15, pesan: 'Siap bekerja?' });
    expect(started.status).toBe(201);
    const cek = started.body.cek;
    expect((await asHead('POST', '/api/opd/setda/kesiapan', { menit: 15 })).body.error.code).toBe('CEK_MASIH_BERJALAN');

    const page = await call(me, { path: '/api/me', token: tok(staff.nip) });
    expect(page.body.kesiapan).toMatchObject({ id: cek.id, pesan: 'Siap bekerja?', dijawabPada: null });
    expect((await call(me, { path: '/api/me', token: tok(kominfo.nip) })).body.kesiapan).toBeNull();

    at('2026-11-30T01:03:00Z');
    const answered = await call(me, { method: 'POST', path: `/api/kesiapan/${cek.id}`, token: tok(staff.nip) });
    expect(answered).toMatchObject({ status: 201, body: { dijawabPada: '2026-11-30T01:03:00.000Z' } });
    expect((await call(me, { method: 'POST', path: `/api/kesiapan/${cek.id}`, token: tok(staff.nip) })).status).toBe(200);
    expect((await call(me, { method: 'POST', path: `/api/kesiapan/${cek.id}`, token: tok(kominfo.nip) })).status).toBe(404);

    const list = await asHead('GET', '/api/opd/setda/kesiapan');
    expect(list.body.cek[0]).toMatchObject({ id: cek.id, berjalan: true, jawaban: [{ nip: staff.nip, at: '2026-11-30T01:03:00.000Z' }] });
    // staff2 is on sick leave that day (recorded above): not expected to answer.
    expect(list.body.cek[0].belum.map((b: { nip: string }) => b.nip)).toEqual([head.nip]);

    at('2026-11-30T01:16:00Z');
    expect((await call(me, { method: 'POST', path: `/api/kesiapan/${cek.id}`, token: tok(staff2.nip) })).body.error.code).toBe('CEK_SUDAH_BERAKHIR');
  });

  it('takes answers only to a real check, not to any key of the OPD partition', async () => {
    at('2026-11-30T02:00:00Z');
    const started = await asHead('POST', '/api/opd/setda/kesiapan', { menit: 15 });
    expect(started.status).toBe(201);
    const before = await records();
    for (const id of ['BERJALAN', 'SETELAN', '2026-11-30']) {
      // Not a readiness check's id: refused by its form (400) before anything is read.
      expect((await call(me, { method: 'POST', path: `/api/kesiapan/${id}`, token: tok(staff.nip) })).status).toBe(400);
    }
    expect(await records()).toBe(before);
  });

  it('cannot start outside working hours of a WFA day', async () => {
    at('2026-12-02T01:00:00Z'); // Wednesday
    expect((await asHead('POST', '/api/opd/setda/kesiapan', { menit: 15 })).status).toBe(409);
    at('2026-11-30T10:00:00Z'); // 18:00 WITA
    expect((await asHead('POST', '/api/opd/setda/kesiapan', { menit: 15 })).status).toBe(409);
  });
});

describe('meeting links', () => {
  it("lets a head set the OPD's own link, which the staff then get", async () => {
    const set = await asHead('PUT', '/api/opd/setda/tautan-apel', { pagi: 'https://meet.google.com/abc-defg-hij' });
    expect(set.status).toBe(200);
    expect((await call(me, { path: '/api/me', token: tok(staff.nip) })).body.tautanApel).toEqual({
      pagi: 'https://meet.google.com/abc-defg-hij',
      sore: null,
    });
    expect((await asHead('GET', '/api/opd/setda/tautan-apel')).body).toEqual({
      tautanApel: { pagi: 'https://meet.google.com/abc-defg-hij', sore: null },
      bawaan: { pagi: null, sore: null },
    });
    expect((await asHead('PUT', '/api/opd/setda/tautan-apel', { pagi: 'http://insecure.example' })).status).toBe(400);
  });
});

describe('recaps after the close', () => {
  it('counts excused as excused and the rest absent, and later excuses still apply', async () => {
    const close = await closeApel('2026-11-30', 'pagi', new Date('2026-11-30T00:01:00Z'));
    expect(close.closed).toBe(true);
    at('2026-11-30T00:05:00Z');
    const closed = await roll(pagi.id);
    expect(closed.body.sesi.state).toBe('ditutup');
    expect(closed.body.refreshSeconds).toBeNull();
    expect(closed.body.counts).toMatchObject({ expected: 3, hadir: 1, terlambat: 1, sakit: 1, tidakHadir: 0 });

    const history = await asHead('GET', '/api/opd/setda/rekap?dari=2026-11-30&sampai=2026-11-30');
    expect(history.status).toBe(200);
    expect(history.body.sesi).toHaveLength(1);
    const codes = Object.fromEntries(history.body.asn.map((a: { nip: string; kode: Record<string, string> }) => [a.nip, a.kode[pagi.id]]));
    expect(codes).toEqual({ [head.nip]: 'TL', [staff.nip]: 'H', [staff2.nip]: 'S' });

    const csv = await asHead('GET', '/api/opd/setda/rekap.csv?dari=2026-11-30&sampai=2026-11-30');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.startsWith('\ufeff"NIP";"Nama";"Jabatan";"Sen 30-11 Pagi";"H";"TL";"TK";"I";"S";"C";"DL";"TB";"DB";"Alasan terlambat";"Luring (tanpa jaringan)"\r\n')).toBe(true);
    // The NIP as ="…" (Excel keeps its 18 digits), through the one CSV writer.
    expect(csv.text).toContain(`"=""${staff2.nip}""";"${staff2.nama}";"Pelaksana";"S";`);
  });

  it('does not list a planned apel that never opened, so nobody is absent from it', async () => {
    at('2026-11-30T09:00:00Z'); // 17:00 WITA: apel sore (never opened here) is over
    const res = await roll();
    expect(res.body.hariIni.map((s: { id: string }) => s.id)).toEqual([pagi.id]);
    expect(res.body.sesi.id).toBe(pagi.id);
  });

  it("follows the admin's calendar: an extra apel day on a Wednesday appears in the roll", async () => {
    at('2026-11-30T02:00:00Z');
    const { issueLink } = await import('../../functions/store/link-store');
    const { importAsns } = await import('../../functions/store/roster-store');
    const admin = { ...staff, nip: '198001012005011001', nama: 'Admin BKPSDM', role: 'admin' as const };
    await importAsns([admin]);
    const adminToken = await issueLink(admin);
    const { handler: adminApi } = await import('../../functions/handlers/admin-api');
    const extra = await call(adminApi, { method: 'PUT', path: '/api/admin/kalender/hari/2026-12-02', token: adminToken, body: { tambahan: { keterangan: 'Apel HUT Kabupaten' } } });
    expect(extra.status).toBe(200);
    at('2026-12-01T22:30:00Z'); // Wednesday 2 Dec, 06:30 WITA: apel pagi not open yet
    const res = await roll();
    expect(res.body.hariIni.map((s: { id: string }) => s.id)).toEqual(['2026-12-02.pagi', '2026-12-02.sore']);
    expect(res.body.sesi).toMatchObject({ id: '2026-12-02.pagi', state: 'terjadwal' });
  });

  it('refuses a reversed or too long range with 400', async () => {
    expect((await asHead('GET', '/api/opd/setda/rekap?dari=2026-12-01&sampai=2026-11-01')).status).toBe(400);
    expect((await asHead('GET', '/api/opd/setda/rekap?dari=2026-01-01&sampai=2026-12-01')).status).toBe(400);
    expect((await asHead('GET', '/api/opd/setda/rekap?dari=kemarin')).status).toBe(400);
  });
});
