import type { Holiday } from './sesi';
import type { Checked, CsvRow } from './roster';
import { checkRows, field } from './roster';
import { isIsoDate } from './time';

/**
 * Rows of the yearly holiday list (the joint ministerial decree), in the format of
 * `libur-2026.csv`: tanggal,jenis,keterangan.
 */
export function checkHolidayRows(rows: readonly CsvRow[]): Checked<Holiday> {
  return checkRows(rows, readHoliday, (h) => h.date, (date) => `tanggal ${date} muncul lebih dari sekali`);
}

function readHoliday(row: CsvRow): Holiday | string {
  const date = field(row, 'tanggal');
  const jenis = field(row, 'jenis').toLowerCase().replace(/ /g, '_');
  const keterangan = field(row, 'keterangan');
  if (!isIsoDate(date)) return `tanggal "${date}" harus berformat YYYY-MM-DD`;
  if (jenis !== 'libur_nasional' && jenis !== 'cuti_bersama') {
    return `jenis harus libur_nasional atau cuti_bersama (tertulis "${jenis}")`;
  }
  if (keterangan.length === 0 || keterangan.length > 150) return 'keterangan harus 1–150 karakter';
  return { date, jenis, keterangan };
}
