import type { ApelConfig, Slot } from './config';
import { SLOTS } from './config';
import type { IsoDate } from './time';
import { addDays, localDate, weekdayOf, zonedInstant } from './time';

/**
 * Apel sesi: one apel on one date. Which dates have an apel, and the window of each,
 * follow from the config (WFA weekdays, slot times) and the holiday calendar.
 */

/** `demo` exists only in the local runtime's demo mode; AWS schedules never open it. */
export type SesiSlot = Slot | 'demo';

export interface Holiday {
  date: IsoDate;
  jenis: 'libur_nasional' | 'cuti_bersama';
  keterangan: string;
}

export interface SesiWindow {
  opensAt: Date;
  onTimeUntil: Date;
  closesAt: Date;
}

export interface SesiPlan extends SesiWindow {
  id: string;
  date: IsoDate;
  slot: SesiSlot;
}

export const SLOT_LABELS: Record<SesiSlot, string> = {
  pagi: 'Apel Pagi',
  sore: 'Apel Sore',
  demo: 'Apel Demo',
};

export function sesiId(date: IsoDate, slot: SesiSlot): string {
  return `${date}.${slot}`;
}

const SESI_ID = /^(\d{4}-\d{2}-\d{2})\.(pagi|sore|demo)$/;

export function parseSesiId(id: string): { date: IsoDate; slot: SesiSlot } | undefined {
  const m = SESI_ID.exec(id);
  return m ? { date: m[1] as IsoDate, slot: m[2] as SesiSlot } : undefined;
}

/** A WFA day is a configured weekday that is not a national holiday or cuti bersama. */
export function isWfaDay(date: IsoDate, config: ApelConfig, holiday?: Holiday): boolean {
  return config.wfaDays.includes(weekdayOf(date)) && holiday === undefined;
}

export function sesiWindow(date: IsoDate, slot: Slot, config: ApelConfig): SesiWindow {
  const t = config.slots[slot];
  return {
    opensAt: zonedInstant(date, t.opens, config.timeZone),
    onTimeUntil: zonedInstant(date, t.onTimeUntil, config.timeZone),
    closesAt: zonedInstant(date, t.closes, config.timeZone),
  };
}

/** The apel planned on a date: both slots on a WFA day, none otherwise. */
export function plannedSesi(date: IsoDate, config: ApelConfig, holiday?: Holiday): SesiPlan[] {
  if (!isWfaDay(date, config, holiday)) return [];
  return SLOTS.map((slot) => ({ id: sesiId(date, slot), date, slot, ...sesiWindow(date, slot, config) }));
}

/** Planned sesi that have not closed yet, from `now` over the next `days` days. */
export function upcomingSesi(
  now: Date,
  days: number,
  config: ApelConfig,
  holidays: ReadonlyMap<IsoDate, Holiday>,
): SesiPlan[] {
  const today = localDate(now, config.timeZone);
  const plans: SesiPlan[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(today, i);
    plans.push(...plannedSesi(date, config, holidays.get(date)));
  }
  return plans.filter((p) => p.closesAt.getTime() > now.getTime());
}
