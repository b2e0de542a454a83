import { clockActions } from '../core/apel-jobs';
import type { ApelConfig } from '../core/config';
import type { SesiPlan } from '../core/sesi';
import type { SesiSlot } from '../core/sesi';
import { plannedSesi, sesiId } from '../core/sesi';
import { addDays, localDate } from '../core/time';
import { getSesiMany, markRecapFinal, openSesi } from '../store/sesi-store';
import { calendarBetween } from '../store/special-day-store';
import { closeApel } from './apel-session';
import { queueReminders } from './reminders/clock';

const ALL_SLOTS: SesiSlot[] = ['pagi', 'sore', 'demo'];

export type Closed = Awaited<ReturnType<typeof closeApel>>;

/**
 * One tick of the apel clock (every minute): today's plan from config and calendar,
 * the sesi of today and yesterday that exist (yesterday's too, so a close missed by an
 * outage around midnight still happens), then open what is due and close what is past.
 * Two reads when there is nothing to do.
 */
export async function tickApelClock(config: ApelConfig, now: Date): Promise<{ opened: SesiPlan[]; closed: Closed[]; reminders: string[] }> {
  const today = localDate(now, config.timeZone);
  const yesterday = addDays(today, -1);
  const { holidays, specialDays } = await calendarBetween(yesterday, today);
  const plans = plannedSesi(today, config, holidays.get(today), specialDays.get(today));
  const yesterdays = plannedSesi(yesterday, config, holidays.get(yesterday), specialDays.get(yesterday));
  // Every slot of both days, planned or not: a sesi that is open must close even if the
  // admin has since declared the day a holiday or cancelled the slot.
  const ids = new Set([...plans, ...yesterdays].map((p) => p.id));
  for (const date of [yesterday, today]) for (const slot of ALL_SLOTS) ids.add(sesiId(date, slot));
  const existing = await getSesiMany([...ids]);
  const opened: SesiPlan[] = [];
  const closed: Closed[] = [];
  for (const action of clockActions(now, plans, existing, config.luringSampaiMenit * 60_000)) {
    if (action.action === 'open') {
      // A conditional put: if another tick opened it meanwhile, the first record stays.
      if (await openSesi(action.plan, now)) opened.push(action.plan);
    } else if (action.action === 'close') {
      closed.push(await closeApel(action.date, action.slot, now));
    } else {
      // The recap again, with the taps kept on phones that arrived after the close (marked luring).
      closed.push(await closeApel(action.date, action.slot, now));
      await markRecapFinal(action.id, now);
    }
  }
  // Reminders: at an opening, and a few minutes before an open apel turns late (usecases/reminders/clock.ts).
  const reminders = await queueReminders(config, now, opened, existing);
  return { opened, closed, reminders };
}
