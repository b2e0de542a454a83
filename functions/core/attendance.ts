import type { CheckinStatus } from './checkin';
import type { IsoDate } from './time';

/**
 * Attendance of one ASN in one sesi, and the recap codes. The order of the rules:
 * a check-in always counts (even on an excused day); then an excuse covering the
 * date; then a disruption the admin declared that excuses everyone; then, once the
 * sesi is closed, absent (TK); before that, not yet present.
 */

export const EXCUSE_KINDS = ['izin', 'sakit', 'cuti', 'dinas_luar', 'tugas_belajar'] as const;
export type ExcuseKind = (typeof EXCUSE_KINDS)[number];

/** An excuse's id: its last day, the NIP and 8 random hex digits (store/excuse-store.ts makes it). */
export const EXCUSE_ID = /^(\d{4}-\d{2}-\d{2})_(\d{18})_([0-9a-f]{8})$/;

export function isExcuseId(id: string): boolean {
  return EXCUSE_ID.test(id);
}

export const EXCUSE_LABELS: Record<ExcuseKind, string> = {
  izin: 'Izin',
  sakit: 'Sakit',
  cuti: 'Cuti',
  dinas_luar: 'Dinas luar',
  tugas_belajar: 'Tugas belajar',
};

export type AttendanceStatus = CheckinStatus | 'belum_hadir' | 'tidak_hadir' | 'dibebaskan' | ExcuseKind;

export const CODES = ['H', 'TL', 'TK', 'I', 'S', 'C', 'DL', 'TB', 'DB'] as const;
export type Code = (typeof CODES)[number];

const CODE_OF: Record<Exclude<AttendanceStatus, 'belum_hadir'>, Code> = {
  hadir: 'H',
  terlambat: 'TL',
  tidak_hadir: 'TK',
  izin: 'I',
  sakit: 'S',
  cuti: 'C',
  dinas_luar: 'DL',
  tugas_belajar: 'TB',
  dibebaskan: 'DB',
};

export function codeOf(status: AttendanceStatus): Code | null {
  return status === 'belum_hadir' ? null : CODE_OF[status];
}

export interface Excuse {
  id: string;
  nip: string;
  opd: string;
  jenis: ExcuseKind;
  dari: IsoDate;
  sampai: IsoDate;
  catatan: string;
  oleh: string;
  at: string;
  ditarik: { oleh: string; at: string } | null;
}

/** A disruption the admin declared for a sesi (issue: network down…). */
export interface Disruption {
  mode: 'perpanjang' | 'bebaskan';
  keterangan: string;
}

/** The excuse that covers an ASN on a date: not withdrawn, date within [dari, sampai]. */
export function excuseOn(excuses: readonly Excuse[], nip: string, date: IsoDate): Excuse | undefined {
  return excuses.find((e) => e.nip === nip && e.ditarik === null && e.dari <= date && date <= e.sampai);
}

export function attendanceStatus(a: {
  checkin?: CheckinStatus | undefined;
  excuse?: Excuse | undefined;
  closed: boolean;
  disruption?: Disruption | null | undefined;
}): AttendanceStatus {
  const forgiven = a.disruption?.mode === 'bebaskan';
  if (a.checkin) return forgiven ? 'hadir' : a.checkin;
  if (a.excuse) return a.excuse.jenis;
  if (forgiven) return 'dibebaskan';
  return a.closed ? 'tidak_hadir' : 'belum_hadir';
}

export type Counts = { expected: number; hadir: number; terlambat: number; belumHadir: number; tidakHadir: number; dibebaskan: number } & Record<ExcuseKind, number>;

export function emptyCounts(): Counts {
  return { expected: 0, hadir: 0, terlambat: 0, belumHadir: 0, tidakHadir: 0, dibebaskan: 0, izin: 0, sakit: 0, cuti: 0, dinas_luar: 0, tugas_belajar: 0 };
}

export function tally(statuses: Iterable<AttendanceStatus>): Counts {
  const counts = emptyCounts();
  for (const s of statuses) {
    counts.expected++;
    if (s === 'belum_hadir') counts.belumHadir++;
    else if (s === 'tidak_hadir') counts.tidakHadir++;
    else counts[s]++;
  }
  return counts;
}

export function codeTotals(codes: Iterable<Code | null>): Record<Code, number> {
  const totals = Object.fromEntries(CODES.map((c) => [c, 0])) as Record<Code, number>;
  for (const c of codes) if (c) totals[c]++;
  return totals;
}
