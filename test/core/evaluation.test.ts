import { describe, expect, it } from 'vitest';
import type { Excuse } from '../../functions/core/attendance';
import type { CheckinFacts, SesiAggregate } from '../../functions/core/evaluation';
import {
  aggregateOfficeDay,
  aggregateSesi,
  classifyAbsent,
  durationBucket,
  evaluate,
  minutesLate,
  monthsOf,
  namedPeriod,
  periodProblem,
  previousPeriod,
  quantile,
  readinessOfDay,
} from '../../functions/core/evaluation';
import { officeDate, officeTime } from '../../functions/core/office-attendance';

/** Hand-made data: a WFA OPD (4 ASN) and an exempt OPD (2 ASN) on Monday 30 and Tuesday 1 December 2026; apel pagi on time until 07:30 WITA. */

const onTime = (date: string) => new Date(`${date}T07:30:00+08:00`);
const sesi = (date: string, slot: 'pagi' | 'sore' = 'pagi') => ({ id: `${date}.${slot}`, date, slot, onTimeUntil: onTime(date) });
const staff = (...nips: string[]) => nips.map((nip) => ({ nip }));
const tap = (status: 'hadir' | 'terlambat', at: string, more: Partial<CheckinFacts> = {}): CheckinFacts => ({ status, at: new Date(`${at}+08:00`).toISOString(), ...more });
const excuse = (nip: string, jenis: Excuse['jenis'], dari: string, sampai = dari, ditarik: Excuse['ditarik'] = null): Excuse => ({
  id: `${sampai}_${nip}_00000000`, nip, opd: 'a', jenis, dari, sampai, catatan: '', oleh: 'x', at: '2026-11-30T00:00:00Z', ditarik,
});

describe('one aggregate per OPD and sesi', () => {
  it('counts on time, late (minutes from the first late minute), absent and what the phones measured', () => {
    const a = aggregateSesi({
      opd: 'a',
      sesi: sesi('2026-11-30'),
      wfa: true,
      staff: staff('1', '2', '3', '4'),
      checkins: new Map([
        ['1', tap('hadir', '2026-11-30T07:30:59', { laporan: 'rencana', jaringan: { ms: 840, ulang: 0 } })],
        ['2', tap('terlambat', '2026-11-30T07:31:00', { jaringan: { ms: 12_345, ulang: 2 } })],
        ['3', tap('terlambat', '2026-11-30T07:45:30')],
        ['9', tap('hadir', '2026-11-30T07:10:00')], // moved to another OPD: not counted here
      ]),
      excuses: [],
    });
    expect(a).toMatchObject({ expected: 4, hadir: 1, terlambat: 2, absen: ['4'], tanpaHadir: { TK: 1 }, telat: { 1: 1, 15: 1 }, laporan: 1, cek: null });
    expect(a.jaringan).toEqual({ diukur: 2, ms: { 900: 1, 13000: 1 }, denganUlang: 1, ulang: 2, luring: 0 });
  });

  it('counts an excused ASN who still checked in (late) as TL, and classifies the absent by their excuse', () => {
    const a = aggregateSesi({
      opd: 'a',
      sesi: sesi('2026-11-30'),
      wfa: true,
      staff: staff('1', '2', '3'),
      checkins: new Map([['1', tap('terlambat', '2026-11-30T07:40:00')]]),
      excuses: [excuse('1', 'sakit', '2026-11-30'), excuse('2', 'cuti', '2026-11-28', '2026-12-04'), excuse('3', 'izin', '2026-11-30', '2026-11-30', { oleh: 'x', at: 'y' })],
    });
    expect(a).toMatchObject({ hadir: 0, terlambat: 1, tanpaHadir: { TK: 1, cuti: 1, sakit: 0, izin: 0 } });
  });

  it('reclassifies the absent when an excuse arrives late (TK becomes S), and back when it is withdrawn', () => {
    expect(classifyAbsent(['2', '4'], [], '2026-11-30')).toMatchObject({ TK: 2, sakit: 0 });
    expect(classifyAbsent(['2', '4'], [excuse('4', 'sakit', '2026-11-30')], '2026-11-30')).toMatchObject({ TK: 1, sakit: 1 });
    expect(classifyAbsent(['2', '4'], [excuse('4', 'sakit', '2026-11-30', '2026-11-30', { oleh: 'x', at: 'y' })], '2026-11-30')).toMatchObject({ TK: 2, sakit: 0 });
  });

  it('adds the day\'s readiness checks to the sore aggregate: answers over checks × staff, minutes to answer', () => {
    const cek = readinessOfDay(
      [
        { mulai: '2026-11-30T02:00:00Z', answers: [{ at: '2026-11-30T02:00:40Z' }, { at: '2026-11-30T02:09:00Z' }] },
        { mulai: '2026-11-30T05:00:00Z', answers: [{ at: '2026-11-30T05:03:00Z' }] },
      ],
      4,
    );
    expect(cek).toEqual({ diadakan: 2, diminta: 8, dijawab: 3, menit: { 1: 1, 9: 1, 3: 1 } });
  });

  it('reads an office day from e-presensi: on time through the start minute, minutes late after it, absent without a time', () => {
    const a = aggregateOfficeDay({ opd: 'a', date: '2026-12-02', wfa: true, staff: staff('1', '2', '3'), masuk: new Map([['1', 0], ['2', 12]]), excuses: [excuse('3', 'dinas_luar', '2026-12-02')] });
    expect(a).toMatchObject({ slot: 'kantor', sesiId: '2026-12-02.kantor', hadir: 1, terlambat: 1, telat: { 12: 1 }, tanpaHadir: { TK: 0, dinas_luar: 1 } });
    expect(officeDate('2/12/2026')).toBe('2026-12-02');
    expect(officeDate('2026-12-02')).toBe('2026-12-02');
    expect(officeDate('31/02/2026')).toBeUndefined();
    expect(officeTime('07.42')).toBe(462);
    expect(officeTime('7:42:10')).toBe(462);
    expect(officeTime('')).toBeNull();
    expect(officeTime('25.00')).toBeUndefined();
  });
});

describe('quantiles from histograms', () => {
  it('gives the nearest-rank median and p90, exact after merging', () => {
    expect(quantile({}, 0.5)).toBeNull();
    expect(quantile({ 1: 1, 2: 1, 10: 2 }, 0.5)).toBe(2);
    expect(quantile({ 1: 1, 2: 1, 10: 2 }, 0.9)).toBe(10);
    expect(quantile({ 5: 9, 30: 1 }, 0.9)).toBe(5);
    expect(minutesLate(new Date('2026-11-30T07:31:59+08:00'), onTime('2026-11-30'))).toBe(1);
    expect(minutesLate(new Date('2026-11-30T07:32:00+08:00'), onTime('2026-11-30'))).toBe(2);
    expect([durationBucket(1), durationBucket(10_000), durationBucket(10_001), durationBucket(999_999)]).toEqual([100, 10_000, 11_000, 60_000]);
  });
});

describe('the evaluation of a period', () => {
  const agg = (over: Partial<SesiAggregate>): SesiAggregate => ({
    opd: 'a', sesiId: '2026-11-30.pagi', date: '2026-11-30', slot: 'pagi', wfa: true, demo: false, expected: 4, hadir: 3, terlambat: 1, absen: [],
    tanpaHadir: { TK: 0, izin: 0, sakit: 0, cuti: 0, dinas_luar: 0, tugas_belajar: 0 }, telat: { 5: 1 }, laporan: 2,
    nilai: { sesuai: 0, sebagian: 0, tidak_sesuai: 0 }, jaringan: { diukur: 0, ms: {}, denganUlang: 0, ulang: 0, luring: 0 }, cek: null, ...over,
  });
  const opds = [{ kode: 'a', wfa: true }, { kode: 'b', wfa: false }];
  const period = { dari: '2026-11-30', sampai: '2026-12-06' };

  it('compares WFA-eligible with exempt OPDs and with the previous period of the same length', () => {
    const e = evaluate(period, [
      agg({}),
      agg({ opd: 'b', wfa: false, expected: 2, hadir: 1, terlambat: 0, absen: ['x'], tanpaHadir: { TK: 1, izin: 0, sakit: 0, cuti: 0, dinas_luar: 0, tugas_belajar: 0 }, telat: {} }),
      agg({ sesiId: '2026-11-23.pagi', date: '2026-11-23', hadir: 2, terlambat: 0, absen: ['1', '2'], tanpaHadir: { TK: 1, izin: 0, sakit: 1, cuti: 0, dinas_luar: 0, tugas_belajar: 0 }, telat: {} }),
    ], opds);
    expect(e.sebelumnya).toEqual({ dari: '2026-11-23', sampai: '2026-11-29' });
    expect(e.kelompok.wfa.ini).toMatchObject({ kehadiran: 1, ketepatan: 0.75, telatMedian: 5, rencana: 0.5 });
    expect(e.kelompok.wfa.sebelum).toMatchObject({ kehadiran: 0.5, ketepatan: 1, kode: { TK: 1, S: 1 } });
    expect(e.kelompok.dikecualikan.ini).toMatchObject({ kehadiran: 0.5, tk: 0.5 });
    expect(e.kelompok.semua.ini).toMatchObject({ expected: 6, kehadiran: 5 / 6 });
    expect(e.mingguan).toEqual([{ minggu: '2026-11-30', wfa: { kehadiran: 1, ketepatan: 0.75 }, dikecualikan: { kehadiran: 0.5, ketepatan: 1 }, kantor: { kehadiran: null, ketepatan: null } }]);
  });

  it('has nothing for a holiday (no apel, no aggregate): no ratio divides by zero', () => {
    const e = evaluate({ dari: '2026-12-25', sampai: '2026-12-25' }, [], opds);
    expect(e.kelompok.semua.ini).toMatchObject({ sesi: 0, expected: 0, kehadiran: null, ketepatan: null, telatMedian: null });
    expect(e.demo).toBe(false);
  });

  it('counts a sesi the admin freed (disruption) as everyone on time and the absent as DB', () => {
    const e = evaluate(period, [agg({ absen: ['4'], hadir: 2, terlambat: 1, tanpaHadir: { TK: 1, izin: 0, sakit: 0, cuti: 0, dinas_luar: 0, tugas_belajar: 0 } })], opds, new Set(['2026-11-30.pagi']));
    expect(e.kelompok.wfa.ini).toMatchObject({ kode: { H: 3, TL: 0, TK: 0, DB: 1 }, ketepatan: 1, telatMedian: null });
  });

  it('never mixes demo data with real data: demo only when there is nothing real, and then it says so', () => {
    const demoOnly = evaluate(period, [agg({ demo: true })], opds);
    expect(demoOnly.demo).toBe(true);
    expect(demoOnly.kelompok.wfa.ini.expected).toBe(4);
    const mixed = evaluate(period, [agg({ demo: true }), agg({ sesiId: '2026-12-01.pagi', date: '2026-12-01', expected: 10, hadir: 5, terlambat: 0 })], opds);
    expect(mixed.demo).toBe(false);
    expect(mixed.kelompok.wfa.ini.expected).toBe(10);
  });

  it('keeps office days (e-presensi) beside the apel, not in it', () => {
    const e = evaluate(period, [agg({}), agg({ slot: 'kantor', sesiId: '2026-12-02.kantor', date: '2026-12-02', expected: 4, hadir: 4, terlambat: 0, telat: {} })], opds);
    expect(e.kelompok.wfa.ini.sesi).toBe(1);
    expect(e.kelompok.wfa.kantor).toMatchObject({ sesi: 1, hari: 1, kehadiran: 1, ketepatan: 1 });
    // Office days are days, not OPDs × days: two OPDs on one day is one office day.
    const two = evaluate(period, [agg({ slot: 'kantor', sesiId: '2026-12-02.kantor', date: '2026-12-02' }), agg({ opd: 'b', wfa: false, slot: 'kantor', sesiId: '2026-12-02.kantor', date: '2026-12-02' })], opds);
    expect(two.kelompok.semua.kantor).toMatchObject({ sesi: 2, hari: 1 });
  });

  it('splits the network by the kecamatan where the ASN of WFA OPDs live; exempt OPDs (at the office) and unknown kecamatan apart', () => {
    // Prepare: a WFA OPD whose staff live in two kecamatan (one unknown), an exempt OPD, and an
    // older aggregate written before the roster had kecamatan (all its staff count as unknown).
    const people = [{ nip: '1', kecamatan: 'Bolaang Uki' }, { nip: '2', kecamatan: 'Bolaang Uki' }, { nip: '3', kecamatan: 'Tomini' }, { nip: '4' }];
    const taps = new Map([
      ['1', tap('hadir', '2026-11-30T07:10:00', { jaringan: { ms: 400, ulang: 0 } })],
      ['2', tap('hadir', '2026-11-30T07:12:00', { jaringan: { ms: 800, ulang: 1 } })],
      ['3', tap('hadir', '2026-11-30T07:14:00', { jaringan: { ms: 4200, ulang: 0 }, luring: true })],
      ['4', tap('hadir', '2026-11-30T07:16:00', { jaringan: { ms: 1000, ulang: 0 } })],
    ]);
    const wfa = aggregateSesi({ opd: 'a', sesi: sesi('2026-11-30'), wfa: true, staff: people, checkins: taps, excuses: [] });
    const exempt = aggregateSesi({ opd: 'b', sesi: sesi('2026-11-30'), wfa: false, staff: people, checkins: taps, excuses: [] });
    const old = agg({ sesiId: '2026-11-23.pagi', date: '2026-11-23', hadir: 2, terlambat: 0, jaringan: { diukur: 2, ms: { 2000: 2 }, denganUlang: 0, ulang: 0, luring: 0 } });
    // Act
    const e = evaluate(period, [wfa, exempt, old], opds);
    // Assert
    // Kept compact: [check-ins, with a retry, luring, count per duration class ≤ 0,25 · 0,5 · 0,75 · 1 · 1,5 · 2 · 3 · 5 · 10 · 20 · 60 s].
    expect(wfa.jaringanKec).toEqual({
      'Bolaang Uki': [2, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      Tomini: [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
      '-': [1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(exempt.jaringanKec).toBeUndefined();
    expect(e.kecamatan).toEqual([
      // The median and p90 are the upper bounds of their classes (400 ms → ≤ 0,5 s; 800 ms → ≤ 1 s; 4.2 s → ≤ 5 s).
      { kecamatan: 'Bolaang Uki', ini: { presensi: 2, diukur: 2, medianMs: 500, p90Ms: 1000, denganUlang: 0.5, luring: 0 }, sebelum: expect.objectContaining({ presensi: 0, medianMs: null }) },
      { kecamatan: 'Tomini', ini: { presensi: 1, diukur: 1, medianMs: 5000, p90Ms: 5000, denganUlang: 0, luring: 1 }, sebelum: expect.objectContaining({ presensi: 0 }) },
      { kecamatan: null, ini: expect.objectContaining({ presensi: 1, medianMs: 1000 }), sebelum: { presensi: 2, diukur: 2, medianMs: 2000, p90Ms: 2000, denganUlang: 0, luring: 0 } },
    ]);
    // A roster without any kecamatan: nothing per kecamatan (the page says so).
    expect(evaluate(period, [agg({})], opds).kecamatan).toEqual([]);
  });

  it('names periods and refuses ones out of order or longer than a year', () => {
    expect(namedPeriod('2026-11')).toEqual({ dari: '2026-11-01', sampai: '2026-11-30' });
    expect(namedPeriod('2026-Q4')).toEqual({ dari: '2026-10-01', sampai: '2026-12-31' });
    expect(namedPeriod('2026-Q5')).toBeUndefined();
    expect(previousPeriod({ dari: '2026-10-01', sampai: '2026-12-31' })).toEqual({ dari: '2026-07-01', sampai: '2026-09-30' });
    expect(periodProblem({ dari: '2026-12-01', sampai: '2026-11-30' })).toMatch(/sebelum/);
    expect(periodProblem({ dari: '2025-11-29', sampai: '2026-11-30' })).toMatch(/satu tahun/);
    expect(periodProblem({ dari: '2025-11-30', sampai: '2026-11-30' })).toBeUndefined();
    expect(monthsOf({ dari: '2026-11-15', sampai: '2027-01-02' })).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
