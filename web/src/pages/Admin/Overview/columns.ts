import type { Counts } from '../../../../../contract';
import { angka } from '../../../lib/number';

export type SortColumn = 'nama' | keyof Counts | 'persen';

/** Numeric columns of the overview, in order; `whileOpen` only while the sesi is open. */
export const COUNT_COLUMNS: { key: keyof Counts; label: string; title: string; tone?: string; whileOpen?: boolean }[] = [
  { key: 'expected', label: 'Jumlah', title: 'Jumlah ASN aktif yang diharapkan mengikuti apel' },
  { key: 'hadir', label: 'Hadir', title: 'Presensi tepat waktu', tone: 'ok' },
  { key: 'terlambat', label: 'Terlambat', title: 'Presensi sesudah batas tepat waktu', tone: 'late' },
  { key: 'izin', label: 'Izin', title: 'Izin' },
  { key: 'sakit', label: 'Sakit', title: 'Sakit' },
  { key: 'cuti', label: 'Cuti', title: 'Cuti' },
  { key: 'dinas_luar', label: 'DL', title: 'Dinas luar' },
  { key: 'tugas_belajar', label: 'TB', title: 'Tugas belajar' },
  { key: 'dibebaskan', label: 'Dibebaskan', title: 'Dibebaskan karena gangguan yang dinyatakan admin' },
  { key: 'belumHadir', label: 'Belum', title: 'Belum presensi, apel masih dibuka', whileOpen: true },
  { key: 'tidakHadir', label: 'Tidak hadir', title: 'Tidak hadir tanpa keterangan (TK)', tone: 'bad' },
];

/** Attendance as a share of those expected: on time and late both count as present. */
export function persen(c: Counts): number {
  return c.expected > 0 ? Math.round(((c.hadir + c.terlambat) / c.expected) * 1000) / 10 : 0;
}

export function formatPersen(n: number): string {
  return `${angka(n, 1)}%`;
}
