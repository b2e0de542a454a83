import { Conflict } from './errors';
import type { Holiday, SesiPlan, SesiSlot } from './sesi';
import { SLOT_LABELS } from './sesi';
import type { Checked, CsvRow } from './roster';
import { checkRows, field } from './roster';
import type { IsoDate } from './time';
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

/**
 * Whether the admin may change a date's settings (holiday aside): not a date already
 * past, and not in a way that changes a slot already opened (its window is fixed
 * once people may check in; a disruption extends it instead). `before` and `after`
 * are the date's plans without and with the change; `opened` the ids of sesi that exist.
 */
export function checkDayChange(
  date: IsoDate,
  today: IsoDate,
  before: readonly SesiPlan[],
  after: readonly SesiPlan[],
  opened: ReadonlySet<string>,
): void {
  if (date < today) throw new Conflict('TANGGAL_LEWAT', `Tanggal ${date} sudah lewat; pengaturannya tidak bisa diubah lagi.`);
  const window = (plans: readonly SesiPlan[], id: string) => {
    const p = plans.find((x) => x.id === id);
    return p ? `${p.opensAt.toISOString()}|${p.onTimeUntil.toISOString()}|${p.closesAt.toISOString()}` : 'tidak ada';
  };
  for (const id of opened) {
    if (window(before, id) !== window(after, id)) {
      const slot = id.split('.')[1] as SesiSlot;
      throw new Conflict(
        'SESI_SUDAH_DIBUKA',
        `${SLOT_LABELS[slot]} tanggal ${date} sudah dibuka, jadi tidak bisa dibatalkan atau diubah waktunya. Nyatakan gangguan bila perlu.`,
      );
    }
  }
}
