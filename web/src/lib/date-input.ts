/**
 * Dates, months and clock times as people in an Indonesian office type them, whatever the
 * browser's language: `30/11/2026` (also `30-11-2026`, `30.11.2026`, `1/2/2026`, or an ISO
 * `2026-11-30` pasted from elsewhere), `11/2026`, `07.30`. Pure: the form controls
 * (components/DateField.tsx) read and check through these, and show the messages.
 */

export type Parsed<T extends string> = { value: T; error?: undefined } | { value?: undefined; error: string };

const pad = (n: number) => String(n).padStart(2, '0');

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `2026-11-30` → `30/11/2026` (empty stays empty). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** `2026-11` → `11/2026`. */
export function formatMonth(iso: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[1]}` : '';
}

/** `07:30` → `07.30`, the Indonesian way of writing a time. */
export function formatClock(hhmm: string): string {
  return hhmm.replace(':', '.');
}

/**
 * A typed date as `YYYY-MM-DD`, or why it is not one; `min` and `max` (ISO, inclusive)
 * bound it. Day first: `1/2/2026` is 1 February.
 */
export function parseDate(text: string, bounds: { min?: string | undefined; max?: string | undefined } = {}): Parsed<string> {
  const t = text.trim();
  if (t === '') return { error: 'Isi tanggal, mis. 30/11/2026.' };
  let d: number, m: number, y: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return { error: `"${t}" bukan tanggal: tulis hari/bulan/tahun, mis. 30/11/2026.` };
  if (m < 1 || m > 12) return { error: `Bulan ${m} tidak ada: tulis hari/bulan/tahun, mis. 30/11/2026.` };
  if (d < 1 || d > daysIn(y, m)) return { error: `Tanggal ${d} tidak ada pada bulan ${m}/${y}.` };
  const value = `${y}-${pad(m)}-${pad(d)}`;
  if (bounds.min && value < bounds.min) return { error: `Paling awal ${formatDate(bounds.min)}.` };
  if (bounds.max && value > bounds.max) return { error: `Paling akhir ${formatDate(bounds.max)}.` };
  return { value };
}

/** A typed month (`11/2026`, `11-2026` or `2026-11`) as `YYYY-MM`, or why not; `max` bounds it. */
export function parseMonth(text: string, bounds: { max?: string | undefined } = {}): Parsed<string> {
  const t = text.trim();
  if (t === '') return { error: 'Isi bulan, mis. 11/2026.' };
  const my = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})$/.exec(t);
  const [m, y] = my ? [Number(my[1]), Number(my[2])] : iso ? [Number(iso[2]), Number(iso[1])] : [NaN, NaN];
  if (Number.isNaN(m)) return { error: `"${t}" bukan bulan: tulis bulan/tahun, mis. 11/2026.` };
  if (m < 1 || m > 12) return { error: `Bulan ${m} tidak ada: tulis bulan/tahun, mis. 11/2026.` };
  const value = `${y}-${pad(m)}`;
  if (bounds.max && value > bounds.max) return { error: `Paling akhir ${formatMonth(bounds.max)}.` };
  return { value };
}

/** A typed clock time (`07.30`, `7.30`, `07:30`) as `HH:MM`, or why not. */
export function parseClock(text: string): Parsed<string> {
  const t = text.trim();
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(t);
  if (!m) return { error: t === '' ? 'Isi jam, mis. 07.30.' : `"${t}" bukan jam: tulis jam.menit, mis. 07.30.` };
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return { error: `Jam ${t} tidak ada: 00.00 sampai 23.59.` };
  return { value: `${pad(h)}:${pad(min)}` };
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** `2026-11-30` → `Senin, 30 November 2026`: shown beside the field, so a slip of a digit is seen. */
export function dayName(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${d} ${MONTHS[m - 1]} ${y}`;
}

/** `2026-11` → `November 2026`. */
export function monthName(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
