import { zoneLabel } from '../core/config';
import { SLOT_LABELS, upcomingSesi } from '../core/sesi';
import { addDays, localDate } from '../core/time';
import { apiHandler } from '../http/api-handler';
import { authenticate } from '../http/auth';
import { json } from '../http/response';
import { calendarBetween } from '../store/special-day-store';
import { requireTables } from '../store/tables';
import { config } from './runtime-config';

requireTables('links', 'calendar');

const DAYS = 14;

/** GET /api/schedule — the apel of the next 14 days, and the holidays that cancel some of them. */
export const handler = apiHandler(undefined, async ({ event, now }) => {
  await authenticate(event);
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
  return json(200, {
    now: now.toISOString(),
    timeZone: config.timeZone,
    zoneLabel: zoneLabel(config.timeZone),
    sesi,
    libur: [...holidays.values()],
  });
});
