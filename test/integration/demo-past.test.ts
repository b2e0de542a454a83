import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../functions/core/config';
import { handler as me } from '../../functions/handlers/me';
import { handler as opdApi } from '../../functions/handlers/opd-api';
import { seedDemoPast } from '../../functions/local/demo-past';
import { freshTables } from '../support/db';
import { call } from '../support/events';
import { ASNS, seedRoster } from '../support/roster';

/**
 * `npm start`'s demo past (functions/local/demo-past.ts) as the ASN sees it (issue 14 point 2):
 * their history gives the codes and minutes late the head's TPP month gives, and this week's
 * apel on their page agree with their history. Wednesday 2 December 2026, 10:00 WITA.
 */
const config = parseConfig(JSON.parse(process.env.APEL_CONFIG!));
const setda = ASNS.filter((a) => a.opd === 'setda');
const head = setda.find((a) => a.role === 'pimpinan')!;
let tokens: Map<string, string>;
const asAsn = (nip: string, path: string) => call(me, { path, token: tokens.get(nip)! });

beforeAll(async () => {
  await freshTables();
  tokens = await seedRoster();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T02:00:00Z'));
  await seedDemoPast(config, new Date());
});

describe('the demo past on the ASN page', () => {
  it("gives each ASN the codes and minutes late of the head's TPP month", async () => {
    const tpp = await call(opdApi, { path: '/api/opd/setda/tpp?bulan=2026-11', token: tokens.get(head.nip)! });
    expect(tpp.status).toBe(200);
    let late = 0;
    for (const a of setda) {
      const row = tpp.body.asn.find((r: { nip: string }) => r.nip === a.nip);
      const history = (await asAsn(a.nip, '/api/me/riwayat?bulan=2026-11')).body;
      expect(history.jumlah, a.nama).toEqual(row.jumlah);
      expect(history.menitTerlambat, a.nama).toBe(row.menitTerlambat);
      late += row.jumlah.TL;
      for (const apel of history.apel) expect(apel.menitTerlambat === null, `${a.nama} ${apel.sesiId}`).toBe(apel.kode !== 'TL');
    }
    expect(late).toBeGreaterThan(0);
  });

  it("shows this week's closed apel with the status their history gives", async () => {
    const STATUS: Record<string, string> = { H: 'hadir', TL: 'terlambat', TK: 'tidak_hadir' };
    let compared = 0;
    for (const a of setda) {
      const page = (await asAsn(a.nip, '/api/me')).body;
      const history = new Map<string, string>();
      for (const bulan of ['2026-11', '2026-12']) for (const h of (await asAsn(a.nip, `/api/me/riwayat?bulan=${bulan}`)).body.apel) history.set(h.sesiId, h.kode);
      for (const s of page.week.filter((w: { state: string }) => w.state === 'ditutup')) {
        const kode = history.get(s.id);
        if (!kode || !STATUS[kode]) continue;
        expect(s.status, `${a.nama} ${s.id}`).toBe(STATUS[kode]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

type Row = { nip: string; kode: string; laporan: string | null; penilaian: { nilai: string; oleh: string } | null; luring: boolean; alasanTerlambat: string | null };

describe("the demo past's records behind the figures (issue 10)", () => {
  it("gives the head's past rolls the check-ins that the recaps and the evaluation count: plans, outputs, assessments, late reasons, taps kept on the phone", async () => {
    // Prepare: every apel day of the seeded past older than the last seven days (written last, with npm start in the background).
    const token = tokens.get(head.nip)!;
    const asHead = async (path: string) => (await call(opdApi, { path, token })).body;
    const days: string[] = [];
    for (let d = new Date('2026-10-07T00:00:00Z'); d < new Date('2026-11-25T00:00:00Z'); d = new Date(d.getTime() + 86_400_000)) {
      if ([1, 2].includes(d.getUTCDay())) days.push(d.toISOString().slice(0, 10));
    }
    const seen = { checkins: 0, plans: 0, assessed: 0, reasons: 0 };
    for (const day of days) {
      // Act: the evaluation of that day (its aggregates), its two rolls (check-ins) and its recap.
      const figures = (await asHead(`/api/opd/evaluasi?dari=${day}&sampai=${day}`)).kelompok.semua.ini;
      const [pagi, sore] = (await Promise.all(['pagi', 'sore'].map((slot) => asHead(`/api/opd/setda/apel?sesi=${day}.${slot}`)))) as { rows: Row[] }[] as [{ rows: Row[] }, { rows: Row[] }];
      const recap = await asHead(`/api/opd/setda/rekap?dari=${day}&sampai=${day}`);
      const present = (rows: Row[]) => rows.filter((r) => r.kode === 'H' || r.kode === 'TL');
      const rows = [...pagi.rows, ...sore.rows];
      // Assert: the same people present, late, with plans and outputs, assessed, kept on the phone.
      expect(figures.kode.H, day).toBe(rows.filter((r) => r.kode === 'H').length);
      expect(figures.kode.TL, day).toBe(rows.filter((r) => r.kode === 'TL').length);
      const share = (of: Row[]) => (present(of).length ? present(of).filter((r) => r.laporan).length / present(of).length : null);
      expect(figures.rencana, day).toBe(share(pagi.rows));
      expect(figures.hasil, day).toBe(share(sore.rows));
      const marks = sore.rows.flatMap((r) => (r.penilaian ? [r.penilaian] : []));
      expect(figures.nilai, day).toEqual(Object.fromEntries(['sesuai', 'sebagian', 'tidak_sesuai'].map((k) => [k, marks.filter((m) => m.nilai === k).length])));
      expect(marks.every((m) => m.oleh === head.nip), day).toBe(true);
      expect(figures.luring, day).toBe(rows.filter((r) => r.luring).length);
      expect(figures.jaringanDiukur, day).toBe(present(rows).length);
      // The late reasons on the rolls are the recap's.
      for (const r of rows.filter((x) => x.kode === 'TL' && x.alasanTerlambat)) {
        expect(Object.values(recap.asn.find((a: { nip: string }) => a.nip === r.nip).alasan), `${day} ${r.nip}`).toContain(r.alasanTerlambat);
        seen.reasons++;
      }
      seen.checkins += present(rows).length;
      seen.plans += rows.filter((r) => r.laporan).length;
      seen.assessed += marks.length;
    }
    expect(seen.checkins).toBeGreaterThan(60);
    expect(Math.min(seen.plans, seen.assessed, seen.reasons)).toBeGreaterThan(0);
  });

  it("lists the last seven days' readiness checks with the answers the evaluation counts", async () => {
    const token = tokens.get(head.nip)!;
    const checks = (await call(opdApi, { path: '/api/opd/setda/kesiapan', token })).body.cek as { mulai: string; jawaban: unknown[] }[];
    const figures = (await call(opdApi, { path: '/api/opd/evaluasi?dari=2026-11-25&sampai=2026-12-01', token })).body.kelompok.semua.ini;
    expect(checks.length).toBe(figures.cekDiadakan);
    expect(checks.length).toBeGreaterThan(0);
    const asked = checks.length * setda.length;
    expect(figures.cekJawab).toBe(asked ? checks.reduce((n, c) => n + c.jawaban.length, 0) / asked : null);
  });
});
