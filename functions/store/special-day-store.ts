import type { Slot, SlotTimes } from '../core/config';
import { SLOTS } from '../core/config';
import type { Holiday, SpecialDay } from '../core/sesi';
import type { IsoDate } from '../core/time';
import type { TransactItem } from './audit-store';
import type { Item } from './batch';
import { datesBetween, holidaysBetween } from './calendar-store';
import { keys } from './tables';
import { deleteVersioned, getConsistent, putVersioned } from './versioned';

/**
 * The calendar as the admin edits it: holidays (kept by `calendar-store.ts`) and the
 * admin's settings of single dates (extra apel day, cancelled slots, changed times),
 * one item per date beside the holidays of its year.
 */

export const specialDayFrom = (i: Item): SpecialDay => {
  const pick = <T>(value: unknown): Partial<Record<Slot, T>> => {
    const out: Partial<Record<Slot, T>> = {};
    const map = (value ?? {}) as Record<string, T>;
    for (const slot of SLOTS) if (map[slot] !== undefined) out[slot] = map[slot];
    return out;
  };
  const tambahan = i.tambahan as { keterangan?: unknown } | undefined;
  return {
    date: String(i.sk),
    tambahan: tambahan ? { keterangan: String(tambahan.keterangan ?? '') } : null,
    batal: pick<string>(i.batal),
    waktu: pick<SlotTimes>(i.waktu),
  };
};

const specialDayItem = (d: SpecialDay): Item => ({
  ...keys.specialDay(d.date),
  type: 'HARI',
  tambahan: d.tambahan,
  batal: d.batal,
  waktu: d.waktu,
});

/** Settings of the dates in [from, to], keyed by date. */
export function specialDaysBetween(from: IsoDate, to: IsoDate): Promise<Map<IsoDate, SpecialDay>> {
  return datesBetween(keys.specialDayYear, from, to, specialDayFrom);
}

/** Holidays and the admin's settings of the dates in [from, to]: everything the plan of those dates needs. */
export async function calendarBetween(from: IsoDate, to: IsoDate) {
  const [holidays, specialDays] = await Promise.all([holidaysBetween(from, to), specialDaysBetween(from, to)]);
  return { holidays, specialDays };
}

export async function readSpecialDay(date: IsoDate): Promise<{ value: SpecialDay; item: Item } | undefined> {
  const item = await getConsistent('calendar', keys.specialDay(date));
  return item ? { value: specialDayFrom(item), item } : undefined;
}

/** Writes the date's settings, or removes them (`day` null), if unchanged since `before` was read. */
export function writeSpecialDay(date: IsoDate, day: SpecialDay | null, before: Item | undefined): TransactItem | undefined {
  if (day) return putVersioned('calendar', specialDayItem(day), before);
  return before ? deleteVersioned('calendar', before) : undefined;
}

export async function readHoliday(date: IsoDate): Promise<{ value: Holiday; item: Item } | undefined> {
  const item = await getConsistent('calendar', keys.holiday(date));
  return item
    ? { value: { date, jenis: item.jenis === 'cuti_bersama' ? 'cuti_bersama' : 'libur_nasional', keterangan: String(item.keterangan ?? '') }, item }
    : undefined;
}

export function writeHoliday(date: IsoDate, holiday: Holiday | null, before: Item | undefined): TransactItem | undefined {
  if (holiday) return putVersioned('calendar', { ...keys.holiday(date), jenis: holiday.jenis, keterangan: holiday.keterangan }, before);
  return before ? deleteVersioned('calendar', before) : undefined;
}
