import type { Principal } from '../../core/access';
import { auditEntry } from '../../core/audit';
import { checkDayChange, checkHolidayRows } from '../../core/calendar';
import type { ApelConfig } from '../../core/config';
import { parseCsv } from '../../core/csv';
import { InvalidInput, NotFound } from '../../core/errors';
import type { Holiday, SesiPlan, SpecialDay } from '../../core/sesi';
import { isEmptySpecialDay, plannedSesi } from '../../core/sesi';
import type { IsoDate } from '../../core/time';
import { localDate } from '../../core/time';
import { writeAudited } from '../../store/audit-store';
import type { ImportCounts } from '../../store/batch';
import { importHolidays } from '../../store/calendar-store';
import { getSesiMany } from '../../store/sesi-store';
import { calendarBetween, readHoliday, readSpecialDay, writeHoliday, writeSpecialDay } from '../../store/special-day-store';
import { changedMeanwhile } from './roster';

/**
 * The calendar: holidays and cuti bersama (the yearly joint decree, editable), and
 * the admin's settings of single dates. The apel clock reads both every minute, so a
 * change takes effect without a redeploy.
 */

export async function yearCalendar(year: number, config: ApelConfig) {
  const { holidays, specialDays } = await calendarBetween(`${year}-01-01`, `${year}-12-31`);
  return {
    tahun: year,
    timeZone: config.timeZone,
    wfaDays: config.wfaDays,
    slots: config.slots,
    libur: [...holidays.values()],
    hariKhusus: [...specialDays.values()],
  };
}

/** The same rules as a row of the holiday CSV. */
function checkedHoliday(date: IsoDate, input: { jenis: string; keterangan: string }): Holiday {
  const { valid, problems } = checkHolidayRows([{ line: 1, fields: { tanggal: date, jenis: input.jenis, keterangan: input.keterangan } }]);
  if (problems[0] || !valid[0]) throw new InvalidInput('INPUT_TIDAK_VALID', `Data libur tidak valid: ${problems[0]?.reason ?? 'tidak terbaca'}.`);
  return valid[0];
}

export async function putHoliday(who: Principal, date: IsoDate, input: { jenis: string; keterangan: string }, now: Date): Promise<Holiday> {
  const holiday = checkedHoliday(date, input);
  const stored = await readHoliday(date);
  if (stored && JSON.stringify(stored.value) === JSON.stringify(holiday)) return holiday;
  await writeAudited(
    [writeHoliday(date, holiday, stored?.item)!],
    auditEntry(who, now, { action: 'kalender.libur', target: `libur:${date}`, ...(stored ? { before: stored.value } : {}), after: holiday }),
    () => changedMeanwhile(),
  );
  return holiday;
}

export async function deleteHoliday(who: Principal, date: IsoDate, now: Date): Promise<Holiday> {
  const stored = await readHoliday(date);
  if (!stored) throw new NotFound('LIBUR_TIDAK_ADA', `Tanggal ${date} tidak ada di daftar libur.`);
  await writeAudited(
    [writeHoliday(date, null, stored.item)!],
    auditEntry(who, now, { action: 'kalender.libur.hapus', target: `libur:${date}`, before: stored.value }),
    () => changedMeanwhile(),
  );
  return stored.value;
}

/**
 * Next year's list, in the format of demo-data/libur-2026.csv. Valid rows go in,
 * invalid ones are reported; the audit line (counts, dates) goes first, as for any
 * import, and importing the same file again changes nothing.
 */
export async function importHolidayCsv(who: Principal, csv: string, now: Date): Promise<ImportCounts & { problems: { line: number; reason: string }[] }> {
  const rows = parseCsv(csv, ['tanggal', 'jenis', 'keterangan']);
  if (rows.length === 0) throw new InvalidInput('CSV_TIDAK_VALID', 'Berkas tidak berisi baris data (hanya judul kolom, atau kosong).');
  const { valid, problems } = checkHolidayRows(rows);
  await writeAudited(
    [],
    auditEntry(who, now, { action: 'kalender.impor', target: 'libur', after: { tanggal: valid.map((h) => h.date), ditolak: problems.length } }),
  );
  return { ...(await importHolidays(valid)), problems };
}

export interface SpecialDayInput {
  tambahan?: { keterangan: string } | null | undefined;
  batal?: SpecialDay['batal'] | undefined;
  waktu?: SpecialDay['waktu'] | undefined;
}

/**
 * Replaces a date's settings (an empty input clears them). Refused for a past date,
 * and for a change to a slot that is already open or closed.
 */
export async function setSpecialDay(
  who: Principal,
  date: IsoDate,
  input: SpecialDayInput,
  config: ApelConfig,
  now: Date,
): Promise<{ hariKhusus: SpecialDay | null; rencana: PlannedWindow[] }> {
  const day: SpecialDay = { date, tambahan: input.tambahan ?? null, batal: input.batal ?? {}, waktu: input.waktu ?? {} };
  const after = isEmptySpecialDay(day) ? null : day;
  const [stored, holiday] = await Promise.all([readSpecialDay(date), readHoliday(date)]);
  const plans = (d: SpecialDay | undefined) => plannedSesi(date, config, holiday?.value, d);
  const [beforePlan, afterPlan] = [plans(stored?.value), plans(after ?? undefined)];
  const ids = [...new Set([...beforePlan, ...afterPlan].map((p) => p.id))];
  const opened = new Set((await getSesiMany(ids)).map((s) => s.id));
  checkDayChange(date, localDate(now, config.timeZone), beforePlan, afterPlan, opened);

  const write = writeSpecialDay(date, after, stored?.item);
  if (write && JSON.stringify(stored?.value ?? null) !== JSON.stringify(after)) {
    await writeAudited(
      [write],
      auditEntry(who, now, { action: 'kalender.hari', target: `hari:${date}`, ...(stored ? { before: stored.value } : {}), ...(after ? { after } : {}) }),
      () => changedMeanwhile(),
    );
  }
  return {
    hariKhusus: after,
    rencana: afterPlan.map((p) => ({
      id: p.id,
      slot: p.slot,
      opensAt: p.opensAt.toISOString(),
      onTimeUntil: p.onTimeUntil.toISOString(),
      closesAt: p.closesAt.toISOString(),
    })),
  };
}

/** A date's apel as the admin's change leaves them, as the console shows them. */
export interface PlannedWindow {
  id: string;
  slot: SesiPlan['slot'];
  opensAt: string;
  onTimeUntil: string;
  closesAt: string;
}
