import { plannedSesi } from '../core/sesi';
import { getHoliday } from '../store/calendar-store';
import { openSesi } from '../store/sesi-store';
import { config } from './runtime-config';
import { log, scheduledInput } from './scheduled';

/**
 * Scheduled at each slot's opening time every day; opens the sesi only when the date
 * is a WFA day and not a holiday, so the calendar can change without redeploying.
 */
export async function handler(event: unknown): Promise<{ sesiId?: string; opened: boolean; reason: string }> {
  const now = new Date();
  const { slot, date } = scheduledInput(event, now);
  const holiday = await getHoliday(date);
  const plan = plannedSesi(date, config, holiday).find((p) => p.slot === slot);
  if (!plan) {
    const reason = holiday ? `libur: ${holiday.keterangan}` : 'bukan hari WFA';
    log({ message: 'apel not opened', date, slot, reason });
    return { opened: false, reason };
  }
  const opened = await openSesi(plan, now);
  log({ message: opened ? 'apel opened' : 'apel was already open', sesiId: plan.id });
  return { sesiId: plan.id, opened, reason: opened ? 'dibuka' : 'sudah dibuka sebelumnya' };
}
