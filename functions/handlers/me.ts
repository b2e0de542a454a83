import { zoneLabel } from '../core/config';
import { apiHandler } from '../http/api-handler';
import { authenticate } from '../http/auth';
import { json } from '../http/response';
import { requireTables } from '../store/tables';
import { myWeek } from '../usecases/my-week';
import { config } from './runtime-config';

requireTables('roster', 'links', 'calendar', 'sessions', 'checkins');

/** GET /api/me — who the link belongs to, their OPD, today's apel and this week's, with their status. */
export const handler = apiHandler(undefined, async ({ event, now }) => {
  const link = await authenticate(event);
  return json(200, {
    now: now.toISOString(),
    regency: config.regency,
    timeZone: config.timeZone,
    zoneLabel: zoneLabel(config.timeZone),
    ...(await myWeek(link, now, config)),
  });
});
