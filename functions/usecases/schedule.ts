import type { ApelConfig } from '../core/config';
import { zoneLabel } from '../core/config';
import { SLOT_LABELS, upcomingSesi } from '../core/sesi';
import { addDays, localDate } from '../core/time';
import { calendarBetween } from '../store/special-day-store';

const DAYS = 14;

/** GET /api/schedule — the apel of the next 14 days, and the holidays that cancel some of them. */
export async function upcomingApel(now: Date, config: ApelConfig) {
  const today = localDate(now, config.timeZone);
  const { holidays, specialDays } = await calendarBetween(today, addDays(today, DAYS - 1));
  const sesi = upcomingSesi(now, DAYS, config, holidays, specialDays).map((p) => ({
    id: p.id,
    date: p.date,
    slot: p.slot,
    label: SLOT_LABELS[p.slot],
    opensAt: p.opensAt.toISOString(),
    onTimeUntil: p.onTimeUntil.toISOString(),
    closesAt: p.closesAt.toISOString(),
  }));
  return { now: now.toISOString(), timeZone: config.timeZone, zoneLabel: zoneLabel(config.timeZone), sesi, libur: [...holidays.values()] };
}
