import { zoneLabel } from '../core/config';
import { plannedSesi, sesiId } from '../core/sesi';
import { sesiViews } from '../core/sesi-view';
import { addDays, localDate, mondayOf } from '../core/time';
import { apiHandler } from '../http/api-handler';
import { authenticate } from '../http/auth';
import { json } from '../http/response';
import { holidaysBetween } from '../store/calendar-store';
import { checkinsOfAsn } from '../store/checkin-store';
import { getAsn, getOpd } from '../store/roster-store';
import { getSesiMany } from '../store/sesi-store';
import { requireTables } from '../store/tables';
import { config } from './runtime-config';

requireTables('roster', 'links', 'calendar', 'sessions', 'checkins');

/** GET /api/me — who the link belongs to, their OPD, today's apel and this week's, with their status. */
export const handler = apiHandler(undefined, async ({ event, now }) => {
  const link = await authenticate(event);
  const today = localDate(now, config.timeZone);
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i));

  const [asn, opd, holidays, checkins] = await Promise.all([
    getAsn(link.nip),
    getOpd(link.opd),
    holidaysBetween(monday, sunday),
    checkinsOfAsn(link.nip, `${monday}.`, `${sunday}.~`),
  ]);
  const planned = week.flatMap((date) => plannedSesi(date, config, holidays.get(date)));
  const opened = await getSesiMany([...planned.map((p) => p.id), sesiId(today, 'demo')]);
  const views = sesiViews(now, planned, opened, new Map(checkins.map((c) => [c.sesiId, c])));

  return json(200, {
    now: now.toISOString(),
    regency: config.regency,
    timeZone: config.timeZone,
    zoneLabel: zoneLabel(config.timeZone),
    asn: asn
      ? { nip: asn.nip, nama: asn.nama, jabatan: asn.jabatan, status: asn.status, role: link.role }
      : { nip: link.nip, nama: link.nip, jabatan: '', status: 'PNS', role: link.role },
    opd: opd ?? { kode: link.opd, nama: link.opd, wfa: true },
    today: views.filter((v) => v.date === today),
    week: views,
    libur: [...holidays.values()],
  });
});
