import type { ClockAction } from '../core/apel-jobs';
import { clockActions } from '../core/apel-jobs';
import type { ApelConfig } from '../core/config';
import { plannedSesi, sesiId } from '../core/sesi';
import { addDays, localDate } from '../core/time';
import { getSesiMany, openSesi } from '../store/sesi-store';
import { calendarBetween } from '../store/special-day-store';
import { closeApel } from './apel-session';

/**
 * One tick of the apel clock (every minute): today's plan from config and calendar,
 * the sesi of today and yesterday that exist (yesterday's too, so a close missed by an
 * outage around midnight still happens), then open what is due and close what is past.
 * Two reads when there is nothing to do.
 */
export async function tickApelClock(config: ApelConfig, now: Date): Promise<{ actions: ClockAction[]; closed: Awaited<ReturnType<typeof closeApel>>[] }> {
  const today = localDate(now, config.timeZone);
  const yesterday = addDays(today, -1);
  const { holidays, specialDays } = await calendarBetween(yesterday, today);
  const plans = plannedSesi(today, config, holidays.get(today), specialDays.get(today));
  const yesterdays = plannedSesi(yesterday, config, holidays.get(yesterday), specialDays.get(yesterday));
  const ids = [...plans, ...yesterdays].map((p) => p.id).concat(sesiId(today, 'demo'), sesiId(yesterday, 'demo'));
  const existing = await getSesiMany(ids);
  const actions = clockActions(now, plans, existing);
  const closed: Awaited<ReturnType<typeof closeApel>>[] = [];
  for (const action of actions) {
    if (action.action === 'open') await openSesi(action.plan, now);
    else closed.push(await closeApel(action.date, action.slot, now));
  }
  return { actions, closed };
}
