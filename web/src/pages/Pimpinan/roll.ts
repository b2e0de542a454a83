/**
 * Pure helpers of the pimpinan page: how each status reads, which rows a search or a count
 * tile shows, dates of the forms.
 */
import type { AttendanceStatus, Code, Counts, ExcuseKind, RollRow } from '../../../../contract';

export type Tone = 'hadir' | 'terlambat' | 'belum' | 'absen' | 'izin' | 'jadwal';

export const EXCUSE_LABEL: Record<ExcuseKind, string> = {
  izin: 'Izin',
  sakit: 'Sakit',
  cuti: 'Cuti',
  dinas_luar: 'Dinas luar',
  tugas_belajar: 'Tugas belajar',
};

export const CODE_LABEL: Record<Code, string> = {
  H: 'Hadir',
  TL: 'Terlambat',
  TK: 'Tidak hadir (tanpa keterangan)',
  I: 'Izin',
  S: 'Sakit',
  C: 'Cuti',
  DL: 'Dinas luar',
  TB: 'Tugas belajar',
  DB: 'Dibebaskan',
};

export const CODES: Code[] = ['H', 'TL', 'TK', 'I', 'S', 'C', 'DL', 'TB', 'DB'];

/** The badge of a row's status. */
export function statusBadge(status: AttendanceStatus): { text: string; tone: Tone } {
  switch (status) {
    case 'hadir':
      return { text: 'Hadir', tone: 'hadir' };
    case 'terlambat':
      return { text: 'Terlambat', tone: 'terlambat' };
    case 'belum_hadir':
      return { text: 'Belum hadir', tone: 'belum' };
    case 'tidak_hadir':
      return { text: 'Tidak hadir', tone: 'absen' };
    case 'dibebaskan':
      return { text: 'Dibebaskan', tone: 'jadwal' };
    default:
      return { text: EXCUSE_LABEL[status] ?? status, tone: 'izin' };
  }
}

/** The count tiles, which also filter the list. `izin` groups every excuse kind. */
export type Group = 'hadir' | 'terlambat' | 'belum_hadir' | 'izin' | 'tidak_hadir' | 'dibebaskan';

export function groupOf(status: AttendanceStatus): Group {
  return status === 'hadir' || status === 'terlambat' || status === 'belum_hadir' || status === 'tidak_hadir' || status === 'dibebaskan'
    ? status
    : 'izin';
}

export function excusedCount(c: Counts): number {
  return c.izin + c.sakit + c.cuti + c.dinas_luar + c.tugas_belajar;
}

/** `I 1 · S 2` for the excuse kinds that occur. */
export function excusedBreakdown(c: Counts): string {
  const parts: [string, number][] = [
    ['I', c.izin],
    ['S', c.sakit],
    ['C', c.cuti],
    ['DL', c.dinas_luar],
    ['TB', c.tugas_belajar],
  ];
  return parts
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ');
}

/** Whether a row matches a search by name (any case, any part) or by NIP (digits, spaces ignored). */
export function matchesSearch(row: Pick<RollRow, 'nama' | 'nip'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const digits = q.replace(/\s+/g, '');
  if (/^\d+$/.test(digits)) return row.nip.includes(digits);
  return row.nama.toLowerCase().includes(q);
}

/** The calendar date `n` days after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week of `date`. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** Days from `dari` to `sampai`, both included. */
export function daySpan(dari: string, sampai: string): number {
  return Math.round((Date.parse(`${sampai}T12:00:00Z`) - Date.parse(`${dari}T12:00:00Z`)) / 86_400_000) + 1;
}
