import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as admin } from '../../functions/handlers/admin-api';
import { handler as apelClock } from '../../functions/handlers/apel-clock';
import { handler as checkin } from '../../functions/handlers/checkin';
import { handler as schedule } from '../../functions/handlers/schedule';
import { ADMIN, auditOf, seedWithAdmin } from '../support/admin';
import { listRecaps } from '../../functions/store/sesi-store';
import { allItems } from '../support/db';
import { call } from '../support/events';
import { ASNS } from '../support/roster';

/**
 * The calendar, disruptions, the overview and the audit trail from the admin console,
 * against DynamoDB Local, with the apel clock ticking at the minutes that matter.
 */

const at = (iso: string) => vi.setSystemTime(new Date(iso));
/** A WITA wall-clock time as an instant. */
const wita = (date: string, time: string) => `${date}T${time}:00+08:00`;

let tokens: Map<string, string>;
let adminToken: string;
const asAdmin = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call(admin, { method, path, token: adminToken, body, ...(headers ? { headers } : {}) });
const tick = () => apelClock({});
const checkIn = (i: number, sesiId: string) => call(checkin, { method: 'POST', path: '/api/checkins', token: tokens.get(ASNS[i]!.nip)!, body: { sesiId } });
const snapshot = async () => ({ calendar: await allItems('calendar'), sessions: await allItems('sessions'), audit: await allItems('audit') });

beforeAll(async () => {
  ({ tokens, adminToken } = await seedWithAdmin());
  vi.useFakeTimers({ toFake: ['Date'] });
});

describe('a day of apel, as the admin sees it', () => {
  it('shows every OPD of each sesi, polls with an ETag while an apel is open', async () => {
    at(wita('2026-11-30', '07:00'));
    expect(await tick()).toEqual({ opened: ['2026-11-30.pagi'], closed: [] });
    at(wita('2026-11-30', '07:10'));
    expect((await checkIn(0, '2026-11-30.pagi')).status).toBe(201); // setda
    at(wita('2026-11-30', '07:40'));
    expect((await checkIn(3, '2026-11-30.pagi')).status).toBe(201); // diskominfo, late

    const res = await asAdmin('GET', '/api/admin/ringkasan');

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ tanggal: '2026-11-30', zoneLabel: 'WITA', refreshSeconds: 15, libur: null, hariKhusus: null });
    expect(res.body.sesi.map((s: { id: string; state: string }) => [s.id, s.state])).toEqual([
      ['2026-11-30.pagi', 'dibuka'],
      ['2026-11-30.sore', 'terjadwal'],
    ]);
    const pagi = res.body.sesi[0];
    expect(pagi.total).toMatchObject({ expected: 6, hadir: 1, terlambat: 1, belumHadir: 4 });
    expect(Object.fromEntries(pagi.opd.map((o: { kode: string; wfa: boolean; counts: { expected: number } }) => [o.kode, [o.wfa, o.counts.expected]]))).toEqual({
      setda: [true, 4],
      diskominfo: [true, 1],
      dinkes: [false, 1],
    });

    const again = await asAdmin('GET', '/api/admin/ringkasan', undefined, { 'if-none-match': String(res.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    await checkIn(1, '2026-11-30.pagi');
    expect((await asAdmin('GET', '/api/admin/ringkasan', undefined, { 'if-none-match': String(res.headers.etag) })).status).toBe(200);
  });

  it('extends the open window after a disruption: check-ins still count, the clock closes late', async () => {
    at(wita('2026-11-30', '07:55'));
    const before = await snapshot();
    expect((await asAdmin('POST', '/api/admin/sesi/2026-11-30.pagi/gangguan', { mode: 'perpanjang', menit: 0, keterangan: 'x' })).status).toBe(400);
    expect((await asAdmin('POST', '/api/admin/sesi/2026-11-30.pagi/gangguan', { mode: 'tunda', keterangan: 'Jaringan' })).status).toBe(400);
    expect((await asAdmin('POST', '/api/admin/sesi/2026-12-02.pagi/gangguan', { mode: 'bebaskan', keterangan: 'Jaringan' })).body.error.code).toBe('SESI_TIDAK_ADA');
    expect(await snapshot()).toEqual(before);

    const res = await asAdmin('POST', '/api/admin/sesi/2026-11-30.pagi/gangguan', { mode: 'perpanjang', menit: 15, keterangan: 'Jaringan putus 07.40–07.55' });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.sesi).toMatchObject({ closesAt: '2026-11-30T00:15:00.000Z', gangguan: { mode: 'perpanjang', menit: 15, oleh: ADMIN.nip } });
    at(wita('2026-11-30', '08:05'));
    expect((await checkIn(2, '2026-11-30.pagi')).body.checkin).toMatchObject({ status: 'terlambat' });
    at(wita('2026-11-30', '08:01'));
    expect(await tick()).toEqual({ opened: [], closed: [] });
    at(wita('2026-11-30', '08:16'));
    expect(await tick()).toEqual({ opened: [], closed: ['2026-11-30.pagi'] });
    const [line] = await auditOf('sesi.gangguan');
    expect(line).toMatchObject({
      target: 'sesi:2026-11-30.pagi',
      before: { closesAt: '2026-11-30T00:00:00.000Z', gangguan: null },
      after: { closesAt: '2026-11-30T00:15:00.000Z', gangguan: { mode: 'perpanjang' } },
    });
  });

  it('frees everyone of a closed sesi: nobody is absent, and the overview says so', async () => {
    expect((await asAdmin('POST', '/api/admin/sesi/2026-11-30.pagi/gangguan', { mode: 'perpanjang', menit: 5, keterangan: 'Lagi' })).body.error.code).toBe(
      'SESI_SUDAH_DITUTUP',
    );

    const res = await asAdmin('POST', '/api/admin/sesi/2026-11-30.pagi/gangguan', { mode: 'bebaskan', keterangan: 'Server aplikasi mati' });

    expect(res.body.sesi.gangguan).toMatchObject({ mode: 'bebaskan', menit: 15 });
    const pagi = (await asAdmin('GET', '/api/admin/ringkasan?tanggal=2026-11-30')).body.sesi[0];
    expect(pagi).toMatchObject({ state: 'ditutup', gangguan: { mode: 'bebaskan' } });
    expect(pagi.total).toMatchObject({ expected: 6, tidakHadir: 0, terlambat: 0, dibebaskan: 2 });
    expect((await asAdmin('POST', '/api/admin/sesi/2026-11-30.pagi/gangguan', { mode: 'bebaskan', keterangan: 'Lagi' })).body.error.code).toBe(
      'SUDAH_DIBEBASKAN',
    );
  });
});

describe('the calendar', () => {
  it('cancels a slot that has not opened (the clock then opens nothing), but not one already opened', async () => {
    at(wita('2026-11-30', '09:00'));
    const before = await snapshot();
    expect((await asAdmin('PUT', '/api/admin/kalender/hari/2026-11-30', { batal: { pagi: 'Upacara' } })).body.error.code).toBe('SESI_SUDAH_DIBUKA');
    expect((await asAdmin('PUT', '/api/admin/kalender/hari/2026-11-23', { batal: { pagi: 'Upacara' } })).body.error.code).toBe('TANGGAL_LEWAT');
    expect((await asAdmin('PUT', '/api/admin/kalender/hari/2026-11-30', { batal: { sore: '' } })).status).toBe(400);
    expect(await snapshot()).toEqual(before);

    const res = await asAdmin('PUT', '/api/admin/kalender/hari/2026-11-30', { batal: { sore: 'Rapat paripurna DPRD' } });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rencana.map((p: { id: string }) => p.id)).toEqual(['2026-11-30.pagi']);
    at(wita('2026-11-30', '15:45'));
    // Nothing opens; the only close is pagi's final recap, made again with taps delivered late
    // (`luringSampaiMenit` after its 08:15 close, at the clock's first tick since then).
    expect(await tick()).toEqual({ opened: [], closed: ['2026-11-30.pagi'] });
    expect((await allItems('sessions')).find((i) => i.id === '2026-11-30.sore')).toBeUndefined();
    const [line] = await auditOf('kalender.hari');
    expect(line).toMatchObject({ target: 'hari:2026-11-30', after: { batal: { sore: 'Rapat paripurna DPRD' } } });
  });

  it('moves a date\'s apel sore to other times: the clock opens and closes it then', async () => {
    at(wita('2026-11-30', '16:00'));
    const waktu = { sore: { opens: '14:45', onTimeUntil: '15:00', closes: '15:30' } };
    expect((await asAdmin('PUT', '/api/admin/kalender/hari/2026-12-01', { waktu: { sore: { opens: '14:45', onTimeUntil: '15:40', closes: '15:30' } } })).status).toBe(400);

    const res = await asAdmin('PUT', '/api/admin/kalender/hari/2026-12-01', { waktu });

    expect(res.body.rencana.find((p: { slot: string }) => p.slot === 'sore')).toMatchObject({ opensAt: '2026-12-01T06:45:00.000Z', closesAt: '2026-12-01T07:30:00.000Z' });
    at(wita('2026-12-01', '14:45'));
    expect((await tick()).opened).toEqual(['2026-12-01.sore']);
    at(wita('2026-12-01', '15:31'));
    expect((await tick()).closed).toEqual(['2026-12-01.sore']);
  });

  it('adds an extra apel day on a Thursday: the schedule shows it and the clock opens both apel', async () => {
    at(wita('2026-12-01', '16:00'));
    await asAdmin('PUT', '/api/admin/kalender/hari/2026-12-03', { tambahan: { keterangan: 'Apel HUT Kabupaten' } });

    const coming = await call(schedule, { path: '/api/schedule', token: tokens.get(ASNS[1]!.nip)! });

    expect(coming.body.sesi.map((s: { id: string }) => s.id)).toContain('2026-12-03.pagi');
    at(wita('2026-12-03', '07:00'));
    expect((await tick()).opened).toEqual(['2026-12-03.pagi']);
    at(wita('2026-12-03', '15:45'));
    expect((await tick()).opened).toEqual(['2026-12-03.sore']);
    // Removing it now would change apel already opened.
    expect((await asAdmin('DELETE', '/api/admin/kalender/hari/2026-12-03')).body.error.code).toBe('SESI_SUDAH_DIBUKA');
  });

  it('adds, edits and deletes a holiday; a Monday that is a holiday opens nothing', async () => {
    at(wita('2026-12-04', '10:00'));
    expect((await asAdmin('PUT', '/api/admin/kalender/libur/2026-12-07', { jenis: 'libur', keterangan: 'x' })).status).toBe(400);
    const added = await asAdmin('PUT', '/api/admin/kalender/libur/2026-12-07', { jenis: 'cuti_bersama', keterangan: 'Contoh cuti bersama' });
    const edited = await asAdmin('PUT', '/api/admin/kalender/libur/2026-12-07', { jenis: 'libur_nasional', keterangan: 'Hari libur daerah' });

    expect(added.body.libur).toEqual({ date: '2026-12-07', jenis: 'cuti_bersama', keterangan: 'Contoh cuti bersama' });
    expect(edited.body.libur.jenis).toBe('libur_nasional');
    at(wita('2026-12-07', '07:00'));
    expect(await tick()).toEqual({ opened: [], closed: [] });

    at(wita('2026-12-07', '09:00'));
    const removed = await asAdmin('DELETE', '/api/admin/kalender/libur/2026-12-07');
    expect(removed.body.libur.keterangan).toBe('Hari libur daerah');
    expect((await asAdmin('DELETE', '/api/admin/kalender/libur/2026-12-07')).body.error.code).toBe('LIBUR_TIDAK_ADA');
    const befores = (await auditOf('kalender.libur')).map((a) => a.before ?? null);
    expect(befores).toHaveLength(2);
    expect(befores).toEqual(expect.arrayContaining([null, { date: '2026-12-07', jenis: 'cuti_bersama', keterangan: 'Contoh cuti bersama' }]));
    expect(await auditOf('kalender.libur.hapus')).toHaveLength(1);
  });

  it('loads next year\'s holiday CSV (valid rows in, bad ones reported), and again changes nothing', async () => {
    const csv = readFileSync(new URL('../fixtures/libur-2027.csv', import.meta.url), 'utf8');

    at(wita('2026-12-08', '10:00'));
    const first = await asAdmin('POST', '/api/admin/kalender/libur/impor', { csv });
    at(wita('2026-12-08', '10:01'));
    const second = await asAdmin('POST', '/api/admin/kalender/libur/impor', { csv });

    expect(first.body).toMatchObject({ added: 3, updated: 0, problems: [{ line: 5 }] });
    expect(second.body).toMatchObject({ added: 0, unchanged: 3 });
    const year = await asAdmin('GET', '/api/admin/kalender?tahun=2027');
    expect(year.body.libur.map((h: { date: string }) => h.date)).toEqual(['2027-01-01', '2027-02-06', '2027-02-08']);
    expect(year.body).toMatchObject({ wfaDays: ['senin', 'selasa'], slots: { pagi: { opens: '07:00' } } });
    expect((await asAdmin('GET', '/api/admin/kalender?tahun=2026')).body.hariKhusus.map((d: { date: string }) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-03',
    ]);
  });
});

describe('an OPD exempt from WFA from a date', () => {
  it('is exempt in the recaps and the overview from that date on, not before', async () => {
    const res = await asAdmin('PUT', '/api/admin/opd/diskominfo/wfa', { wfa: false, sejak: '2026-12-03' });
    expect(res.body.opd).toMatchObject({ wfa: false, wfaAwal: true });

    await tick(); // nothing due
    expect((await apelClock({ tutup: '2026-12-03.pagi' })).closed).toEqual(['2026-12-03.pagi']);

    expect((await listRecaps('2026-12-03.pagi')).find((r) => r.opd === 'diskominfo')).toMatchObject({ wfa: false });
    expect((await listRecaps('2026-11-30.pagi')).find((r) => r.opd === 'diskominfo')).toMatchObject({ wfa: true });
    const wfaOf = async (date: string) =>
      (await asAdmin('GET', `/api/admin/ringkasan?tanggal=${date}`)).body.sesi[0].opd.find((o: { kode: string }) => o.kode === 'diskominfo').wfa;
    expect(await wfaOf('2026-12-03')).toBe(false);
    expect(await wfaOf('2026-11-30')).toBe(true);
  });
});

describe('the audit trail', () => {
  it('is browsed a month at a time, newest first, filtered by action prefix and actor', async () => {
    const month = await asAdmin('GET', '/api/admin/audit?bulan=2026-12&aksi=kalender');
    const byActor = await asAdmin('GET', `/api/admin/audit?bulan=2026-11&aktor=${ADMIN.nip}`);

    expect(month.body.audit.map((a: { action: string }) => a.action)).toEqual([
      'kalender.impor',
      'kalender.impor',
      'kalender.libur.hapus',
      'kalender.libur',
      'kalender.libur',
      'kalender.hari', // 2026-12-03 as an extra day; the two settings made in November are not in December's list
    ]);
    expect(byActor.body.audit.length).toBeGreaterThan(0);
    expect(byActor.body.audit.every((a: { actor: { nip: string } }) => a.actor.nip === ADMIN.nip)).toBe(true);
    expect((await asAdmin('GET', '/api/admin/audit?bulan=2026-13')).status).toBe(400);
  });
});

describe('who may use it', () => {
  it.each([
    ['an ASN', 3],
    ['a head', 0],
  ])('refuses %s with 403 and writes nothing', async (_who, i) => {
    const token = tokens.get(ASNS[i]!.nip)!;
    const before = await snapshot();
    const requests = [
      ['GET', '/api/admin/ringkasan', undefined],
      ['GET', '/api/admin/audit', undefined],
      ['GET', '/api/admin/kalender', undefined],
      ['PUT', '/api/admin/kalender/hari/2026-12-14', { batal: { pagi: 'Acara daerah' } }],
      ['PUT', '/api/admin/kalender/libur/2026-12-14', { jenis: 'cuti_bersama', keterangan: 'Contoh' }],
      ['DELETE', '/api/admin/kalender/libur/2027-01-01', undefined],
      ['POST', '/api/admin/kalender/libur/impor', { csv: 'tanggal,jenis,keterangan\n2027-12-25,libur_nasional,Natal\n' }],
      ['POST', '/api/admin/sesi/2026-12-03.pagi/gangguan', { mode: 'bebaskan', keterangan: 'Coba coba' }],
    ] as const;

    for (const [method, path, body] of requests) {
      const res = await call(admin, { method, path, token, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });
});
