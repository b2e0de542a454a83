import type { Holiday } from './sesi';
import type { Checked, CsvRow, RowProblem } from './roster';
import { isIsoDate } from './time';

/**
 * Rows of the yearly holiday list (the joint ministerial decree), in the format of
 * `libur-2026.csv`: tanggal,jenis,keterangan.
 */
export function checkHolidayRows(rows: readonly CsvRow[]): Checked<Holiday> {
  const valid: Holiday[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const date = (row.fields.tanggal ?? '').trim();
    const jenis = (row.fields.jenis ?? '').trim().toLowerCase().replace(/\s+/g, '_');
    const keterangan = (row.fields.keterangan ?? '').trim();
    const reason = !isIsoDate(date)
      ? `tanggal "${date}" harus berformat YYYY-MM-DD`
      : jenis !== 'libur_nasional' && jenis !== 'cuti_bersama'
        ? `jenis harus libur_nasional atau cuti_bersama (tertulis "${jenis}")`
        : keterangan.length === 0 || keterangan.length > 150
          ? 'keterangan harus 1–150 karakter'
          : seen.has(date)
            ? `tanggal ${date} muncul lebih dari sekali`
            : undefined;
    if (reason) {
      problems.push({ line: row.line, reason });
      continue;
    }
    seen.add(date);
    valid.push({ date, jenis: jenis as Holiday['jenis'], keterangan });
  }
  return { valid, problems };
}
