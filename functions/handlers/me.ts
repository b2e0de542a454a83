import { zoneLabel } from '../core/config';
import { localDate, weekdayOf } from '../core/time';
import { apiHandler } from '../http/api-handler';
import { authenticate } from '../http/auth';
import { dispatch } from '../http/dispatch';
import { pathParam } from '../http/params';
import { json } from '../http/response';
import { requireTables } from '../store/tables';
import { myWeek } from '../usecases/my-week';
import { meetingLinksFor } from '../usecases/opd/meeting-links';
import { answerCheck, runningCheckFor } from '../usecases/opd/readiness';
import { config } from './runtime-config';

requireTables('roster', 'links', 'calendar', 'sessions', 'checkins', 'records');

/**
 * GET /api/me — who the link belongs to, their OPD, today's apel and this week's with
 * their status, the day's uniform, the meeting links and a running readiness check.
 */
const me = apiHandler(undefined, async ({ event, now }) => {
  const link = await authenticate(event);
  const [week, tautanApel, kesiapan] = await Promise.all([
    myWeek(link, now, config),
    meetingLinksFor(link.opd, config),
    runningCheckFor(link, now),
  ]);
  return json(200, {
    now: now.toISOString(),
    regency: config.regency,
    timeZone: config.timeZone,
    zoneLabel: zoneLabel(config.timeZone),
    ...week,
    seragam: config.seragam[weekdayOf(localDate(now, config.timeZone))] ?? null,
    laporan: config.laporan,
    tautanApel,
    kesiapan: kesiapan && { id: kesiapan.id, pesan: kesiapan.pesan, mulai: kesiapan.mulai, batas: kesiapan.batas, dijawabPada: kesiapan.dijawabPada },
  });
});

/** POST /api/kesiapan/{cekId} — "Saya siap": an ASN answers their OPD's readiness check. */
const answer = apiHandler(undefined, async ({ event, now }) => {
  const link = await authenticate(event);
  const { answer, repeat } = await answerCheck(link, pathParam(event, 'cekId'), now);
  return json(repeat ? 200 : 201, { dijawabPada: answer.at });
});

export const handler = dispatch('me', { 'GET /api/me': me, 'POST /api/kesiapan/{cekId}': answer });
