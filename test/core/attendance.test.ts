import { describe, expect, it } from 'vitest';
import type { AttendanceStatus, Excuse } from '../../functions/core/attendance';
import { attendanceStatus, codeOf, codeTotals, excuseOn, tally } from '../../functions/core/attendance';
import { reportFor } from '../../functions/core/checkin';
import { parseConfig } from '../../functions/core/config';
import { planReadinessCheck } from '../../functions/core/readiness';
import { plannedSesi } from '../../functions/core/sesi';
import { addDays } from '../../functions/core/time';
import { recapsCsv, sesiColumn } from '../../functions/usecases/opd/recaps';
import { excuseRangeProblem } from '../../functions/usecases/opd/excuses';

const config = parseConfig({ regency: 'Kabupaten Bolaang Mongondow Selatan' });

const excuse = (over: Partial<Excuse> = {}): Excuse => ({
  id: 'x',
  nip: 'a',
  opd: 'setda',
  jenis: 'sakit',
  dari: '2026-11-27',
  sampai: '2026-12-01',
  catatan: '',
  oleh: 'h',
  at: '',
  ditarik: null,
  ...over,
});

describe('attendance of one ASN in one sesi', () => {
  it('counts a check-in even on an excused day', () => {
    expect(attendanceStatus({ checkin: 'terlambat', excuse: excuse(), closed: true })).toBe('terlambat');
  });

  it('shows the excuse instead of absence, and absence only once the sesi is closed', () => {
    expect(attendanceStatus({ excuse: excuse({ jenis: 'dinas_luar' }), closed: true })).toBe('dinas_luar');
    expect(attendanceStatus({ closed: false })).toBe('belum_hadir');
    expect(attendanceStatus({ closed: true })).toBe('tidak_hadir');
  });

  it('under a disruption that excuses everyone, marks nobody late or absent', () => {
    const disruption = { mode: 'bebaskan' as const, keterangan: 'jaringan putus' };
    expect(attendanceStatus({ checkin: 'terlambat', closed: true, disruption })).toBe('hadir');
    expect(attendanceStatus({ closed: true, disruption })).toBe('dibebaskan');
    expect(attendanceStatus({ closed: true, disruption: { mode: 'perpanjang', keterangan: '' } })).toBe('tidak_hadir');
  });

  it('finds the excuse covering a date, ignoring withdrawn ones and other ASN', () => {
    const list = [excuse({ id: 'w', ditarik: { oleh: 'h', at: '' } }), excuse({ id: 'b', nip: 'b' }), excuse({ id: 'ok' })];
    expect(excuseOn(list, 'a', '2026-11-30')?.id).toBe('ok');
    expect(excuseOn(list, 'a', '2026-12-01')?.id).toBe('ok');
    expect(excuseOn(list, 'a', '2026-12-02')).toBeUndefined();
    expect(excuseOn(list, 'a', '2026-11-26')).toBeUndefined();
  });

  it('applies an excuse spanning a holiday only to the apel that took place', () => {
    // Fri 27 Nov – Tue 1 Dec, with Monday 30 Nov a holiday: only Tuesday's two apel count.
    const holiday = { date: '2026-11-30', jenis: 'libur_nasional' as const, keterangan: 'uji' };
    const statuses: AttendanceStatus[] = [];
    for (let d = '2026-11-27'; d <= '2026-12-01'; d = addDays(d, 1)) {
      for (const s of plannedSesi(d, config, d === holiday.date ? holiday : undefined)) {
        statuses.push(attendanceStatus({ excuse: excuseOn([excuse()], 'a', s.date), closed: true }));
      }
    }
    expect(statuses).toEqual(['sakit', 'sakit']);
    expect(tally(statuses)).toMatchObject({ expected: 2, sakit: 2, tidakHadir: 0 });
  });

  it('maps statuses to the recap codes and totals them', () => {
    expect(['hadir', 'terlambat', 'tidak_hadir', 'izin', 'sakit', 'cuti', 'dinas_luar', 'tugas_belajar', 'dibebaskan'].map((s) => codeOf(s as never))).toEqual(
      ['H', 'TL', 'TK', 'I', 'S', 'C', 'DL', 'TB', 'DB'],
    );
    expect(codeOf('belum_hadir')).toBeNull();
    expect(codeTotals(['H', 'H', 'TK', null])).toMatchObject({ H: 2, TK: 1, TL: 0 });
    expect(tally(['hadir', 'belum_hadir', 'izin', 'tidak_hadir'])).toMatchObject({ expected: 4, hadir: 1, belumHadir: 1, izin: 1, tidakHadir: 1 });
  });
});

describe('excuse dates', () => {
  it('refuses a range in the wrong order or longer than a year', () => {
    expect(excuseRangeProblem('2026-12-02', '2026-12-01')).toMatch(/tidak boleh sebelum/);
    expect(excuseRangeProblem('2026-01-01', '2027-01-02')).toMatch(/366 hari/);
    expect(excuseRangeProblem('2026-12-01', '2026-12-01')).toBeUndefined();
  });
});

describe('work plan and output at check-in', () => {
  it('is required only where the config says so, never at the demo apel', () => {
    expect(() => reportFor('pagi', '  ', 'wajib')).toThrow(/rencana kerja/);
    expect(() => reportFor('sore', undefined, 'wajib')).toThrow(/hasil kerja/);
    expect(reportFor('demo', undefined, 'wajib')).toBeUndefined();
    expect(reportFor('pagi', '  Menyusun   laporan ', 'opsional')).toBe('Menyusun laporan');
    expect(reportFor('pagi', 'diabaikan', 'tidak')).toBeUndefined();
  });
});

describe('readiness checks', () => {
  // Monday 30 Nov 2026, WITA = UTC+8; working hours 07:00–16:30.
  it('run only within working hours of a WFA day, for 5–120 minutes', () => {
    expect(planReadinessCheck(new Date('2026-11-30T01:00:00Z'), 15, config, undefined)).toEqual({
      mulai: '2026-11-30T01:00:00.000Z',
      batas: '2026-11-30T01:15:00.000Z',
    });
    expect(() => planReadinessCheck(new Date('2026-11-29T22:00:00Z'), 15, config, undefined)).toThrow(/antara pukul 07\.00 WITA dan 16\.30 WITA\./);
    expect(() => planReadinessCheck(new Date('2026-11-30T08:20:00Z'), 15, config, undefined)).toThrow(/antara pukul/);
    expect(() => planReadinessCheck(new Date('2026-12-02T01:00:00Z'), 15, config, undefined)).toThrow(/hari WFA/);
    expect(() => planReadinessCheck(new Date('2026-11-30T01:00:00Z'), 15, config, { date: '2026-11-30', jenis: 'cuti_bersama', keterangan: '' })).toThrow(/hari WFA/);
    expect(() => planReadinessCheck(new Date('2026-11-30T01:00:00Z'), 4, config, undefined)).toThrow(/5–120/);
  });
});

describe('the recap spreadsheet', () => {
  it('is UTF-8 with a BOM, ;-separated with CRLF, with readable column titles', () => {
    const csv = recapsCsv({
      opd: { kode: 'setda', nama: 'Sekretariat Daerah', wfa: true },
      dari: '2026-11-30',
      sampai: '2026-11-30',
      sesi: [{ id: '2026-11-30.pagi', date: '2026-11-30', slot: 'pagi', label: 'Apel Pagi', gangguan: null, counts: tally([]) }],
      asn: [
        { nip: '199004152025012011', nama: 'Sofyan Bonde; S.Pd', jabatan: 'Kepala', kode: { '2026-11-30.pagi': 'S' }, jumlah: codeTotals(['S']), alasan: {} },
        { nip: '199104152025012012', nama: 'Rina Mokoagow', jabatan: 'Staf', kode: { '2026-11-30.pagi': 'TL' }, jumlah: codeTotals(['TL']), alasan: { '2026-11-30.pagi': 'Ban motor bocor' } },
      ],
    });
    expect(csv.startsWith('\ufeff"NIP";"Nama";"Jabatan";"Sen 30-11 Pagi";"H";"TL";"TK";"I";"S";"C";"DL";"TB";"DB";"Alasan terlambat";"Luring (tanpa jaringan)"\r\n')).toBe(true);
    // The one CSV writer: the NIP as ="…" so that Excel keeps its 18 digits, every field quoted.
    expect(csv).toContain('"=""199004152025012011""";"Sofyan Bonde; S.Pd";"Kepala";"S";"0";"0";"0";"0";"1";"0";"0";"0";"0";"";""\r\n');
    // A late ASN's reason, after the title of its sesi.
    expect(csv).toContain('"Rina Mokoagow";"Staf";"TL";"0";"1";"0";"0";"0";"0";"0";"0";"0";"Sen 30-11 Pagi: Ban motor bocor";""\r\n');
    expect(sesiColumn({ date: '2026-12-01', slot: 'sore' })).toBe('Sel 01-12 Sore');
  });
});
