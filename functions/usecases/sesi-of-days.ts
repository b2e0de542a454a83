import type { ApelConfig } from '../core/config';
import type { Holiday, SpecialDay } from '../core/sesi';
import { plannedSesi, sesiId } from '../core/sesi';
import type { DaySesi } from '../core/sesi-state';
import { sesiOfDays } from '../core/sesi-state';
import type { IsoDate } from '../core/time';
import { addDays } from '../core/time';
import { getSesiMany } from '../store/sesi-store';
import { calendarBetween } from '../store/special-day-store';

export interface DaysOfSesi {
  sesi: DaySesi[];
  holidays: ReadonlyMap<IsoDate, Holiday>;
  specialDays: ReadonlyMap<IsoDate, SpecialDay>;
}

/**
 * The sesi of the days `from`..`to` (core/sesi-state.ts): the calendar of those days
 * (holidays, the admin's extra days, cancelled slots, changed times) in one range read,
 * then the sesi records of every planned apel, and of the demo apel of `demoOn`, in one
 * batch read.
 */
export async function loadSesiOfDays(from: IsoDate, to: IsoDate, now: Date, config: ApelConfig, demoOn: IsoDate | undefined = from): Promise<DaysOfSesi> {
  const { holidays, specialDays } = await calendarBetween(from, to);
  const planned = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    planned.push(...plannedSesi(date, config, holidays.get(date), specialDays.get(date)));
  }
  const opened = await getSesiMany([...planned.map((p) => p.id), ...(demoOn ? [sesiId(demoOn, 'demo')] : [])]);
  return { sesi: sesiOfDays(planned, opened, now), holidays, specialDays };
}
