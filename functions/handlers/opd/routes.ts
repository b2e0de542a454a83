import { apiHandler } from '../../http/api-handler';
import { authenticate } from '../../http/auth';
import { jsonWithEtag } from '../../http/etag';
import { pathParam, queryParam } from '../../http/params';
import { json } from '../../http/response';
import { zoneLabel } from '../../core/config';
import { addDays, localDate } from '../../core/time';
import { markUniform } from '../../usecases/opd/compliance';
import { addExcuse, listExcuses, retractExcuse } from '../../usecases/opd/excuses';
import { historyCsv, opdHistory } from '../../usecases/opd/history';
import { meetingLinksOfOpd, setMeetingLinks } from '../../usecases/opd/meeting-links';
import { checksOfOpd, startCheck } from '../../usecases/opd/readiness';
import { opdRoll } from '../../usecases/opd/roll';
import { manageableOpds } from '../../usecases/opd/scope';
import { config } from '../runtime-config';
import { opdRequest } from './request';
import { complianceBody, dateParam, excuseBody, meetingLinksBody, readinessBody } from './schemas';

/** The heads' routes: each parses, authorises (role and OPD scope), calls a use case and answers. */

const today = (now: Date) => localDate(now, config.timeZone);

export const listOpd = apiHandler(undefined, async ({ event, now }) => {
  const who = await authenticate(event);
  return json(200, { opd: await manageableOpds(who, today(now)) });
});

export const roll = apiHandler(undefined, async ({ event, now }) => {
  const { opd } = await opdRequest(event);
  const body = await opdRoll(opd, queryParam(event, 'sesi'), now, config);
  // `now` changes every poll; the ETag covers only what the page shows.
  return jsonWithEtag(event, { timeZone: config.timeZone, zoneLabel: zoneLabel(config.timeZone), ...body }, { now: now.toISOString() });
});

export const excuses = apiHandler(undefined, async ({ event, now }) => {
  const { opd } = await opdRequest(event);
  const dari = dateParam(queryParam(event, 'dari'), addDays(today(now), -30), 'dari');
  const sampai = dateParam(queryParam(event, 'sampai'), addDays(today(now), 60), 'sampai');
  return json(200, { izin: await listExcuses(opd, dari, sampai) });
});

export const addExcuseRoute = apiHandler(excuseBody, async ({ event, body, now }) => {
  const { who, opd } = await opdRequest(event);
  return json(201, { izin: await addExcuse(who, opd, body, now) });
});

export const withdrawExcuseRoute = apiHandler(undefined, async ({ event, now }) => {
  const { who, opd } = await opdRequest(event);
  return json(200, { izin: await retractExcuse(who, opd, pathParam(event, 'izinId'), now) });
});

export const uniformMark = apiHandler(complianceBody, async ({ event, body, now }) => {
  const { who, opd } = await opdRequest(event);
  const mark = await markUniform(who, opd, pathParam(event, 'sesiId'), pathParam(event, 'nip'), body.patuh, body.catatan, now);
  return json(200, { tidakPatuh: mark });
});

export const readinessChecks = apiHandler(undefined, async ({ event, now }) => {
  const { opd } = await opdRequest(event);
  return json(200, { now: now.toISOString(), cek: await checksOfOpd(opd, now) });
});

export const startReadiness = apiHandler(readinessBody, async ({ event, body, now }) => {
  const { who, opd } = await opdRequest(event);
  return json(201, { cek: await startCheck(who, opd, body.menit, body.pesan, now, config) });
});

export const getMeetingLinks = apiHandler(undefined, async ({ event }) => {
  const { opd } = await opdRequest(event);
  return json(200, await meetingLinksOfOpd(opd, config));
});

export const meetingLinks = apiHandler(meetingLinksBody, async ({ event, body, now }) => {
  const { who, opd } = await opdRequest(event);
  return json(200, { tautanApel: await setMeetingLinks(who, opd, body, now) });
});

function historyRange(event: Parameters<typeof queryParam>[0], now: Date) {
  const sampai = dateParam(queryParam(event, 'sampai'), today(now), 'sampai');
  const dari = dateParam(queryParam(event, 'dari'), addDays(sampai, -29), 'dari');
  return { dari, sampai };
}

export const history = apiHandler(undefined, async ({ event, now }) => {
  const { opd } = await opdRequest(event);
  const { dari, sampai } = historyRange(event, now);
  return json(200, await opdHistory(opd, dari, sampai));
});

export const historyCsvRoute = apiHandler(undefined, async ({ event, now }) => {
  const { opd } = await opdRequest(event);
  const { dari, sampai } = historyRange(event, now);
  const csv = historyCsv(await opdHistory(opd, dari, sampai));
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rekap-apel-${opd.kode}-${dari}-${sampai}.csv"`,
      'cache-control': 'no-store',
    },
    body: csv,
  };
});
