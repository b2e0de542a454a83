import { clockActions } from '../core/apel-jobs';
import type { ApelConfig } from '../core/config';
import type { SesiPlan } from '../core/sesi';
import { plannedSesi, sesiId } from '../core/sesi';
import { addDays, localDate } from '../core/time';
import { getSesiMany, openSesi } from '../store/sesi-store';
import { calendarBetween } from '../store/special-day-store';
import { closeApel } from './apel-session';

export type Closed = Awaited<ReturnType<typeof closeApel>>;

/**
 * One tick of the apel clock (every minute): today's plan from config and calendar,
 * the sesi of today and yesterday that exist (yesterday's too, so a close missed by an
 * outage around midnight still happens), then open what is due and close what is past.
 * Two reads when there is nothing to do.
 */
export async function tickApelClock(config: ApelConfig, now: Date): Promise<{ opened: SesiPlan[]; closed: Closed[] }> {
  const today = localDate(now, config.timeZone);
  const yesterday = addDays(today, -1);
  const { holidays, specialDays } = await calendarBetween(yesterday, today);
  const plans = plannedSesi(today, config, holidays.get(today), specialDays.get(today));
  const yesterdays = plannedSesi(yesterday, config, holidays.get(yesterday), specialDays.get(yesterday));
  const ids = [...plans, ...yesterdays].map((p) => p.id).concat(sesiId(today, 'demo'), sesiId(yesterday, 'demo'));
  const existing = await getSesiMany(ids);
  const opened: SesiPlan[] = [];
  const closed: Closed[] = [];
  for (const action of clockActions(now, plans, existing)) {
    if (action.action === 'open') {
      // A conditional put: if another tick opened it meanwhile, the first record stays.
      if (await openSesi(action.plan, now)) opened.push(action.plan);
    } else {
      closed.push(await closeApel(action.date, action.slot, now));
    }
  }
  return { opened, closed };
}
